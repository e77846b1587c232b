package org.spinworkbench.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalStepsTest {
    @Test
    void eachIterationStartsWhereThePreviousEnded() {
        GlobalSteps steps = new GlobalSteps();
        steps.learn(1, 3);
        steps.learn(1, 6);
        steps.learn(1, 4); // an earlier point seen late does not shorten the iteration
        steps.learn(2, 5);

        assertEquals(1, steps.global(1, 1));
        assertEquals(6, steps.global(1, 6));
        assertEquals(7, steps.global(2, 1));
        assertEquals(List.of(0L, 6L, 11L), steps.ends(List.of(0, 1, 2)));
        assertEquals(0, steps.global(0, 0), "the base model sits at step 0");
    }
}

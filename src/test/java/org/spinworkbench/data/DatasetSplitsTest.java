package org.spinworkbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.spinworkbench.lm.ChatMessage;

class DatasetSplitsTest {
    private static List<Example> examples(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(row -> new Example(row, List.of(ChatMessage.user("q" + row)), "a" + row, null)).toList();
    }

    private static List<Integer> rows(List<Example> examples) {
        return examples.stream().map(Example::row).toList();
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        List<Example> all = examples(100);
        DatasetSplit first = DatasetSplits.holdOut(all, 0.1, 42);
        assertEquals(first, DatasetSplits.holdOut(all, 0.1, 42));
        assertEquals(first, DatasetSplits.holdOut(all, 10, 42));
        assertNotEquals(rows(first.eval()), rows(DatasetSplits.holdOut(all, 0.1, 43).eval()));
    }

    @Test
    void theSplitIsAPartitionInInputOrder() {
        List<Example> all = examples(57);
        DatasetSplit split = DatasetSplits.holdOut(all, 13, 7);
        assertEquals(44, split.train().size());
        assertEquals(13, split.eval().size());
        Set<Integer> seen = new HashSet<>(rows(split.train()));
        split.eval().forEach(example -> assertTrue(seen.add(example.row()), "in both: " + example.row()));
        assertEquals(57, seen.size());
        List<Integer> evalRows = new ArrayList<>(rows(split.eval()));
        assertEquals(evalRows.stream().sorted().toList(), evalRows);
        // Held out rows are spread over the file, not its first or last 13.
        assertNotEquals(IntStream.rangeClosed(1, 13).boxed().toList(), evalRows);
        assertNotEquals(IntStream.rangeClosed(45, 57).boxed().toList(), evalRows);
    }

    @Test
    void fractionsRoundButKeepOneOnEachSide() {
        assertEquals(3, DatasetSplits.holdOut(examples(25), 0.1, 1).eval().size()); // 2.5 rounds up
        assertEquals(1, DatasetSplits.holdOut(examples(5), 0.01, 1).eval().size());
        assertEquals(1, DatasetSplits.holdOut(examples(5), 0.99, 1).train().size());
        assertEquals(1, DatasetSplits.holdOut(examples(2), 0.5, 1).eval().size());
    }

    @Test
    void impossibleSplitsAreClearErrors() {
        assertEquals("The evaluation fraction must be between 0 and 1 (exclusive), not 1.0.",
                assertThrows(IllegalArgumentException.class, () -> DatasetSplits.holdOut(examples(10), 1.0, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatasetSplits.holdOut(examples(10), 0.0, 1));
        assertThrows(IllegalArgumentException.class, () -> DatasetSplits.holdOut(examples(10), Double.NaN, 1));
        assertEquals("The evaluation split must hold at least 1 and fewer than all 10 examples, not 10.",
                assertThrows(IllegalArgumentException.class, () -> DatasetSplits.holdOut(examples(10), 10, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatasetSplits.holdOut(examples(10), 0, 1));
        assertEquals("Holding out an evaluation split needs at least 2 examples; there is 1. Give an evaluation file instead.",
                assertThrows(IllegalArgumentException.class, () -> DatasetSplits.holdOut(examples(1), 0.5, 1)).getMessage());
    }
}

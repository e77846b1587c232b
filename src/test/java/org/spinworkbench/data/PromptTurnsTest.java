package org.spinworkbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.spinworkbench.lm.ChatMessage.assistant;
import static org.spinworkbench.lm.ChatMessage.system;
import static org.spinworkbench.lm.ChatMessage.user;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptTurnsTest {
    @Test
    void theConversationBeforeTheLastAnswerIsTheDefaultPrompt() {
        Example example = new Example(3, List.of(user("a"), assistant("b"), user("c")), "d", "d'");

        assertEquals(example, PromptTurns.CONVERSATION.apply(example));
    }

    @Test
    void theReferencesChoiceIsTheSystemMessageAndFirstUserTurnAnsweredByTheFirstAnswer() {
        Example multiTurn = new Example(3, List.of(user("a"), assistant("b"), user("c")), "d", "d'");

        Example first = PromptTurns.FIRST_TURN.apply(multiTurn);

        assertEquals(List.of(system(""), user("a")), first.prompt(), "an empty system message, as uclaml/SPIN inserts");
        assertEquals("b", first.realResponse());
        assertNull(first.generatedResponse(), "the data's synthetic answer answers turn 2, not turn 1");
        assertEquals(3, first.row());
    }

    @Test
    void singleTurnDataKeepsItsSystemMessageAndSyntheticAnswer() {
        Example single = new Example(1, List.of(system("Be brief."), user("a")), "b", "b'");

        Example first = PromptTurns.FIRST_TURN.apply(single);

        assertEquals(List.of(system("Be brief."), user("a")), first.prompt());
        assertEquals("b", first.realResponse());
        assertEquals("b'", first.generatedResponse());
        assertEquals(PromptTurns.FIRST_TURN, PromptTurns.ofId("first-turn"));
    }
}

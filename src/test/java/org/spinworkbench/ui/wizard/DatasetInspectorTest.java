package org.spinworkbench.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.SharedFixtures;
import org.spinworkbench.lm.hf.ChatTemplate;

/** The data step renders every row through the chosen model's template, not only the preview. */
class DatasetInspectorTest {
    @TempDir
    Path dir;

    @Test
    void aRowTheTemplateRefusesIsListedWithItsLine() throws IOException {
        Path data = Files.writeString(dir.resolve("chat.jsonl"), """
                {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello."}]}
                {"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello."}]}
                """);
        ChatTemplate mistral = ChatTemplate.load(SharedFixtures.hfReal("mistral-7b-instruct-v0.2"));

        DatasetCheck check = new DatasetInspector().check(data, null, null, mistral, false,
                org.spinworkbench.data.PromptTurns.CONVERSATION, null);

        assertEquals(1, check.train().examples().size());
        assertEquals("line 2: The chat template refused the conversation: Conversation roles must alternate"
                + " user/assistant/user/assistant/...", check.train().skipped().get(0).message());
    }
}

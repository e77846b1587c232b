package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.SharedFixtures;
import org.spinworkbench.data.DataFileException;
import org.spinworkbench.data.DatasetReader;
import org.spinworkbench.data.ExampleCheck;
import org.spinworkbench.data.LoadedDataset;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.data.PromptTurns;
import org.spinworkbench.lm.hf.ChatTemplate;

/** Rows the model's chat template refuses are found while reading, with their line numbers. */
class TemplateCheckTest {
    private static final String ROWS = """
            {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello."}]}
            {"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello."}]}
            {"messages": [{"role": "user", "content": "2+2?"}, {"role": "assistant", "content": "4"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void mistralsRefusalOfASystemTurnIsARowProblemThatCanBeSkipped() throws IOException {
        Path data = Files.writeString(dir.resolve("chat.jsonl"), ROWS);
        ExampleCheck check = TemplateCheck.of(ChatTemplate.load(SharedFixtures.hfReal("mistral-7b-instruct-v0.2")), false);

        LoadedDataset read = DatasetReader.read(data, null, ProblemPolicy.SKIP, PromptTurns.CONVERSATION, check);

        assertEquals(2, read.examples().size());
        assertEquals(1, read.skipped().size());
        assertEquals(2, read.skipped().get(0).row());
        assertEquals("line 2: The chat template refused the conversation: Conversation roles must alternate"
                + " user/assistant/user/assistant/...", read.skipped().get(0).message());
    }

    @Test
    void withoutSkippingTheReadStopsAtTheRefusedLine() throws IOException {
        Path data = Files.writeString(dir.resolve("chat.jsonl"), ROWS);
        ExampleCheck check = TemplateCheck.of(ChatTemplate.load(SharedFixtures.hfReal("mistral-7b-instruct-v0.2")), false);

        DataFileException error = assertThrows(DataFileException.class,
                () -> DatasetReader.read(data, null, ProblemPolicy.STOP, PromptTurns.CONVERSATION, check));

        assertTrue(error.getMessage().startsWith("chat.jsonl line 2: The chat template refused"), error.getMessage());
    }

    @Test
    void rawTextNeedsNoTemplateSoNothingIsRefused() throws IOException {
        Path data = Files.writeString(dir.resolve("chat.jsonl"), ROWS);
        ExampleCheck check = TemplateCheck.of(ChatTemplate.load(SharedFixtures.hfReal("mistral-7b-instruct-v0.2")), true);

        assertEquals(3, DatasetReader.read(data, null, ProblemPolicy.STOP, PromptTurns.CONVERSATION, check)
                .examples().size());
    }
}

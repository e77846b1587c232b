package org.spinworkbench.data.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.data.DataFileException;

class CheckedExampleTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryTestRowWithItsLineAndScoresPerfectlyAgainstItsOwnAnswers() throws Exception {
        DemoDataset dataset = DemoDataset.generate(5, 40, 25);
        dataset.write(dir.resolve("demo"));
        List<CheckedExample> examples = CheckedExample.read(dir.resolve("demo/test.jsonl"));
        assertEquals(25, examples.size());
        for (int i = 0; i < examples.size(); i++) {
            DemoQuestion question = dataset.test().get(i);
            assertEquals(new CheckedExample(i + 1, question.prompt(), question.task().id(), question.answer()),
                    examples.get(i));
        }
        Accuracy accuracy = AnswerChecker.score(examples.stream().map(e -> e.answeredWith(e.answer())).toList());
        assertEquals(new Accuracy.Count(25, 25), accuracy.overall());
        assertEquals(5, accuracy.byTask().size());
    }

    @Test
    void badRowsAreNamedByLine() throws Exception {
        String good = "{\"prompt\": \"What is 1+2?\", \"response\": \"3\", \"task\": \"add\", \"answer\": \"3\"}\n";
        assertProblem(good + "\n{\"prompt\": \"6*7?\", \"task\": \"multiply\", \"answer\": \"42\"}\n",
                3, "unknown task \"multiply\"");
        assertProblem(good + "{\"prompt\": \"What is 1+2?\", \"task\": \"add\"}\n", 2, "missing field \"answer\"");
        assertProblem(good + "{\"prompt\": \"x\", \"task\": \"add\", \"answer\": \"three\"}\n", 2,
                "the answer to add must be a whole number");
        assertProblem("{\"prompt\": \"Capital of France?\", \"task\": \"capital\", \"answer\": \" \"}\n", 1,
                "empty answer");
        assertProblem("\n\n", 0, "the file has no rows");
    }

    private void assertProblem(String content, int line, String reason) throws Exception {
        Path file = dir.resolve("test.jsonl");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        DataFileException e = assertThrows(DataFileException.class, () -> CheckedExample.read(file));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().startsWith(reason), e.getMessage());
    }
}

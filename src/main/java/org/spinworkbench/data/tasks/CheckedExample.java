package org.spinworkbench.data.tasks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spinworkbench.data.DataFileException;
import org.spinworkbench.data.JsonLines;
import org.spinworkbench.io.Problems;

/**
 * A question with a checkable answer, as a demo JSON Lines file holds it; {@code line} is the
 * 1-based line it came from.
 */
public record CheckedExample(int line, String prompt, String task, String answer) {
    /**
     * Every row of a file such as the demo's {@code test.jsonl}.
     *
     * @throws DataFileException naming the line when a row lacks {@code prompt}, {@code task} or
     *         {@code answer}, names an unknown task, has an empty answer, or the file has no rows
     */
    public static List<CheckedExample> read(Path file) {
        List<CheckedExample> examples = new ArrayList<>();
        for (JsonLines.Line line : JsonLines.read(file)) {
            String prompt = line.text(file, "prompt");
            String task = line.text(file, "task");
            String answer = line.text(file, "answer");
            DemoTask kind;
            try {
                kind = DemoTask.fromId(task);
            } catch (IllegalArgumentException e) {
                throw new DataFileException(file, line.number(), Problems.describe(e));
            }
            if (answer.isBlank()) {
                throw new DataFileException(file, line.number(), "empty answer (\"answer\")");
            }
            if (kind.answerKind() == DemoTask.AnswerKind.NUMBER && !AnswerChecker.isInteger(answer)) {
                throw new DataFileException(file, line.number(), "the answer to " + kind.id()
                        + " must be a whole number, found \"" + answer + "\"");
            }
            examples.add(new CheckedExample(line.number(), prompt, kind.id(), answer));
        }
        if (examples.isEmpty()) {
            throw new DataFileException(file, 0, "the file has no rows");
        }
        return examples;
    }

    /** This question answered with {@code output}, ready for {@link AnswerChecker#score}. */
    public ModelAnswer answeredWith(String output) {
        return new ModelAnswer(task, answer, output);
    }
}

package org.spinworkbench.data.tasks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The demo data as files: JSON Lines rows and a README that says how they were made. */
final class DemoDataFiles {
    static final String TRAIN_FILE = "train.jsonl";
    static final String TEST_FILE = "test.jsonl";
    static final String README_FILE = "README.md";

    /** No HTML escaping, so that "France's" stays readable rather than "France\u0027s". */
    private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

    private DemoDataFiles() {
    }

    static void write(DemoDataset dataset, Path folder) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(TRAIN_FILE, jsonLines(dataset.train()));
        files.put(TEST_FILE, jsonLines(dataset.test()));
        files.put(README_FILE, readme(dataset, folder));
        if (Files.exists(folder)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                writeAtomically(folder.resolve(file.getKey()), file.getValue());
            }
            return;
        }
        Path absolute = folder.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = Files.createDirectory(
                absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".partial"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(partial.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
    }

    /** One row a line, keys in a fixed order: prompt, response, task, answer. */
    static String jsonLines(List<DemoQuestion> questions) {
        StringBuilder text = new StringBuilder();
        for (DemoQuestion question : questions) {
            JsonObject row = new JsonObject();
            row.addProperty("prompt", question.prompt());
            row.addProperty("response", question.answer());
            row.addProperty("task", question.task().id());
            row.addProperty("answer", question.answer());
            text.append(JSON.toJson(row)).append('\n');
        }
        return text.toString();
    }

    static String command(DemoDataset dataset, Path folder) {
        String output = folder.toString();
        if (output.chars().anyMatch(Character::isWhitespace)) {
            output = "\"" + output + "\"";
        }
        return "spin-workbench demo-data --output " + output + " --seed " + dataset.seed()
                + " --train " + dataset.train().size() + " --test " + dataset.test().size();
    }

    private static String readme(DemoDataset dataset, Path folder) {
        Map<DemoTask, Integer> train = DemoDataset.countByTask(dataset.train());
        Map<DemoTask, Integer> test = DemoDataset.countByTask(dataset.test());
        String counts = train.keySet().stream()
                .map(task -> task.id() + " " + train.get(task) + "/" + test.getOrDefault(task, 0))
                .collect(Collectors.joining(", "));
        return """
                # Demo tasks

                Short questions whose answers a program checks, for the workshop demo. Made by

                    %s

                (`spin-workbench` is `java -jar target/spin-workbench.jar`); the same command writes the same bytes.

                - `train.jsonl`: %d rows; `test.jsonl`: %d rows. Rows per task (train/test): %s.
                - One JSON object a line: `{"prompt": "What is 47+38?", "response": "85", "task": "add", "answer": "85"}`.
                  Read the files as `prompt_response` data; `task` and `answer` are for the checker,
                  `org.spinworkbench.data.tasks.AnswerChecker`.
                - No prompt is in both files. The test's add, reverse, sort and convert questions are problems
                  the train file never shows; its capital questions ask countries the train file asks too,
                  in other words.
                - Scoring: numbers count when the first integer of the output is the answer; words must come
                  in the answer's order; capitals ignore case. Spacing and trailing punctuation never count.
                """.formatted(command(dataset, folder), dataset.train().size(), dataset.test().size(), counts);
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path partial = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

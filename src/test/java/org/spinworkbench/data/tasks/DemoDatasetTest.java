package org.spinworkbench.data.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDatasetTest {
    private static final DemoDataset DEFAULT = DemoDataset.generate(DemoDataset.DEFAULT_SEED,
            DemoDataset.DEFAULT_TRAIN_SIZE, DemoDataset.DEFAULT_TEST_SIZE);

    @TempDir
    Path dir;

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherRows() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        DemoDataset.generate(7, 400, 100).write(first);
        DemoDataset.generate(7, 400, 100).write(second);
        for (String file : List.of("train.jsonl", "test.jsonl")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
        assertEquals(Files.readString(first.resolve("README.md")).replace(first.toString(), second.toString()),
                Files.readString(second.resolve("README.md")));

        assertNotEquals(DemoDataset.generate(7, 400, 100).train(), DemoDataset.generate(8, 400, 100).train());
    }

    @Test
    void splitsHaveTheAskedSizesAndEveryTaskAnEqualShareOfBoth() {
        assertEquals(400, DEFAULT.train().size());
        assertEquals(100, DEFAULT.test().size());
        for (DemoTask task : DemoTask.values()) {
            assertEquals(80, DemoDataset.countByTask(DEFAULT.train()).get(task), task.id());
            assertEquals(20, DemoDataset.countByTask(DEFAULT.test()).get(task), task.id());
        }
        DemoDataset small = DemoDataset.generate(3, 7, 5);
        assertEquals(7, small.train().size());
        assertEquals(5, small.test().size());
        assertEquals(Set.of(DemoTask.values()), DemoDataset.countByTask(small.train()).keySet());
        assertEquals(Set.of(DemoTask.values()), DemoDataset.countByTask(small.test()).keySet());
    }

    @Test
    void tasksAreMixedRatherThanInBlocks() {
        List<DemoTask> firstTen = DEFAULT.train().subList(0, 10).stream().map(DemoQuestion::task).toList();
        assertTrue(new HashSet<>(firstTen).size() > 2, firstTen.toString());
    }

    @Test
    void noPromptIsInBothSplitsNorTwiceInOne() {
        Set<String> train = prompts(DEFAULT.train());
        Set<String> test = prompts(DEFAULT.test());
        assertEquals(DEFAULT.train().size(), train.size());
        assertEquals(DEFAULT.test().size(), test.size());
        assertTrue(train.stream().noneMatch(test::contains));
    }

    @Test
    void computedTasksTestNewProblemsAndCapitalsTestCountriesTrainingAsks() {
        for (DemoTask task : List.of(DemoTask.ADD, DemoTask.REVERSE, DemoTask.SORT, DemoTask.CONVERT)) {
            Set<String> trainProblems = problems(DEFAULT.train(), task);
            for (String problem : problems(DEFAULT.test(), task)) {
                assertFalse(trainProblems.contains(problem), task.id() + " " + problem);
            }
        }
        Set<String> trainCountries = problems(DEFAULT.train(), DemoTask.CAPITAL);
        Set<String> testCountries = problems(DEFAULT.test(), DemoTask.CAPITAL);
        assertEquals(20, testCountries.size(), "a country is asked once in the test");
        assertTrue(trainCountries.containsAll(testCountries), testCountries + " not all in " + trainCountries);
    }

    @Test
    void everyAnswerIsRightWhenWorkedOutFromItsPrompt() {
        List<DemoQuestion> all = new ArrayList<>(DEFAULT.train());
        all.addAll(DEFAULT.test());
        for (DemoQuestion question : all) {
            assertEquals(workedOut(question), question.answer(), question.prompt());
            assertTrue(AnswerChecker.correct(question.task().id(), question.answer(), question.answer()));
        }
    }

    @Test
    void promptsAndAnswersAreShort() {
        for (DemoQuestion question : DEFAULT.train()) {
            assertTrue(question.prompt().length() <= 40, question.prompt());
            assertTrue(question.answer().length() <= 12, question.answer());
        }
    }

    @Test
    void rowsAreJsonLinesWithTheResponseAsTheAnswer() throws Exception {
        Path folder = dir.resolve("demo");
        DEFAULT.write(folder);
        List<String> lines = Files.readAllLines(folder.resolve("test.jsonl"), StandardCharsets.UTF_8);
        assertEquals(100, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonObject row = JsonParser.parseString(lines.get(i)).getAsJsonObject();
            assertEquals(List.of("prompt", "response", "task", "answer"), new ArrayList<>(row.keySet()));
            DemoQuestion question = DEFAULT.test().get(i);
            assertEquals(question.prompt(), row.get("prompt").getAsString());
            assertEquals(question.answer(), row.get("response").getAsString());
            assertEquals(question.answer(), row.get("answer").getAsString());
            assertEquals(question.task().id(), row.get("task").getAsString());
        }
        assertFalse(Files.readString(folder.resolve("train.jsonl")).contains("\\u0027"), "no HTML escaping");
        String readme = Files.readString(folder.resolve("README.md"));
        assertTrue(readme.contains("spin-workbench demo-data --output " + folder + " --seed 0 --train 400 --test 100"),
                readme);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(folder), left.toList(), "no partial files are left behind");
        }
    }

    @Test
    void writingIntoAFolderThatExistsReplacesOnlyTheDataFiles() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("demo"));
        Files.writeString(folder.resolve("train.jsonl"), "old");
        Files.writeString(folder.resolve("notes.txt"), "mine");
        DemoDataset.generate(1, 10, 5).write(folder);
        assertEquals(10, Files.readAllLines(folder.resolve("train.jsonl")).size());
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(Set.of("train.jsonl", "test.jsonl", "README.md", "notes.txt"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void sizesTheTasksCannotFillAreRefusedWithTheReason() {
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> DemoDataset.generate(0, 400, 4));
        assertTrue(tooSmall.getMessage().contains("at least 5 rows"), tooSmall.getMessage());
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> DemoDataset.generate(0, 400, 40_000));
        assertTrue(tooBig.getMessage().contains("the test split asks 40000 questions"), tooBig.getMessage());
    }

    @Test
    void largePoolsGiveTheTasksThatCannotFillTheirShareAllTheyHaveAndTheOthersTheRest() {
        DemoDataset pool = DemoDataset.generate(0, 4000, 500);

        assertEquals(4000, pool.train().size());
        assertEquals(500, pool.test().size());
        Map<DemoTask, Integer> test = DemoDataset.countByTask(pool.test());
        Map<DemoTask, Integer> train = DemoDataset.countByTask(pool.train());
        assertEquals(40, test.get(DemoTask.CAPITAL), "one question per country");
        assertEquals(80, train.get(DemoTask.CAPITAL), "every phrasing the test did not take");
        assertEquals(360 - test.get(DemoTask.CONVERT), train.get(DemoTask.CONVERT), "every conversion left");
        assertEquals(train.get(DemoTask.ADD), train.get(DemoTask.SORT));
        Set<String> overlap = new HashSet<>(prompts(pool.train()));
        overlap.retainAll(prompts(pool.test()));
        assertTrue(overlap.isEmpty(), overlap.toString());
        for (DemoTask task : List.of(DemoTask.ADD, DemoTask.REVERSE, DemoTask.SORT, DemoTask.CONVERT)) {
            Set<String> shared = new HashSet<>(problems(pool.train(), task));
            shared.retainAll(problems(pool.test(), task));
            assertTrue(shared.isEmpty(), task + ": " + shared);
        }
    }

    private static Set<String> prompts(List<DemoQuestion> questions) {
        return questions.stream().map(DemoQuestion::prompt).collect(Collectors.toSet());
    }

    /** What a question is about, whatever its wording: the sum, the word list, the conversion, the country. */
    private static Set<String> problems(List<DemoQuestion> questions, DemoTask task) {
        return questions.stream().filter(q -> q.task() == task).map(q -> switch (task) {
            case ADD, REVERSE, CONVERT -> q.prompt();
            case SORT -> Arrays.stream(q.prompt().substring("Sort: ".length()).split(" ")).sorted()
                    .collect(Collectors.joining(" "));
            case CAPITAL -> country(q.prompt());
        }).collect(Collectors.toSet());
    }

    private static final Pattern ADDITION = Pattern.compile("What is (\\d\\d)\\+(\\d\\d)\\?");
    private static final Pattern CONVERSION = Pattern.compile("(\\d+) (\\w+) in (\\w+)\\?");

    /** The answer recomputed here, independently of the generator. */
    private static String workedOut(DemoQuestion question) {
        String prompt = question.prompt();
        switch (question.task()) {
            case ADD -> {
                Matcher m = matching(ADDITION, prompt);
                return Integer.toString(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)));
            }
            case REVERSE -> {
                List<String> words = new ArrayList<>(List.of(prompt.substring("Reverse: ".length()).split(" ")));
                assertEquals(3, words.size(), prompt);
                assertEquals(3, new HashSet<>(words).size(), prompt);
                java.util.Collections.reverse(words);
                return String.join(" ", words);
            }
            case SORT -> {
                String[] words = prompt.substring("Sort: ".length()).split(" ");
                assertEquals(3, words.length, prompt);
                String shown = String.join(" ", words);
                Arrays.sort(words);
                assertNotEquals(String.join(" ", words), shown, "a sort question is not already sorted");
                return String.join(" ", words);
            }
            case CONVERT -> {
                Matcher m = matching(CONVERSION, prompt);
                double from = Integer.parseInt(m.group(1)) * unitSize(m.group(2));
                double amount = from / unitSize(m.group(3));
                assertEquals(Math.rint(amount), amount, prompt + " has a whole-number answer");
                return Long.toString(Math.round(amount));
            }
            case CAPITAL -> {
                return CAPITALS.get(country(prompt));
            }
            default -> throw new AssertionError(question.task());
        }
    }

    /** Each unit in its dimension's smallest unit here: mm, g, mL, s. */
    private static double unitSize(String unit) {
        return switch (unit) {
            case "mm", "g", "mL", "s" -> 1;
            case "cm" -> 10;
            case "m" -> 1000;
            case "km" -> 1_000_000;
            case "kg", "L" -> 1000;
            case "t" -> 1_000_000;
            case "min" -> 60;
            case "h" -> 3600;
            case "d" -> 86_400;
            default -> throw new AssertionError("unknown unit " + unit);
        };
    }

    private static final Map<String, String> CAPITALS = Map.ofEntries(Map.entry("France", "Paris"),
            Map.entry("Germany", "Berlin"), Map.entry("Italy", "Rome"), Map.entry("Spain", "Madrid"),
            Map.entry("Portugal", "Lisbon"), Map.entry("Greece", "Athens"), Map.entry("Poland", "Warsaw"),
            Map.entry("Austria", "Vienna"), Map.entry("Hungary", "Budapest"), Map.entry("Sweden", "Stockholm"),
            Map.entry("Norway", "Oslo"), Map.entry("Finland", "Helsinki"), Map.entry("Denmark", "Copenhagen"),
            Map.entry("Ireland", "Dublin"), Map.entry("Belgium", "Brussels"), Map.entry("Netherlands", "Amsterdam"),
            Map.entry("Russia", "Moscow"), Map.entry("Ukraine", "Kyiv"), Map.entry("Turkey", "Ankara"),
            Map.entry("Egypt", "Cairo"), Map.entry("Kenya", "Nairobi"), Map.entry("Nigeria", "Abuja"),
            Map.entry("Ghana", "Accra"), Map.entry("Morocco", "Rabat"), Map.entry("Japan", "Tokyo"),
            Map.entry("China", "Beijing"), Map.entry("India", "New Delhi"), Map.entry("Thailand", "Bangkok"),
            Map.entry("Vietnam", "Hanoi"), Map.entry("Indonesia", "Jakarta"), Map.entry("Iran", "Tehran"),
            Map.entry("Iraq", "Baghdad"), Map.entry("Canada", "Ottawa"), Map.entry("Mexico", "Mexico City"),
            Map.entry("Cuba", "Havana"), Map.entry("Peru", "Lima"), Map.entry("Chile", "Santiago"),
            Map.entry("Argentina", "Buenos Aires"), Map.entry("Australia", "Canberra"),
            Map.entry("New Zealand", "Wellington"));

    private static final Pattern CAPITAL_QUESTION =
            Pattern.compile("(?:Capital of |What is the capital of |Name the capital of )(.+)[?.]");

    private static String country(String prompt) {
        String country = matching(CAPITAL_QUESTION, prompt).group(1);
        assertTrue(CAPITALS.containsKey(country), prompt);
        return country;
    }

    private static Matcher matching(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.matches(), text + " does not read as " + pattern);
        return m;
    }
}

package org.spinworkbench.data.tasks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The workshop demo's data: checkable questions in a train and a test split, the same for the
 * same seed and sizes. Every task gets an equal share of each split (the first tasks one more
 * when the size does not divide), so each appears in both.
 *
 * <p>No prompt is in both splits. For the computed tasks no problem is either: the test asks
 * sums, word lists and conversions training never showed. Capitals cannot be worked out, so
 * their test asks countries the train split holds, in another of the three phrasings.
 */
public record DemoDataset(long seed, List<DemoQuestion> train, List<DemoQuestion> test) {
    public static final long DEFAULT_SEED = 0;
    public static final int DEFAULT_TRAIN_SIZE = 400;
    public static final int DEFAULT_TEST_SIZE = 100;

    public DemoDataset {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /**
     * @throws IllegalArgumentException when a split has fewer rows than there are tasks, or asks
     *         more questions of a task than it has
     */
    public static DemoDataset generate(long seed, int trainSize, int testSize) {
        int tasks = DemoTask.values().length;
        if (trainSize < tasks || testSize < tasks) {
            throw new IllegalArgumentException("each split needs at least " + tasks
                    + " rows, one per task; asked for " + trainSize + " train and " + testSize + " test");
        }
        int tasksCount = DemoTask.values().length;
        int[] factCounts = new int[tasksCount];
        int[] trainable = new int[tasksCount]; // all a task has for both splits: its facts, or every phrasing of them
        for (DemoTask task : DemoTask.values()) {
            List<List<DemoQuestion>> bank = QuestionBank.questions(task, new Random(0));
            factCounts[task.ordinal()] = bank.size();
            trainable[task.ordinal()] = task.testsRecall() ? bank.stream().mapToInt(List::size).sum() : bank.size();
        }
        int[] testCounts = allocate(testSize, factCounts); // the test asks one question per fact at most
        requireFilled("test", testSize, testCounts);
        int[] trainCaps = new int[tasksCount];
        for (int task = 0; task < tasksCount; task++) {
            trainCaps[task] = trainable[task] - testCounts[task];
        }
        int[] trainCounts = allocate(trainSize, trainCaps);
        requireFilled("train", trainSize, trainCounts);
        Random random = new Random(seed);
        List<DemoQuestion> train = new ArrayList<>();
        List<DemoQuestion> test = new ArrayList<>();
        for (DemoTask task : DemoTask.values()) {
            List<List<DemoQuestion>> facts = new ArrayList<>(QuestionBank.questions(task, random));
            Collections.shuffle(facts, random);
            int taskTrain = trainCounts[task.ordinal()];
            int taskTest = testCounts[task.ordinal()];
            if (task.testsRecall()) {
                splitPhrasings(task, facts, taskTrain, taskTest, random, train, test);
            } else {
                splitProblems(task, facts, taskTrain, taskTest, train, test);
            }
        }
        Collections.shuffle(train, random);
        Collections.shuffle(test, random);
        return new DemoDataset(seed, train, test);
    }

    /**
     * Writes {@code train.jsonl}, {@code test.jsonl} and a {@code README.md} giving the command
     * that makes them, each file whole or not at all. A folder that does not exist appears at once
     * with all three; in one that exists, these three files are replaced and others left alone.
     */
    public void write(Path folder) throws IOException {
        DemoDataFiles.write(this, folder);
    }

    /** How many rows of each task a split holds, in task order. */
    public static Map<DemoTask, Integer> countByTask(List<DemoQuestion> split) {
        Map<DemoTask, Integer> counts = new EnumMap<>(DemoTask.class);
        for (DemoQuestion question : split) {
            counts.merge(question.task(), 1, Integer::sum);
        }
        return counts;
    }

    private static void requireFilled(String split, int size, int[] counts) {
        int available = java.util.Arrays.stream(counts).sum();
        if (available < size) {
            throw new IllegalArgumentException("the " + split + " split asks " + size + " questions, but the tasks"
                    + " have only " + available + " left for it; ask for fewer rows");
        }
    }

    /**
     * {@code size} shared equally among the tasks (the first ones take the remainder); a task
     * that cannot give its share gives all it has and the others share the rest. Where every
     * task can give its share, that is the plain equal split.
     */
    static int[] allocate(int size, int[] caps) {
        int[] counts = new int[caps.length];
        boolean[] full = new boolean[caps.length];
        int left = size;
        while (true) {
            int open = 0;
            for (boolean f : full) {
                open += f ? 0 : 1;
            }
            if (open == 0) {
                return counts; // every task gives all it has; generate() reports the shortfall
            }
            boolean capped = false;
            int rank = 0;
            int[] tentative = counts.clone();
            for (int task = 0; task < caps.length; task++) {
                if (!full[task]) {
                    tentative[task] = left / open + (rank++ < left % open ? 1 : 0);
                    if (tentative[task] > caps[task]) {
                        counts[task] = caps[task];
                        full[task] = true;
                        left -= caps[task];
                        capped = true;
                    }
                }
            }
            if (!capped) {
                return tentative;
            }
        }
    }

    /** Facts of one phrasing each: the first ones to test, the next ones to train. */
    private static void splitProblems(DemoTask task, List<List<DemoQuestion>> facts, int taskTrain, int taskTest,
            List<DemoQuestion> train, List<DemoQuestion> test) {
        if (taskTrain + taskTest > facts.size()) {
            throw new IllegalArgumentException(tooMany(task, taskTrain, taskTest, facts.size() + " problems"));
        }
        facts.subList(0, taskTest).forEach(fact -> test.add(fact.get(0)));
        facts.subList(taskTest, taskTest + taskTrain).forEach(fact -> train.add(fact.get(0)));
    }

    /**
     * Facts asked several ways: each test fact gives one phrasing to the test and one, for certain,
     * to training; the rest of training is drawn from what is left.
     */
    private static void splitPhrasings(DemoTask task, List<List<DemoQuestion>> facts, int taskTrain, int taskTest,
            Random random, List<DemoQuestion> train, List<DemoQuestion> test) {
        int phrasings = facts.stream().mapToInt(List::size).sum();
        if (taskTest > facts.size() || taskTrain < taskTest || taskTrain + taskTest > phrasings) {
            throw new IllegalArgumentException(tooMany(task, taskTrain, taskTest, facts.size() + " facts asked "
                    + phrasings + " ways in all; the test takes at most one phrasing of a fact, and training"
                    + " must hold another phrasing of every fact the test asks"));
        }
        List<DemoQuestion> certain = new ArrayList<>();
        List<DemoQuestion> rest = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            List<DemoQuestion> ways = new ArrayList<>(facts.get(i));
            if (i < taskTest) {
                Collections.shuffle(ways, random);
                test.add(ways.get(0));
                certain.add(ways.get(1));
                rest.addAll(ways.subList(2, ways.size()));
            } else {
                rest.addAll(ways);
            }
        }
        Collections.shuffle(rest, random);
        train.addAll(certain);
        train.addAll(rest.subList(0, taskTrain - certain.size()));
    }

    private static String tooMany(DemoTask task, int taskTrain, int taskTest, String available) {
        return "the splits ask " + taskTrain + " train and " + taskTest + " test questions of the " + task.id()
                + " task, which has " + available + "; ask for fewer rows";
    }
}

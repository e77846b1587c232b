package org.spinworkbench.data.tasks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of demo question, each with an answer a program can check. Prompts stay under
 * ~40 characters and answers under ~12, so that a byte-level model of a few million
 * parameters learns them on a laptop CPU in minutes.
 */
public enum DemoTask {
    /** Two 2-digit numbers: "What is 47+38?" → "85". */
    ADD(AnswerKind.NUMBER, false),
    /** Three short words backwards: "Reverse: cat sun map" → "map sun cat". */
    REVERSE(AnswerKind.WORDS, false),
    /** Three short words in alphabetical order: "Sort: sun cat map" → "cat map sun". */
    SORT(AnswerKind.WORDS, false),
    /** A unit conversion with a whole-number result: "5 km in m?" → "5000". */
    CONVERT(AnswerKind.NUMBER, false),
    /** A country's capital from a fixed list: "Capital of France?" → "Paris". */
    CAPITAL(AnswerKind.NAME, true);

    /** How an answer is compared; see {@link AnswerChecker}. */
    public enum AnswerKind {
        /** The first integer in the output must equal the answer. */
        NUMBER,
        /** The same words in the same order; case, spacing, commas and a final full stop do not count. */
        WORDS,
        /** The same name, ignoring case, spacing and trailing punctuation. */
        NAME
    }

    private final AnswerKind answerKind;
    private final boolean recall;

    DemoTask(AnswerKind answerKind, boolean recall) {
        this.answerKind = answerKind;
        this.recall = recall;
    }

    /** Every task's id, in the order tables show them. */
    public static List<String> idList() {
        return Arrays.stream(values()).map(DemoTask::id).toList();
    }

    /** Lower-case name, as the {@code task} field of a row holds it: {@code add}, {@code capital}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public AnswerKind answerKind() {
        return answerKind;
    }

    /**
     * True when the answer can only be remembered from training (capitals): its test questions
     * ask facts the train split holds, in other words. The other tasks are computed, and their
     * test questions are problems the train split never shows.
     */
    public boolean testsRecall() {
        return recall;
    }

    /** The task with this id, ignoring case; a clear error listing the ids otherwise. */
    public static DemoTask fromId(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (DemoTask task : values()) {
            if (task.id().equals(wanted)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown task \"" + id + "\"; known tasks: " + ids());
    }

    /** "add, reverse, sort, convert, capital". */
    public static String ids() {
        return Arrays.stream(values()).map(DemoTask::id).collect(Collectors.joining(", "));
    }
}

package org.spinworkbench.data.tasks;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a model's output answers a demo question, and counts how many did. Forgiving
 * where the task allows, so that the score measures the answer rather than its punctuation:
 * spacing and trailing punctuation never count; numbers count when the output's first integer
 * is the answer (" 85.", "85 apples", "5,000"); words must be the answer's, in its order;
 * capitals ignore case.
 */
public final class AnswerChecker {
    /** An integer, with thousands separated by commas or not; a minus sign belongs to it. */
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,3}(?:,\\d{3})+(?!\\d)|-?\\d+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:!?]+$");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s,]+");

    private AnswerChecker() {
    }

    /**
     * @param task a task id, as a row's {@code task} field holds it
     * @throws IllegalArgumentException when the task is unknown
     */
    public static boolean correct(String task, String expectedAnswer, String modelOutput) {
        return switch (DemoTask.fromId(task).answerKind()) {
            case NUMBER -> sameNumber(expectedAnswer, modelOutput);
            case WORDS -> words(expectedAnswer).equals(words(modelOutput));
            case NAME -> name(expectedAnswer).equals(name(modelOutput));
        };
    }

    /** Correct answers per task (ids in task order) and over all answers. */
    public static Accuracy score(List<ModelAnswer> answers) {
        Map<DemoTask, Accuracy.Count> counts = new EnumMap<>(DemoTask.class);
        int correct = 0;
        for (ModelAnswer answer : answers) {
            int right = correct(answer.task(), answer.expectedAnswer(), answer.output()) ? 1 : 0;
            correct += right;
            counts.merge(DemoTask.fromId(answer.task()), new Accuracy.Count(right, 1), Accuracy.Count::plus);
        }
        Map<String, Accuracy.Count> byTask = new LinkedHashMap<>();
        counts.forEach((task, count) -> byTask.put(task.id(), count));
        return new Accuracy(new Accuracy.Count(correct, answers.size()), byTask);
    }

    /** Whether {@code answer} can be the expected answer of a number task: a plain integer. */
    static boolean isInteger(String answer) {
        return answer.strip().matches("-?\\d+");
    }

    private static boolean sameNumber(String expected, String output) {
        BigInteger want = firstInteger(expected);
        if (want == null) {
            throw new IllegalArgumentException("the expected answer \"" + expected + "\" is not a number");
        }
        return want.equals(firstInteger(output));
    }

    /** null when the text holds no integer. */
    private static BigInteger firstInteger(String text) {
        Matcher matcher = INTEGER.matcher(text);
        return matcher.find() ? new BigInteger(matcher.group().replace(",", "")) : null;
    }

    private static List<String> words(String text) {
        String kept = TRAILING_PUNCTUATION.matcher(text.strip()).replaceAll("").toLowerCase(Locale.ROOT);
        return kept.isEmpty() ? List.of() : Arrays.asList(WORD_SEPARATORS.split(kept));
    }

    private static String name(String text) {
        return String.join(" ", words(text));
    }
}

package org.spinworkbench.ui.compare;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the prompt list shows: the rows whose prompt or responses contain the search text
 * (ignoring case) and that pass every chosen filter, in the chosen order. Ties keep the
 * dataset order, so the list does not jump about as filters change.
 *
 * @param negativeMargin only prompts whose reward margin is below 0 (the synthetic answer is preferred)
 * @param changed        only prompts whose synthetic answer differs from the previous iteration's
 * @param same           only prompts whose synthetic answer equals the real one
 */
public record PromptQuery(String search, boolean negativeMargin, boolean changed, boolean same, PromptSort sort) {
    public static final PromptQuery ALL = new PromptQuery("", false, false, false, PromptSort.DATASET);

    public PromptQuery {
        search = search == null ? "" : search.strip();
        Objects.requireNonNull(sort, "sort");
    }

    public boolean matches(PromptRow row) {
        if (negativeMargin && (row.margin() == null || row.margin() >= 0)) {
            return false;
        }
        if (changed && !row.changedSincePrevious()) {
            return false;
        }
        if (same && !row.syntheticEqualsReal()) {
            return false;
        }
        if (search.isEmpty()) {
            return true;
        }
        String needle = search.toLowerCase(Locale.ROOT);
        return contains(row.prompt(), needle) || contains(row.real(), needle) || contains(row.synthetic(), needle);
    }

    /** The matching rows in order; {@code locale} decides how prompts sort alphabetically. */
    public List<PromptRow> apply(List<PromptRow> rows, Locale locale) {
        return rows.stream().filter(this::matches).sorted(order(locale)).toList();
    }

    private Comparator<PromptRow> order(Locale locale) {
        Comparator<PromptRow> byIndex = Comparator.comparingInt(PromptRow::exampleIndex);
        Comparator<PromptRow> first = switch (sort) {
            case DATASET -> byIndex;
            case MARGIN_ASCENDING -> Comparator.comparing(PromptRow::margin,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case MARGIN_DESCENDING -> Comparator.comparing(PromptRow::margin,
                    Comparator.nullsLast(Comparator.reverseOrder()));
            case PROMPT -> Comparator.comparing(PromptRow::prompt, Collator.getInstance(locale));
            case LENGTH -> Comparator.comparingInt(PromptRow::syntheticLength).reversed();
        };
        return first.thenComparing(byIndex);
    }

    private static boolean contains(String text, String lowerNeedle) {
        return text.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }
}

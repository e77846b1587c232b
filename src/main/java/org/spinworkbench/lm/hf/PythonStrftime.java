package org.spinworkbench.lm.hf;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.Locale;

/**
 * Python's {@code datetime.strftime} in the C locale, for the {@code strftime_now(format)}
 * that transformers gives chat templates (Llama 3.x, Granite and Devstral print today's
 * date). Covers the C89 directives and glibc's {@code %-d}-style unpadded numbers; an unknown
 * directive is kept as written, as glibc does.
 */
final class PythonStrftime {
    private PythonStrftime() {
    }

    static String format(String pattern, LocalDateTime time) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                out.append(c);
                continue;
            }
            char directive = pattern.charAt(++i);
            boolean unpadded = directive == '-' && i + 1 < pattern.length();
            if (unpadded) {
                directive = pattern.charAt(++i);
            }
            String field = field(directive, time);
            if (field == null) {
                out.append('%').append(unpadded ? "-" : "").append(directive);
            } else {
                out.append(unpadded ? stripZeros(field) : field);
            }
        }
        return out.toString();
    }

    private static String field(char directive, LocalDateTime t) {
        return switch (directive) {
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case 'd' -> two(t.getDayOfMonth());
            case 'e' -> String.format(Locale.ROOT, "%2d", t.getDayOfMonth());
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'm' -> two(t.getMonthValue());
            case 'y' -> two(t.getYear() % 100);
            case 'Y' -> Integer.toString(t.getYear());
            case 'H' -> two(t.getHour());
            case 'I' -> two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'M' -> two(t.getMinute());
            case 'S' -> two(t.getSecond());
            case 'f' -> String.format(Locale.ROOT, "%06d", t.get(ChronoField.MICRO_OF_SECOND));
            case 'j' -> String.format(Locale.ROOT, "%03d", t.getDayOfYear());
            case 'U' -> two(weekOfYear(t, WeekFields.SUNDAY_START));
            case 'W' -> two(weekOfYear(t, WeekFields.ISO));
            case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'G' -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'c' -> format("%a %b %e %H:%M:%S %Y", t);
            case 'x' -> format("%m/%d/%y", t);
            case 'X' -> format("%H:%M:%S", t);
            case 'D' -> format("%m/%d/%y", t);
            case 'F' -> format("%Y-%m-%d", t);
            case 'T' -> format("%H:%M:%S", t);
            case 'R' -> format("%H:%M", t);
            case 'z', 'Z' -> ""; // a naive datetime, as transformers' datetime.now() is
            case 'n' -> "\n";
            case 't' -> "\t";
            case '%' -> "%";
            default -> null;
        };
    }

    /** Weeks as %U / %W count them: days before the year's first week-start day are week 0. */
    private static int weekOfYear(LocalDateTime t, WeekFields fields) {
        int firstDay = fields.getFirstDayOfWeek().getValue() % 7; // Sunday 0 … Saturday 6
        int weekday = t.getDayOfWeek().getValue() % 7;
        int daysSinceStart = (weekday - firstDay + 7) % 7;
        return (t.getDayOfYear() - 1 - daysSinceStart + 7) / 7;
    }

    private static String two(int value) {
        return String.format(Locale.ROOT, "%02d", value);
    }

    private static String stripZeros(String field) {
        String trimmed = field.strip().replaceFirst("^0+(?=\\d)", "");
        return trimmed;
    }
}

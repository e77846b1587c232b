package org.spinworkbench.lm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a piece of JSON, in one line for the user: Gson's own message without
 * its advice to the programmer (lenient parsing, a troubleshooting URL) or the JSON path.
 */
public final class JsonProblem {
    private static final Pattern WHERE = Pattern.compile(" at line (\\d+) column (\\d+)");

    private JsonProblem() {
    }

    /**
     * As {@link #describe}, for JSON that is one line of a file (a JSON Lines row): the line
     * is named by the caller, so only the column is given ("… at column 59").
     */
    public static String describeInLine(Throwable e) {
        return describe(e).replaceFirst(" at line 1, column ", " at column ");
    }

    /** "malformed JSON at line 1, column 17", "the text ends at line 3, column 1 before the JSON does". */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = message.lines().findFirst().orElse("").strip();
        Matcher where = WHERE.matcher(message);
        String at = where.find() ? " at line " + where.group(1) + ", column " + where.group(2) : "";
        String what = where.reset().find() ? message.substring(0, where.start()) : message;
        what = what.replaceFirst("^Use JsonReader\\.set(Strictness\\(Strictness\\.LENIENT\\)|Lenient\\(true\\)) to accept ",
                "");
        if (what.startsWith("End of input")) {
            return "the text ends" + at + " before the JSON does";
        }
        if (what.isEmpty()) {
            what = "malformed JSON";
        }
        return Character.toLowerCase(what.charAt(0)) + what.substring(1) + at;
    }
}

package org.spinworkbench.ui.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a response into the units the diff compares: words (runs of letters and digits),
 * runs of white space, and single punctuation marks. Chinese, Japanese and Korean script has
 * no spaces between words, so each of its characters is a unit of its own: a diff by words
 * would otherwise see a whole sentence as one changed word.
 */
final class DiffTokens {
    private DiffTokens() {
    }

    static List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            int first = text.codePointAt(i);
            i += Character.charCount(first);
            if (Character.isWhitespace(first)) {
                while (i < text.length() && Character.isWhitespace(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
            } else if (isWordPart(first)) {
                while (i < text.length() && isWordPart(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
            }
            tokens.add(text.substring(start, i));
        }
        return tokens;
    }

    /** A letter or digit of a script that separates words with spaces. */
    private static boolean isWordPart(int codePoint) {
        return Character.isLetterOrDigit(codePoint) && !isUnspacedScript(codePoint);
    }

    static boolean isUnspacedScript(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.THAI;
    }
}

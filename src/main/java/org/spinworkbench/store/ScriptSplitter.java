package org.spinworkbench.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One pass over a migration script, cutting it into statements; see {@link Migrations#statements}. */
final class ScriptSplitter {
    private final String script;
    private final List<String> statements = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    /** The statement's words so far, upper-cased, to recognise CREATE [TEMP] TRIGGER. */
    private final List<String> leadingWords = new ArrayList<>();
    private boolean trigger;
    /** In a trigger body: the last token was a semicolon, then END (the body's end is ; END ;). */
    private boolean afterSemicolon;
    private boolean afterSemicolonEnd;
    private int at;

    ScriptSplitter(String script) {
        this.script = script;
    }

    List<String> statements() {
        while (at < script.length()) {
            char c = script.charAt(at);
            if (c == '\'' || c == '"' || c == '`') {
                quoted(c, c);
            } else if (c == '[') {
                quoted('[', ']');
            } else if (c == '-' && next() == '-') {
                int end = script.indexOf('\n', at);
                at = end < 0 ? script.length() : end; // the line end stays: it separates the tokens
            } else if (c == '/' && next() == '*') {
                int end = script.indexOf("*/", at + 2);
                at = end < 0 ? script.length() : end + 2;
                current.append(' ');
            } else if (c == ';') {
                semicolon();
            } else if (Character.isLetter(c) || c == '_') {
                word();
            } else {
                if (!Character.isWhitespace(c)) {
                    token();
                }
                current.append(c);
                at++;
            }
        }
        finish();
        return statements;
    }

    private char next() {
        return at + 1 < script.length() ? script.charAt(at + 1) : '\0';
    }

    /** A literal or quoted identifier, copied whole; a doubled closing quote stands for itself. */
    private void quoted(char open, char close) {
        int start = at++;
        while (at < script.length()) {
            char c = script.charAt(at++);
            if (c == close) {
                if (open == close && at < script.length() && script.charAt(at) == close) {
                    at++;
                    continue;
                }
                break;
            }
        }
        current.append(script, start, at);
        token();
    }

    private void word() {
        int start = at;
        while (at < script.length() && (Character.isLetterOrDigit(script.charAt(at)) || script.charAt(at) == '_'
                || script.charAt(at) == '$')) {
            at++;
        }
        String word = script.substring(start, at);
        current.append(word);
        String upper = word.toUpperCase(Locale.ROOT);
        if (leadingWords.size() < 3) {
            leadingWords.add(upper);
            trigger = trigger || isCreateTrigger();
        }
        boolean end = afterSemicolon && upper.equals("END");
        token();
        afterSemicolonEnd = end;
    }

    private boolean isCreateTrigger() {
        if (leadingWords.isEmpty() || !leadingWords.get(0).equals("CREATE")) {
            return false;
        }
        int trigger = leadingWords.indexOf("TRIGGER");
        return trigger == 1 || (trigger == 2 && (leadingWords.get(1).equals("TEMP")
                || leadingWords.get(1).equals("TEMPORARY")));
    }

    private void token() {
        afterSemicolon = false;
        afterSemicolonEnd = false;
    }

    private void semicolon() {
        at++;
        if (trigger && !afterSemicolonEnd) {
            current.append(';');
            afterSemicolon = true;
            afterSemicolonEnd = false;
            return;
        }
        finish();
    }

    private void finish() {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
        leadingWords.clear();
        trigger = false;
        afterSemicolon = false;
        afterSemicolonEnd = false;
    }
}

package org.spinworkbench.lm.hf;

import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELException;
import jinjava.javax.el.ELResolver;

/**
 * Python's {@code str} methods that chat templates call ({@code content.lstrip('\n')},
 * {@code role.title()}, {@code text.startswith('<think>')}, {@code s.split()}...), with
 * Python's meaning rather than Java's ({@code split} takes a plain separator, not a regex,
 * and keeps trailing empty parts; {@code strip} takes the characters to strip). Asked first,
 * before Jinjava's own resolvers; any other method falls through to them (and to their
 * sandbox).
 */
final class PythonStringMethods extends ELResolver {
    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (!(base instanceof String text) || !(method instanceof String name)) {
            return null;
        }
        Object[] args = params == null ? new Object[0] : params;
        Object result;
        try {
            result = call(text, name, args);
        } catch (ClassCastException | IndexOutOfBoundsException e) {
            throw new ELException("str." + name + " cannot take the arguments " + java.util.Arrays.toString(args));
        }
        if (result == NOT_A_METHOD) {
            return null;
        }
        context.setPropertyResolved(true);
        return result;
    }

    private static final Object NOT_A_METHOD = new Object();

    private static Object call(String s, String name, Object[] a) {
        return switch (name) {
            case "strip" -> rstrip(lstrip(s, chars(a)), chars(a));
            case "lstrip" -> lstrip(s, chars(a));
            case "rstrip" -> rstrip(s, chars(a));
            case "split" -> split(s, a.length > 0 ? (String) a[0] : null, a.length > 1 ? toInt(a[1]) : -1);
            case "rsplit" -> rsplit(s, a.length > 0 ? (String) a[0] : null, a.length > 1 ? toInt(a[1]) : -1);
            case "splitlines" -> List.of(s.split("\\r\\n|\\r|\\n", -1)).subList(0, lineCount(s));
            case "startswith" -> affixes(a[0]).stream().anyMatch(p -> s.startsWith(p));
            case "endswith" -> affixes(a[0]).stream().anyMatch(p -> s.endsWith(p));
            case "upper" -> s.toUpperCase(Locale.ROOT);
            case "lower" -> s.toLowerCase(Locale.ROOT);
            case "title" -> title(s);
            case "capitalize" -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT)
                    + s.substring(1).toLowerCase(Locale.ROOT);
            case "replace" -> replace(s, (String) a[0], (String) a[1], a.length > 2 ? toInt(a[2]) : -1);
            case "find" -> (long) s.indexOf((String) a[0]);
            case "rfind" -> (long) s.lastIndexOf((String) a[0]);
            case "count" -> count(s, (String) a[0]);
            case "removeprefix" -> s.startsWith((String) a[0]) ? s.substring(((String) a[0]).length()) : s;
            case "removesuffix" -> s.endsWith((String) a[0]) ? s.substring(0, s.length() - ((String) a[0]).length()) : s;
            case "join" -> join(s, a[0]);
            case "isdigit" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha" -> !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isspace" -> !s.isEmpty() && s.chars().allMatch(Character::isWhitespace);
            case "islower" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase(Locale.ROOT));
            case "isupper" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase(Locale.ROOT));
            default -> NOT_A_METHOD;
        };
    }

    /** Python's whitespace for strip() without arguments, else the characters given. */
    private static String chars(Object[] a) {
        return a.length == 0 || a[0] == null ? null : (String) a[0];
    }

    private static boolean stripped(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) || Character.isSpaceChar(c) : chars.indexOf(c) >= 0;
    }

    private static String lstrip(String s, String chars) {
        int start = 0;
        while (start < s.length() && stripped(s.charAt(start), chars)) {
            start++;
        }
        return s.substring(start);
    }

    private static String rstrip(String s, String chars) {
        int end = s.length();
        while (end > 0 && stripped(s.charAt(end - 1), chars)) {
            end--;
        }
        return s.substring(0, end);
    }

    private static List<String> split(String s, String sep, int maxSplit) {
        List<String> parts = new ArrayList<>();
        if (sep == null) {
            String rest = lstrip(s, null);
            while (!rest.isEmpty()) {
                if (maxSplit >= 0 && parts.size() == maxSplit) {
                    parts.add(rest);
                    return parts;
                }
                int end = 0;
                while (end < rest.length() && !stripped(rest.charAt(end), null)) {
                    end++;
                }
                parts.add(rest.substring(0, end));
                rest = lstrip(rest.substring(end), null);
            }
            return parts;
        }
        if (sep.isEmpty()) {
            throw new ELException("empty separator");
        }
        int from = 0;
        int at;
        while ((maxSplit < 0 || parts.size() < maxSplit) && (at = s.indexOf(sep, from)) >= 0) {
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static List<String> rsplit(String s, String sep, int maxSplit) {
        if (maxSplit < 0 || sep == null) {
            return split(s, sep, maxSplit);
        }
        List<String> parts = new ArrayList<>();
        int end = s.length();
        int at;
        while (parts.size() < maxSplit && (at = s.lastIndexOf(sep, end - sep.length())) >= 0 && end - sep.length() >= 0) {
            parts.add(0, s.substring(at + sep.length(), end));
            end = at;
        }
        parts.add(0, s.substring(0, end));
        return parts;
    }

    private static int lineCount(String s) {
        int parts = s.split("\\r\\n|\\r|\\n", -1).length;
        return s.isEmpty() || s.endsWith("\n") || s.endsWith("\r") ? parts - 1 : parts;
    }

    private static List<String> affixes(Object prefix) {
        if (prefix instanceof String single) {
            return List.of(single);
        }
        List<String> all = new ArrayList<>();
        for (Object each : (Collection<?>) prefix) {
            all.add((String) each);
        }
        return all;
    }

    /** Python's title(): a letter after a non-letter starts a word. */
    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousIsLetter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(previousIsLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
            previousIsLetter = Character.isLetter(c);
        }
        return out.toString();
    }

    private static String replace(String s, String old, String replacement, int count) {
        if (count < 0) {
            return s.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        int at;
        for (int done = 0; done < count && (at = s.indexOf(old, from)) >= 0; done++) {
            out.append(s, from, at).append(replacement);
            from = at + Math.max(old.length(), 0);
            if (old.isEmpty()) {
                if (from < s.length()) {
                    out.append(s.charAt(from));
                }
                from++;
            }
        }
        return from <= s.length() ? out.append(s.substring(from)).toString() : out.toString();
    }

    private static long count(String s, String part) {
        if (part.isEmpty()) {
            return s.length() + 1L;
        }
        long n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    private static String join(String separator, Object items) {
        List<String> parts = new ArrayList<>();
        Iterator<?> it = ((Iterable<?>) items).iterator();
        while (it.hasNext()) {
            parts.add(Objects.toString(it.next()));
        }
        return String.join(separator, parts);
    }

    private static int toInt(Object value) {
        return ((Number) value).intValue();
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // only methods are resolved here
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}

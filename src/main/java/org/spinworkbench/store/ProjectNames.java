package org.spinworkbench.store;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** What a project name may be, and the folder name derived from it. */
public final class ProjectNames {
    public static final int MAX_LENGTH = 100;

    private ProjectNames() {
    }

    /** Why a name cannot be used; each interface words it in its own language. */
    public enum Problem { EMPTY, TOO_LONG, CONTROL_CHARACTERS }

    /** The problem with a name (leading and trailing spaces do not count), if any. */
    public static Optional<Problem> problem(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            return Optional.of(Problem.EMPTY);
        }
        if (trimmed.length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(Problem.CONTROL_CHARACTERS);
        }
        return Optional.empty();
    }

    /** Returns the trimmed name, or throws with the reason it cannot be used. */
    public static String validate(String name) {
        problem(name).ifPresent(problem -> {
            throw new IllegalArgumentException(switch (problem) {
                case EMPTY -> "A project needs a name.";
                case TOO_LONG -> "A project name has at most " + MAX_LENGTH + " characters.";
                case CONTROL_CHARACTERS -> "A project name cannot contain control characters.";
            });
        });
        return name.strip();
    }

    /**
     * What makes two names the same project: equal after Unicode normalisation and
     * lower-casing in every script, not only ASCII as SQLite's NOCASE would.
     */
    public static String key(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** A portable folder name: lower-case ASCII letters, digits and dashes; "project" if none are left. */
    public static String folderBase(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "project" : slug;
    }
}

package org.spinworkbench.store;

import java.text.Normalizer;
import java.util.Locale;

/** What a project name may be, and the folder name derived from it. */
public final class ProjectNames {
    public static final int MAX_LENGTH = 100;

    private ProjectNames() {
    }

    /** Returns the trimmed name, or throws with the reason it cannot be used. */
    public static String validate(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A project needs a name.");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A project name has at most " + MAX_LENGTH + " characters.");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A project name cannot contain control characters.");
        }
        return trimmed;
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

package org.spinworkbench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of published models kept beside the project in {@code ../shared/fixtures/} (its
 * README says where each came from). Tests read them in place; a missing one fails the test.
 */
public final class SharedFixtures {
    private static final Path ROOT = Path.of("..", "shared", "fixtures");

    private SharedFixtures() {
    }

    /** A model folder under {@code hf-real/}, e.g. {@code "tinyllama-1.1b-chat"}. */
    public static Path hfReal(String name) {
        return existing(ROOT.resolve("hf-real").resolve(name));
    }

    /** The published chat templates: {@code templates/}, {@code cases.json}, {@code expected.json}. */
    public static Path chatTemplates() {
        return existing(ROOT.resolve("chat-templates"));
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new AssertionError("The shared fixture " + path.toAbsolutePath().normalize()
                    + " is missing: tests expect ../shared/fixtures beside the project.");
        }
        return path;
    }
}

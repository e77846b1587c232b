package org.spinworkbench.ui.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.spinworkbench.runs.DemoRecipe;

/**
 * Where the user guide is: {@code docs/user-guide.md} beside the bundled {@code sample-data}
 * (the installed package puts both in its app folder; a checkout has both at its root).
 */
final class UserGuide {
    static final Path RELATIVE = Path.of("docs", "user-guide.md");

    private UserGuide() {
    }

    static Optional<Path> locate() {
        try {
            Path beside = DemoRecipe.locateSampleData(DemoRecipe.applicationJar()).getParent().resolve(RELATIVE);
            if (Files.isRegularFile(beside)) {
                return Optional.of(beside);
            }
        } catch (IllegalArgumentException e) {
            // no bundled demo either: try the working folder
        }
        Path here = RELATIVE.toAbsolutePath().normalize();
        return Files.isRegularFile(here) ? Optional.of(here) : Optional.empty();
    }
}

package org.spinworkbench.ui.dashboard;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Where the user wants an export written; a file chooser in the application. */
@FunctionalInterface
interface ExportTarget {
    /**
     * @param suggested a file name to start from ({@code loss.png})
     * @return empty when the user changed their mind
     */
    Optional<Path> choose(Window owner, String title, String suggested, String filterName, String extension);
}

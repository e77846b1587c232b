package org.spinworkbench.cli;

import java.nio.file.Path;

/** Opens the graphical workbench on a workspace and returns its exit code when it closes. */
@FunctionalInterface
public interface GuiStarter {
    int start(Path workspace);
}

package org.spinworkbench.cli;

import java.nio.file.Path;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.store.WorkspaceLocation;
import picocli.CommandLine.Option;

/**
 * {@code --workspace DIR}, accepted by every command. One instance is shared by the whole
 * command tree, so the option may come before or after the sub-command.
 */
public final class WorkspaceOption {
    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Workspace folder (default: $SPINWB_HOME, else ~/.spin-workbench).")
    Path folder;

    public Path resolve() {
        return WorkspaceLocation.resolve(folder);
    }

    public Workspace open() {
        return Workspace.open(resolve());
    }
}

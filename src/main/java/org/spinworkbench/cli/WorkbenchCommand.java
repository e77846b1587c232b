package org.spinworkbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The top-level command: no sub-command opens the GUI. */
@Command(name = "spin-workbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Self-Play Fine-Tuning (SPIN) of language models.",
            "Without a command, opens the workbench window on the workspace."
        },
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'spin-workbench COMMAND --help' for a command's options."})
public final class WorkbenchCommand implements Callable<Integer> {
    private final WorkspaceOption workspace;
    private final GuiStarter gui;

    public WorkbenchCommand(WorkspaceOption workspace, GuiStarter gui) {
        this.workspace = workspace;
        this.gui = gui;
    }

    @Override
    public Integer call() {
        return gui.start(workspace.resolve());
    }
}

package org.spinworkbench.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import org.spinworkbench.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Builds the command tree and turns failures into one-line messages and exit codes. */
public final class Cli {
    public static final int EXIT_FAILURE = 1;

    private Cli() {
    }

    public static CommandLine create(GuiStarter gui, BufferedReader input, PrintWriter out, PrintWriter err) {
        WorkspaceOption workspace = new WorkspaceOption();
        CommandLine root = new CommandLine(new WorkbenchCommand(workspace, gui));
        root.addSubcommand(new CommandLine(new ProjectsCommand(workspace, input)));
        addWorkspaceOptionEverywhere(root, workspace);
        root.setOut(out);
        root.setErr(err);
        root.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + describe(e));
            if (!(e instanceof StoreException || e instanceof IllegalArgumentException)) {
                e.printStackTrace(commandLine.getErr());
            }
            return EXIT_FAILURE;
        });
        return root;
    }

    private static String describe(Exception e) {
        if (e instanceof StoreException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void addWorkspaceOptionEverywhere(CommandLine command, WorkspaceOption workspace) {
        command.getCommandSpec().addMixin("workspace", CommandSpec.forAnnotatedObject(workspace));
        for (CommandLine sub : command.getSubcommands().values()) {
            addWorkspaceOptionEverywhere(sub, workspace);
        }
    }
}

package org.spinworkbench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import org.spinworkbench.data.DataFileException;
import org.spinworkbench.io.Problems;
import org.spinworkbench.lm.UnsupportedModelException;
import org.spinworkbench.lm.hf.CheckpointException;
import org.spinworkbench.lm.hf.TokenizerException;
import org.spinworkbench.store.StoreException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/** Builds the command tree and turns failures into one-line messages and exit codes. */
public final class Cli {
    public static final int EXIT_FAILURE = 1;

    private Cli() {
    }

    public static CommandLine create(GuiStarter gui, BufferedReader input, PrintWriter out, PrintWriter err) {
        WorkspaceOption workspace = new WorkspaceOption();
        CommandLine root = new CommandLine(new WorkbenchCommand(workspace, gui));
        root.addSubcommand(new CommandLine(new ProjectsCommand(workspace, input)));
        root.addSubcommand(new CommandLine(new GenerateCommand()));
        root.addSubcommand(new CommandLine(new ScoreCommand()));
        root.addSubcommand(new CommandLine(new TemplateCommand()));
        root.addSubcommand(new CommandLine(new InitModelCommand()));
        root.addSubcommand(new CommandLine(new DemoDataCommand()));
        root.addSubcommand(new CommandLine(new BenchCommand()));
        root.addSubcommand(new CommandLine(new SftCommand(workspace)));
        root.addSubcommand(new CommandLine(new SpinCommand(workspace)));
        root.addSubcommand(new CommandLine(new EvalCommand()));
        root.addSubcommand(new CommandLine(new RunsCommand(workspace)));
        root.addSubcommand(new CommandLine(new ExportCommand(workspace)));
        root.addSubcommand(new CommandLine(new ImportCommand(workspace)));
        root.addSubcommand(new CommandLine(new DemoCommand(workspace)));
        addWorkspaceOptionEverywhere(root, workspace);
        root.setOut(out);
        root.setErr(err);
        root.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + describe(e));
            if (!isUserFacing(e)) {
                e.printStackTrace(commandLine.getErr());
            }
            return EXIT_FAILURE;
        });
        return root;
    }

    /** Failures whose message is written for the user: bad input, files, models, the workspace. */
    static boolean isUserFacing(Exception e) {
        return e instanceof StoreException || e instanceof IllegalArgumentException
                || e instanceof DataFileException || e instanceof CheckpointException
                || e instanceof TokenizerException || e instanceof UnsupportedModelException
                || e instanceof IOException;
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (isUserFacing(e)) {
            return Problems.describe(e);
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

package org.spinworkbench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.spinworkbench.cli.Cli;
import org.spinworkbench.lm.NativeAllocator;
import org.spinworkbench.lm.RetainedMemoryStart;
import org.spinworkbench.ui.WorkbenchApplication;

/**
 * The entry point: no arguments open the GUI, a sub-command runs the command line.
 * A plain class, not a JavaFX {@code Application}, so the jar starts from the classpath.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // first of all: glibc reads its settings when the process starts (decision 0021)
        RetainedMemoryStart.restartIfUseful();
        // No model or dataset hub is ever contacted: everything loads from local files.
        System.setProperty("ai.djl.offline", "true");
        // before libtorch allocates, when asked to map large tensors from the start (decision 0017)
        NativeAllocator.atStartUp();
        Charset console = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        var in = new BufferedReader(new InputStreamReader(System.in, console));
        var out = new PrintWriter(System.out, true);
        var err = new PrintWriter(System.err, true);
        int exitCode = Cli.create(WorkbenchApplication::run, in, out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }
}

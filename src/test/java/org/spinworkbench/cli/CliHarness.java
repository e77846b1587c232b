package org.spinworkbench.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

/** The real command line in this process, with no window to open, empty input and its output kept. */
final class CliHarness {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs one command line, forgetting what the previous one printed; returns its exit code. */
    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.create(workspace -> 0, new BufferedReader(new StringReader("")),
                new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }
}

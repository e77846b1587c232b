package org.spinworkbench.cli;

import java.io.PrintWriter;

/** "generated 32/100" on one line of the terminal, redrawn as work finishes; silent in pipes. */
final class Progress {
    private final PrintWriter status;
    private final String verb;
    private final int total;
    private final boolean terminal;

    Progress(PrintWriter status, String verb, int total) {
        this.status = status;
        this.verb = verb;
        this.total = total;
        this.terminal = System.console() != null && total > 1;
    }

    void update(int done) {
        if (terminal) {
            status.print("\r" + verb + " " + done + "/" + total);
            status.flush();
        }
    }

    void finish() {
        if (terminal) {
            status.print("\r" + " ".repeat(verb.length() + 2 * String.valueOf(total).length() + 2) + "\r");
            status.flush();
        }
    }
}

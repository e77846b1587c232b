package org.spinworkbench.ui.wizard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Data files for the wizard's tests, written for each test: good, bad and in other layouts. */
final class WizardFiles {
    private WizardFiles() {
    }

    /** Twelve additions as JSONL, with line 2 not JSON and line 4 answered by nothing. */
    static Path jsonlWithBadLines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add("{\"prompt\": \"" + i + "+" + (i + 3) + "=\", \"response\": \"" + (2 * i + 3) + "\"}");
        }
        lines.set(1, "{\"prompt\": \"broken");
        lines.set(3, "{\"prompt\": \"3+6=\", \"response\": \"\"}");
        return Files.write(dir.resolve("with-bad-lines.jsonl"), lines);
    }

    /** Five prompt/response rows as CSV. */
    static Path csv(Path dir) throws IOException {
        return Files.writeString(dir.resolve("pairs.csv"),
                "prompt,response\n1+1=,2\n2+2=,4\n3+3=,6\n4+4=,8\n5+5=,10\n");
    }

    /** Rows in the SPIN layout, each with a generated response of its own. */
    static Path spinLayout(Path dir, int rows) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            lines.add("{\"real\": [{\"role\": \"user\", \"content\": \"" + i + "+1=\"}, {\"role\": \"assistant\","
                    + " \"content\": \"" + (i + 1) + "\"}], \"generated\": [{\"role\": \"user\", \"content\": \"" + i
                    + "+1=\"}, {\"role\": \"assistant\", \"content\": \"0\"}]}");
        }
        return Files.write(dir.resolve("spin.jsonl"), lines);
    }
}

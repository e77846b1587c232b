package org.spinworkbench.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What reading a dataset file gave: the examples, the rows left out with the reason for each,
 * how many rows the file had ({@code examples + skipped = rowsRead}: nothing goes missing
 * silently) and the SHA-256 of the file's bytes, so a run records exactly what it trained on.
 */
public record LoadedDataset(Path file, DatasetFormat format, List<Example> examples,
                            List<DatasetProblem> skipped, int rowsRead, String sha256) {
    /** How many skipped rows a summary names before it says "and N more". */
    private static final int PROBLEMS_NAMED = 5;

    public LoadedDataset {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        examples = List.copyOf(examples);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * One paragraph for users: "412 examples from train.jsonl (SPIN layout); 3 rows skipped:
     * line 7: empty response; line 9: ...".
     */
    public String describe() {
        String read = count(examples.size(), "example") + " from " + file.getFileName() + " (" + format.label() + ")";
        if (skipped.isEmpty()) {
            return read + "; no rows skipped.";
        }
        String named = skipped.stream().limit(PROBLEMS_NAMED).map(DatasetProblem::message)
                .collect(Collectors.joining("; "));
        int more = skipped.size() - PROBLEMS_NAMED;
        return read + "; " + count(skipped.size(), "row") + " of " + rowsRead + " skipped: " + named
                + (more > 0 ? "; and " + more + " more." : ".");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

package org.spinworkbench.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.spinworkbench.io.Problems;
import org.spinworkbench.io.Sha256;

/**
 * Reads a dataset file in any supported format into examples, checking every row.
 *
 * <p>Reading goes in three steps: the file's layout (JSON Lines, JSON array, CSV, Parquet)
 * gives rows as JSON objects; the format (named by the user, else told from the rows' keys)
 * turns each row into an {@link Example}; the policy decides what a bad row does. Nothing is
 * dropped silently: every row is either an example or a {@link DatasetProblem}.
 */
public final class DatasetReader {
    /** How many problems the error names when no row at all is usable. */
    private static final int PROBLEMS_NAMED = 3;

    private DatasetReader() {
    }

    /**
     * @param formatOrNull the format the user named, or null to tell it from the rows' keys
     * @throws DataFileException when the file cannot be read, its format cannot be told, a row
     *         is bad under {@link ProblemPolicy#STOP}, or no row is usable
     */
    public static LoadedDataset read(Path file, DatasetFormat formatOrNull, ProblemPolicy policy) {
        return read(file, formatOrNull, policy, PromptTurns.CONVERSATION, ExampleCheck.NONE);
    }

    /**
     * As {@link #read(Path, DatasetFormat, ProblemPolicy)}, each example then seen through
     * {@code turns} and checked by {@code check} (a failed check is a row problem).
     */
    public static LoadedDataset read(Path file, DatasetFormat formatOrNull, ProblemPolicy policy, PromptTurns turns,
                                     ExampleCheck check) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(turns, "turns");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(policy, "policy");
        if (!Files.exists(file)) {
            throw new DataFileException(file, 0, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, 0, "is not a file");
        }
        FileLayout layout = FileLayout.of(file);
        List<SourceRow> rows = layout.read(file);
        if (rows.isEmpty()) {
            throw new DataFileException(file, 0, "the file has no rows");
        }
        DatasetFormat format = formatOrNull != null ? formatOrNull : FormatDetector.detect(file, rows);
        RowFormat rowFormat = RowFormat.of(format);

        List<Example> examples = new ArrayList<>();
        List<DatasetProblem> problems = new ArrayList<>();
        for (SourceRow row : rows) {
            String problem = row.problem();
            if (problem == null) {
                try {
                    Example example = turns.apply(rowFormat.toExample(row.number(), row.fields()));
                    problem = check.problem(example);
                    if (problem == null) {
                        examples.add(example);
                        continue;
                    }
                } catch (RowProblem e) {
                    problem = Problems.describe(e);
                }
            }
            if (policy == ProblemPolicy.STOP) {
                throw new DataFileException(file, layout.unit(), row.number(), problem);
            }
            problems.add(new DatasetProblem(row.number(), layout.unit() + " " + row.number() + ": " + problem));
        }
        if (examples.isEmpty()) {
            throw new DataFileException(file, 0, "none of the " + rows.size() + " rows is usable as "
                    + format.label() + " data: " + problems.stream().limit(PROBLEMS_NAMED)
                            .map(DatasetProblem::message).collect(Collectors.joining("; ")));
        }
        return new LoadedDataset(file, format, examples, problems, rows.size(), sha256(file));
    }

    private static String sha256(Path file) {
        try {
            return Sha256.ofFile(file);
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot be read: " + Problems.describe(e));
        }
    }
}

package org.spinworkbench.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spinworkbench.train.Phase;
import org.spinworkbench.train.TrainingListener;

/**
 * A run's log, kept in its folder as {@code run.log} line by line as it is written, so that
 * it outlives the window and the process (a line reaches the file before the next step
 * starts, kill -9 included) and is there when the run is reopened or read with
 * {@code runs log RUN}. Each line starts with the local time. A log that cannot be written
 * (a full disk) never stops the run: the run's own failure says why.
 */
public final class RunLogFile implements TrainingListener {
    static final String NAME = "run.log";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final Path file;
    private boolean writable = true;

    RunLogFile(Path runFolder) {
        this.file = runFolder.resolve(NAME);
    }

    /** The lines of the run kept in {@code runFolder}, oldest first; none when it has no log yet. */
    public static List<String> read(Path runFolder) throws IOException {
        try {
            return Files.readAllLines(runFolder.resolve(NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** Appends one line, stamped with the time. */
    synchronized void line(String text) {
        if (!writable) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, TIME.format(LocalDateTime.now()) + "  " + text.replace('\n', ' ') + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            writable = false;
        }
    }

    @Override
    public void log(String message) {
        line(message);
    }

    @Override
    public void phaseStarted(int iteration, Phase phase) {
        line("Iteration " + iteration + ": " + phase.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void evaluated(int iteration, long step, Map<String, Double> metrics) {
        StringBuilder text = new StringBuilder("Iteration " + iteration + " evaluated:");
        metrics.forEach((name, value) -> text.append(' ').append(name).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", value)));
        line(text.toString());
    }

    @Override
    public void checkpointSaved(int iteration, long step, Path folder) {
        line("Iteration " + iteration + ": saved " + folder.getFileName() + " after step " + step);
    }

    @Override
    public void iterationFinished(int iteration) {
        line("Iteration " + iteration + " finished");
    }
}

package org.spinworkbench.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.spinworkbench.io.FileTrees;

/**
 * The files of one run. Everything appears atomically (written beside, then renamed), so
 * what exists is whole and a run killed at any moment resumes from what is there:
 * <pre>
 *   iteration-N/pairs.jsonl      the iteration's pairs with reference log-probs
 *   iteration-N/state-K/         a resumable checkpoint after optimiser step K (weights, optimiser, position)
 *   iteration-N/model/           the model the iteration produced, Hugging Face layout
 * </pre>
 */
public final class RunFolder {
    private final Path root;

    public RunFolder(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path iteration(int iteration) {
        return root.resolve("iteration-" + iteration);
    }

    public Path model(int iteration) {
        return iteration(iteration).resolve("model");
    }

    /** A LoRA run's adapter of the iteration, a PEFT folder, published just before its merged {@code model/}. */
    public Path adapter(int iteration) {
        return iteration(iteration).resolve("adapter");
    }

    Path pairs(int iteration) {
        return iteration(iteration).resolve("pairs.jsonl");
    }

    Path state(int iteration, long step) {
        return iteration(iteration).resolve("state-" + step);
    }

    /**
     * A fresh hidden folder beside the iteration's {@code model/}, for a model made elsewhere
     * to be put together in before {@link TrainingRun#adopt} publishes it; a folder left by a
     * process that died is removed with the iteration's other leftovers.
     */
    public Path stageModel(int iteration) throws IOException {
        return partialFolder(model(iteration));
    }

    /** The highest iteration whose model is saved; 0 when none is. */
    public int lastCompletedIteration() {
        int iteration = 0;
        while (Files.isDirectory(model(iteration + 1))) {
            iteration++;
        }
        return iteration;
    }

    /** The latest resumable checkpoint inside an iteration, if any. */
    public Optional<Path> latestState(int iteration) throws IOException {
        Path folder = iteration(iteration);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().matches("state-\\d+"))
                    .max(Comparator.comparingLong(RunFolder::stepOf));
        }
    }

    /** The optimiser step a {@code state-K} folder was saved at. */
    public static long stepOf(Path state) {
        return Long.parseLong(state.getFileName().toString().substring("state-".length()));
    }

    /**
     * Removes an iteration's resumable checkpoints, once its model is saved or a newer one exists,
     * and anything half-written that a killed process left: only one process writes a run (the
     * workspace lock), and it has just finished its own writes, so every partial here is stale.
     */
    void deleteStatesBefore(int iteration, long keepStep) throws IOException {
        if (!Files.isDirectory(iteration(iteration))) {
            return;
        }
        try (Stream<Path> entries = Files.list(iteration(iteration))) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                boolean oldState = name.matches("state-\\d+") && stepOf(entry) < keepStep;
                boolean leftOver = name.startsWith(".") && name.contains(".partial");
                if (oldState || leftOver) {
                    FileTrees.delete(entry);
                }
            }
        }
    }

    /** Removes every resumable checkpoint of an iteration whose model is published. */
    public void deleteStates(int iteration) throws IOException {
        deleteStatesBefore(iteration, Long.MAX_VALUE);
    }

    /** Writes a text file so that it is either absent or whole. */
    static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A fresh hidden folder beside {@code target}, to fill and then {@link #publish}. */
    static Path partialFolder(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.createDirectory(target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID()
                + ".partial"));
    }

    static void publish(Path partial, Path target) throws IOException {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }
}

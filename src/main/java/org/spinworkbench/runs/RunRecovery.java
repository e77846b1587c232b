package org.spinworkbench.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.spinworkbench.store.Checkpoint;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.RunFolder;
import org.spinworkbench.train.TrainingListener;

/**
 * Brings the workspace level with the run's files before a run continues. A run publishes a
 * file (an iteration's {@code model/}, a {@code state-K}) and then records it; a process killed
 * between the two leaves the file without its row. Recovery records it, as the dead process
 * would have: the model's checkpoint row at the step its evaluation was recorded at, then the
 * iteration as completed (and its leftover states removed); the latest state's row. The
 * workspace is then the one account of what is done (decision 0011).
 */
final class RunRecovery {
    private RunRecovery() {
    }

    /** Records what {@code folder} holds and the workspace does not; {@code recorder} writes the rows. */
    static void recordPublished(Workspace workspace, long runId, RunFolder folder, TrainingListener recorder)
            throws IOException {
        Set<Path> recorded = workspace.checkpoints().listByRun(runId).stream()
                .map(Checkpoint::path).map(RunRecovery::normal).collect(Collectors.toSet());
        int published = folder.lastCompletedIteration();
        for (int iteration = 1; iteration <= published; iteration++) {
            Path model = folder.model(iteration);
            if (recorded.contains(normal(model))) {
                continue;
            }
            OptionalLong evaluatedAt = workspace.metrics().lastStep(runId, iteration);
            if (evaluatedAt.isEmpty()) {
                throw new IOException(model + " is saved but the workspace holds no metrics of iteration " + iteration
                        + " to record it with; the workspace database does not match the run folder.");
            }
            long step = evaluatedAt.getAsLong();
            recorder.log("Iteration " + iteration + ": recording the model saved before the interruption");
            folder.deleteStates(iteration);
            recorder.checkpointSaved(iteration, step, model);
            recorder.iterationFinished(iteration);
        }
        Optional<Path> state = folder.latestState(published + 1);
        if (state.isPresent() && !recorded.contains(normal(state.get()))) {
            recorder.checkpointSaved(published + 1, RunFolder.stepOf(state.get()), state.get());
        }
    }

    private static Path normal(Path path) {
        return path.toAbsolutePath().normalize();
    }
}

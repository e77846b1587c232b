package org.spinworkbench.runs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.IterationStatus;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.RunKind;
import org.spinworkbench.store.RunListing;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.TrainingConfig;

/**
 * How long a new SPIN run should take on this machine, judged from the latest iteration a
 * SPIN run of the same base model completed in this workspace: its wall time, scaled by the
 * number of training examples and by the work an example takes (one generation and scoring
 * pass plus one training pass per epoch), times the iterations. Nothing is guessed without
 * such an iteration: the estimate is empty.
 *
 * @param basisRun the run whose iteration the estimate is scaled from
 */
public record RunTimeEstimate(Duration total, long basisRun) {

    public static Optional<RunTimeEstimate> of(Workspace workspace, RunSpec spec, int trainingExamples) {
        if (trainingExamples < 1 || spec.training().kind() != TrainingConfig.Kind.SPIN) {
            return Optional.empty();
        }
        Path model = Path.of(spec.baseModel()).toAbsolutePath().normalize();
        Optional<Measured> latest = workspace.runs().listAll().stream().map(RunListing::run)
                .filter(run -> run.kind() == RunKind.SPIN && sameModel(run, model))
                .flatMap(run -> workspace.iterations().listByRun(run.id()).stream()
                        .filter(RunTimeEstimate::timed)
                        .map(iteration -> new Measured(run, iteration,
                                workspace.samples().count(iteration.id(), Split.TRAIN))))
                .filter(measured -> measured.examples() > 0)
                .max(Comparator.comparing(measured -> measured.iteration().finishedAt()));
        return latest.map(measured -> {
            TrainingConfig before = RunSpec.fromJson(measured.run().configJson()).training();
            TrainingConfig now = spec.training();
            double perIteration = Duration.between(measured.iteration().startedAt(), measured.iteration().finishedAt())
                    .toMillis() * ((double) trainingExamples / measured.examples())
                    * ((1.0 + now.epochs()) / (1.0 + before.epochs()));
            return new RunTimeEstimate(Duration.ofMillis(Math.round(perIteration * now.iterations())),
                    measured.run().id());
        });
    }

    private record Measured(Run run, Iteration iteration, int examples) {
    }

    private static boolean timed(Iteration iteration) {
        return iteration.status() == IterationStatus.COMPLETED && iteration.startedAt() != null
                && iteration.finishedAt() != null;
    }

    private static boolean sameModel(Run run, Path model) {
        try {
            return Path.of(RunSpec.fromJson(run.configJson()).baseModel()).toAbsolutePath().normalize().equals(model);
        } catch (RuntimeException e) {
            return false; // a configuration this version cannot read says nothing about this machine
        }
    }
}

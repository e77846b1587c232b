package org.spinworkbench.ui.comparison;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.dataset.DataSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.store.Evaluation;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Messages;

/** The comparison of two real tiny runs with different β, everything on the calling thread. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RunComparisonViewModelTest {
    @TempDir
    static Path shared;
    static Workspace workspace;
    static TwoBetaRuns recorded;

    private final Messages messages = Messages.forLocale(Locale.ENGLISH);

    @BeforeAll
    static void recordTwoRuns() throws IOException {
        workspace = Workspace.open(shared.resolve("ws"));
        recorded = TwoBetaRuns.record(workspace, shared);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    private RunComparisonViewModel loaded() {
        Project tiny = workspace.projects().find("Tiny").orElseThrow();
        RunComparisonViewModel viewModel = new RunComparisonViewModel(workspace, new CurrentThreadTaskExecutor(),
                messages, tiny);
        viewModel.load();
        return viewModel;
    }

    @Test
    void bothRunsAreTickedAndDrawnAsOneLossCurveEach() {
        RunComparisonViewModel viewModel = loaded();

        assertEquals(List.of("Run " + recorded.first() + " · SPIN · β 0.1", "Run " + recorded.second() + " · SPIN · β 0.3"),
                viewModel.runs().stream().map(RunChoice::label).toList());
        assertTrue(viewModel.runs().stream().allMatch(r -> r.selectedProperty().get()));
        assertEquals("loss", viewModel.metricProperty().get());
        assertEquals(List.of("loss", "rewards/margins", "rewards/accuracies"),
                viewModel.metrics().subList(0, 3), "the SPIN objective first");
        assertTrue(viewModel.metrics().contains("eval_rewards/margins"));

        List<DataSet> drawn = viewModel.datasets();
        assertEquals(2, drawn.size());
        // named by what sets them apart: β and the number of iterations, not the kind they share
        assertEquals(List.of("Run " + recorded.first() + " · β 0.1 · 2 iterations",
                "Run " + recorded.second() + " · β 0.3 · 1 iteration"), drawn.stream().map(DataSet::getName).toList());
        assertEquals(drawn.get(0).getName(), viewModel.runLabel(recorded.first()), "the table says the same");
        List<MetricPoint> loss = workspace.metrics().series(recorded.first(), "loss");
        assertEquals(loss.size(), drawn.get(0).getDataCount());
        long firstIteration = loss.stream().filter(p -> p.iteration() == 1).mapToLong(MetricPoint::step).max()
                .orElseThrow();
        double[] x = drawn.get(0).getValues(DataSet.DIM_X);
        for (int i = 1; i < loss.size(); i++) {
            assertTrue(x[i] > x[i - 1], "iteration 2 follows iteration 1 on the step axis: " + java.util.Arrays.toString(x));
        }
        MetricPoint last = loss.stream().filter(p -> p.iteration() == 2).reduce((a, b) -> b).orElseThrow();
        assertEquals(firstIteration + last.step(), x[loss.size() - 1]);
        assertEquals(last.value(), drawn.get(0).get(DataSet.DIM_Y, loss.size() - 1));
        assertEquals(workspace.metrics().series(recorded.second(), "loss").size(), drawn.get(1).getDataCount());
        assertFalse(viewModel.loadingProperty().get());
        assertEquals("", viewModel.messageProperty().get());
    }

    @Test
    void theTableHasARowPerRunAndIterationWithItsLastLossAndItsEvaluation() {
        RunComparisonViewModel viewModel = loaded();

        assertEquals(List.of("loss", "eval_loss", "rewards/margins", "rewards/accuracies", "eval_rewards/margins",
                "eval_rewards/accuracies"), viewModel.columns());
        assertEquals(List.of(List.of(recorded.first(), 1L), List.of(recorded.first(), 2L),
                        List.of(recorded.second(), 1L)),
                viewModel.rows().stream().map(r -> List.of(r.runId(), (long) r.iteration())).toList());
        ComparisonRow second = viewModel.rows().get(1);
        double lastLossOfIteration2 = workspace.metrics().series(recorded.first(), "loss").stream()
                .filter(p -> p.iteration() == 2).reduce((a, b) -> b).orElseThrow().value();
        Map<String, Double> evaluation2 = workspace.evaluations().listByRun(recorded.first()).stream()
                .filter(e -> e.iteration() == 2).map(Evaluation::metrics).findFirst().orElseThrow();
        assertEquals(lastLossOfIteration2, second.values().get("loss"));
        assertEquals(evaluation2.get("eval_loss"), second.values().get("eval_loss"));
        assertEquals(evaluation2.get("eval_rewards/margins"), second.values().get("eval_rewards/margins"));
        assertEquals(String.format(Locale.ENGLISH, "%.4g", lastLossOfIteration2), viewModel.format(lastLossOfIteration2));
        assertEquals("–", viewModel.format(null));
    }

    @Test
    void untickingARunOrChangingTheAxisRedrawsWhatIsLeft() {
        RunComparisonViewModel viewModel = loaded();

        viewModel.runs().get(1).selectedProperty().set(false);
        assertEquals(1, viewModel.datasets().size());
        assertEquals("Run " + recorded.first(), viewModel.datasets().get(0).getName(), "alone, nothing sets it apart");
        assertTrue(viewModel.rows().stream().allMatch(r -> r.runId() == recorded.first()));

        viewModel.metricProperty().set("eval_rewards/accuracies");
        viewModel.axisProperty().set(XAxis.ITERATION);
        DataSet accuracy = viewModel.datasets().get(0);
        assertEquals(2, accuracy.getDataCount());
        assertArrayEquals(new double[] {1, 2}, accuracy.getValues(DataSet.DIM_X), 0.0);
        assertEquals(List.of("eval_rewards/accuracies", "rewards/accuracies", "loss", "rewards/margins", "eval_loss",
                "eval_rewards/margins"), viewModel.columns());

        viewModel.runs().get(0).selectedProperty().set(false);
        assertTrue(viewModel.datasets().isEmpty());
        assertTrue(viewModel.rows().isEmpty());
        assertEquals("Tick one or more runs to compare them.", viewModel.messageProperty().get());
    }

    @Test
    void aProjectWithoutRunsSaysSo() {
        Project empty = workspace.projects().create("Empty", "");
        RunComparisonViewModel viewModel = new RunComparisonViewModel(workspace, new CurrentThreadTaskExecutor(),
                messages, empty);
        viewModel.load();

        assertTrue(viewModel.runs().isEmpty());
        assertTrue(viewModel.datasets().isEmpty());
        assertEquals("This project has no runs to compare yet. Start one from the project overview.",
                viewModel.messageProperty().get());
    }

    @Test
    void runsThatDifferOnlyByAStabiliserAreToldApartByTheirLabels() {
        Messages english = Messages.forLocale(java.util.Locale.ENGLISH);
        var paper = org.spinworkbench.train.TrainingConfig.spinDefaults();
        assertEquals("Run 4 · SPIN · β 0.1", RunComparisonViewModel.label(english, 4, "SPIN", paper));
        assertEquals("Run 5 · SPIN · β 0.1 · NLL α 1 · KL anchor 0.5 · 3 opponents",
                RunComparisonViewModel.label(english, 5, "SPIN",
                        paper.toBuilder().optNllAlpha(1).optKlAnchor(0.5).optOpponents(3).build()));
        assertEquals("Run 6 · SFT · β 0.1", RunComparisonViewModel.label(english, 6, "SFT",
                paper.toBuilder().setKind(org.spinworkbench.train.TrainingConfig.Kind.SFT).optNllAlpha(1).build()),
                "SFT has no SPIN stabilisers to name");
        assertEquals("Run 7 · SPIN", RunComparisonViewModel.label(english, 7, "SPIN", null));
        assertEquals("Run 8 · SFT · β 0.1 · LoRA r 16, α 32, q_proj,v_proj", RunComparisonViewModel.label(english, 8,
                "SFT", paper.toBuilder().setKind(org.spinworkbench.train.TrainingConfig.Kind.SFT)
                        .optLora(new org.spinworkbench.lm.LoraConfig(16, 32, 0, null)).build()));
    }
}

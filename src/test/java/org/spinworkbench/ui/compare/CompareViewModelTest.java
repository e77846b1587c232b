package org.spinworkbench.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Messages;

/** The compare view's state on a real two-iteration tiny SPIN run, checked against what the store holds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompareViewModelTest {
    private Path folder;
    private Workspace workspace;
    private long runId;
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);

    @BeforeAll
    void recordARun(@TempDir Path shared) throws Exception {
        folder = shared;
        workspace = Workspace.open(folder.resolve("workspace"));
        runId = TinyRuns.completedRun(workspace, folder, 2).runId();
    }

    @AfterAll
    void closeWorkspace() {
        workspace.close();
    }

    private CompareViewModel opened() {
        CompareViewModel viewModel = new CompareViewModel(workspace, new CurrentThreadTaskExecutor(), messages, runId);
        viewModel.load();
        return viewModel;
    }

    private Iteration iteration(int number) {
        return workspace.iterations().find(runId, number).orElseThrow();
    }

    private List<Sample> stored(int number, Split split) {
        return workspace.samples().list(iteration(number).id(), split);
    }

    @Test
    void opensOnTheLastIterationWithEveryStoredPromptInDatasetOrder() {
        CompareViewModel viewModel = opened();

        assertEquals(List.of(1, 2), viewModel.iterations());
        assertEquals(2, viewModel.iterationProperty().get());
        assertEquals("SPIN run " + runId, viewModel.titleProperty().get());
        List<Sample> stored = stored(2, Split.TRAIN);
        assertFalse(stored.isEmpty());
        assertEquals(stored, viewModel.prompts().stream().map(PromptRow::sample).toList());
        assertEquals(stored.size() + " of " + stored.size() + " prompts", viewModel.countProperty().get());
        assertEquals(stored.get(0).exampleIndex(), viewModel.selectedProperty().get().exampleIndex(),
                "the first prompt is selected");
        assertEquals(6, viewModel.trialSettingsProperty().get().maxNewTokens(), "the run's generation length");
        assertEquals("", viewModel.errorProperty().get());
    }

    @Test
    void switchingIterationsKeepsTheSelectedPromptAndShowsThatIterationsAnswer() {
        CompareViewModel viewModel = opened();
        int chosen = stored(2, Split.TRAIN).get(4).exampleIndex();
        viewModel.selectExample(chosen);

        viewModel.iterationProperty().set(1);

        PromptRow shown = viewModel.selectedProperty().get();
        assertEquals(chosen, shown.exampleIndex());
        assertEquals(iteration(1).id(), shown.sample().iterationId());
        Sample atOne = stored(1, Split.TRAIN).stream().filter(s -> s.exampleIndex() == chosen).findFirst()
                .orElseThrow();
        assertEquals(atOne.syntheticResponse(), viewModel.details().diffProperty().get().syntheticText());
        assertFalse(viewModel.previousAvailableProperty().get(), "iteration 1 has nothing before it");

        viewModel.iterationProperty().set(2);
        assertEquals(chosen, viewModel.selectedProperty().get().exampleIndex());
        assertEquals(atOne.syntheticResponse(), viewModel.selectedProperty().get().previousSynthetic());
        assertTrue(viewModel.previousAvailableProperty().get());
    }

    @Test
    void filtersCountWhatTheStoreHolds() {
        CompareViewModel viewModel = opened();
        List<Sample> now = stored(2, Split.TRAIN);
        Map<Integer, String> before = stored(1, Split.TRAIN).stream()
                .collect(Collectors.toMap(Sample::exampleIndex, Sample::syntheticResponse));

        viewModel.negativeMarginProperty().set(true);
        long negative = now.stream().filter(s -> s.scores().rewardReal() - s.scores().rewardSynthetic() < 0).count();
        assertEquals(negative, viewModel.prompts().size());
        assertEquals(negative + " of " + now.size() + " prompts", viewModel.countProperty().get());
        viewModel.negativeMarginProperty().set(false);

        viewModel.changedProperty().set(true);
        long changed = now.stream().filter(s -> !s.syntheticResponse().equals(before.get(s.exampleIndex()))).count();
        assertEquals(changed, viewModel.prompts().size());
        viewModel.iterationProperty().set(1);
        assertEquals(stored(1, Split.TRAIN).size(), viewModel.prompts().size(),
                "at the first iteration the filter has nothing to compare with and is not applied");
        viewModel.changedProperty().set(false);
        viewModel.iterationProperty().set(2);

        viewModel.sameProperty().set(true);
        long same = now.stream().filter(s -> s.syntheticResponse().strip().equals(s.realResponse().strip())).count();
        assertEquals(same, viewModel.prompts().size());
        viewModel.sameProperty().set(false);

        String prompt = now.get(3).prompt();
        viewModel.searchProperty().set(prompt);
        long found = now.stream().filter(s -> s.prompt().contains(prompt) || s.realResponse().contains(prompt)
                || s.syntheticResponse().contains(prompt)).count();
        assertTrue(found >= 1);
        assertEquals(found, viewModel.prompts().size());
        viewModel.searchProperty().set("no prompt says this");
        assertEquals(0, viewModel.prompts().size());
        assertEquals("0 of " + now.size() + " prompts", viewModel.countProperty().get());
        assertEquals("No prompt matches the search and filters.", viewModel.placeholderProperty().get());
        viewModel.searchProperty().set("");

        viewModel.splitProperty().set(Split.EVAL);
        List<Sample> held = stored(2, Split.EVAL);
        assertFalse(held.isEmpty());
        assertEquals(held, viewModel.prompts().stream().map(PromptRow::sample).toList());
    }

    @Test
    void sortingByMarginPutsTheLowestStoredMarginFirst() {
        CompareViewModel viewModel = opened();
        viewModel.sortProperty().set(PromptSort.MARGIN_ASCENDING);
        List<Double> margins = viewModel.prompts().stream().map(PromptRow::margin).toList();
        assertEquals(margins.stream().sorted().toList(), margins);
        double lowest = stored(2, Split.TRAIN).stream()
                .mapToDouble(s -> s.scores().rewardReal() - s.scores().rewardSynthetic()).min().orElseThrow();
        assertEquals(lowest, margins.get(0), 1e-12);
    }

    @Test
    void theNumbersShownAreTheStoredScores() {
        CompareViewModel viewModel = opened();
        Sample sample = stored(2, Split.TRAIN).get(2);
        viewModel.selectExample(sample.exampleIndex());

        SampleNumbers numbers = viewModel.details().numbersProperty().get();
        assertEquals(String.format(Locale.ENGLISH, "%.2f", sample.scores().policyLogpReal()), numbers.policyReal());
        assertEquals(String.format(Locale.ENGLISH, "%.2f", sample.scores().policyLogpSynthetic()),
                numbers.policySynthetic());
        assertEquals(String.format(Locale.ENGLISH, "%.2f", sample.scores().refLogpReal()), numbers.referenceReal());
        assertEquals(String.format(Locale.ENGLISH, "%.2f", sample.scores().refLogpSynthetic()),
                numbers.referenceSynthetic());
        assertEquals(String.format(Locale.ENGLISH, "%.4f", sample.scores().rewardReal()), numbers.rewardReal());
        assertEquals(String.format(Locale.ENGLISH, "%.4f", sample.scores().rewardSynthetic()),
                numbers.rewardSynthetic());
        assertEquals(String.format(Locale.ENGLISH, "%.4f",
                sample.scores().rewardReal() - sample.scores().rewardSynthetic()), numbers.margin());
        assertEquals(String.valueOf(sample.realTokens()), numbers.realTokens());
        assertEquals(String.valueOf(sample.syntheticTokens()), numbers.syntheticTokens());

        ResponseDiff diff = viewModel.details().diffProperty().get();
        assertEquals(sample.realResponse(), diff.realText());
        assertEquals(sample.syntheticResponse(), diff.syntheticText());
        assertNotNull(viewModel.details().similarityProperty().get());
    }

    @Test
    void theHistoryHoldsThePromptsAnswerAtEveryIteration() {
        CompareViewModel viewModel = opened();
        int chosen = stored(2, Split.TRAIN).get(1).exampleIndex();
        viewModel.selectExample(chosen);

        List<HistoryEntry> history = viewModel.details().history();
        assertEquals(List.of(1, 2), history.stream().map(HistoryEntry::iteration).toList());
        for (HistoryEntry entry : history) {
            Sample sample = stored(entry.iteration(), Split.TRAIN).stream()
                    .filter(s -> s.exampleIndex() == chosen).findFirst().orElseThrow();
            assertEquals(sample.syntheticResponse(), entry.synthetic());
            assertEquals(sample.scores().rewardReal() - sample.scores().rewardSynthetic(), entry.margin(), 1e-12);
        }
    }

    @Test
    void samplesAreReadPageByPageWithThePreviousIterationsAnswers() {
        List<Sample> now = stored(2, Split.TRAIN);
        Map<Integer, String> before = stored(1, Split.TRAIN).stream()
                .collect(Collectors.toMap(Sample::exampleIndex, Sample::syntheticResponse));
        List<PromptRow> expected = now.stream().map(s -> new PromptRow(s, before.get(s.exampleIndex()))).toList();

        // a page smaller than the split, and one that divides it exactly, lose and repeat nothing
        assertEquals(expected, new IterationSamples(workspace.samples(), 2).load(iteration(2), iteration(1),
                Split.TRAIN));
        assertEquals(expected, new IterationSamples(workspace.samples(), now.size()).load(iteration(2), iteration(1),
                Split.TRAIN));
        assertTrue(new IterationSamples(workspace.samples(), 4).load(iteration(1), null, Split.TRAIN).stream()
                .allMatch(row -> row.previousSynthetic() == null));
    }

    @Test
    void aRunThatIsGoneSaysSoInsteadOfShowingNothing() {
        CompareViewModel viewModel = new CompareViewModel(workspace, new CurrentThreadTaskExecutor(), messages, 9_999);
        viewModel.load();
        assertEquals("Could not read the run's samples: Run 9999 no longer exists in this workspace.",
                viewModel.errorProperty().get());
        assertTrue(viewModel.prompts().isEmpty());
    }
}

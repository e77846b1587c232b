package org.spinworkbench.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spinworkbench.data.DatasetSplit;
import org.spinworkbench.data.Example;
import org.spinworkbench.data.SpinDatasetWriter;
import org.spinworkbench.lm.ChatMessage;
import org.spinworkbench.store.ContentHash;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.RegisteredDataset;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.RunKind;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;

/**
 * An iteration's training pairs as recorded — each prompt, its real response and the
 * synthetic one the opponent model wrote — exported in the SPIN reference layout, so the
 * data of an iteration can be trained on by another tool or inspected by hand.
 *
 * <p>The workspace keeps each prompt as display text. While the run's dataset file is
 * unchanged, the prompts are taken from it instead, so system messages and earlier turns come
 * out as the messages they were; otherwise the text stands in as one user message.
 */
public final class IterationDatasets {
    private final Workspace workspace;

    public IterationDatasets(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Writes the pairs of {@code iteration} in {@code split} to {@code file}; returns how many. */
    public int export(long runId, int iteration, Split split, Path file) throws IOException {
        List<Example> pairs = pairs(runId, iteration, split);
        SpinDatasetWriter.write(file, pairs);
        return pairs.size();
    }

    /**
     * The pairs of {@code iteration} in {@code split}, by example index.
     *
     * @throws IllegalArgumentException when the run, the iteration or its pairs are missing,
     *         or the run is continued SFT (it has no synthetic responses)
     */
    public List<Example> pairs(long runId, int iteration, Split split) {
        Run run = workspace.runs().findById(runId)
                .orElseThrow(() -> new IllegalArgumentException("No run " + runId + " in " + workspace.folder() + "."));
        if (run.kind() == RunKind.SFT) {
            throw new IllegalArgumentException("Run " + runId + " is continued SFT: it has no synthetic responses"
                    + " to export as SPIN pairs.");
        }
        Iteration recorded = workspace.iterations().find(runId, iteration)
                .orElseThrow(() -> new IllegalArgumentException("Run " + runId + " has no iteration " + iteration + "."));
        List<Sample> samples = workspace.samples().list(recorded.id(), split);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("Iteration " + iteration + " of run " + runId + " has no "
                    + (split == Split.TRAIN ? "training" : "held-out") + " pairs recorded.");
        }
        Map<Integer, List<ChatMessage>> prompts = datasetPrompts(run, split);
        List<Example> pairs = new ArrayList<>();
        for (Sample sample : samples) {
            List<ChatMessage> prompt = prompts.get(sample.exampleIndex());
            if (prompt == null || !ChatMessage.shown(prompt).equals(sample.prompt())) {
                prompt = List.of(ChatMessage.user(sample.prompt()));
            }
            pairs.add(new Example(sample.exampleIndex() + 1, prompt, sample.realResponse(),
                    sample.syntheticResponse()));
        }
        return pairs;
    }

    /** The split's prompts by example index, read again from the run's data; empty when it changed or is gone. */
    private Map<Integer, List<ChatMessage>> datasetPrompts(Run run, Split split) {
        try {
            RunSpec spec = RunSpec.fromJson(run.configJson());
            Path dataset = Path.of(spec.dataset());
            String recorded = run.datasetId() == null ? null
                    : workspace.datasets().findById(run.datasetId()).map(RegisteredDataset::contentHash).orElse(null);
            if (recorded == null || !Files.isRegularFile(dataset) || !recorded.equals(ContentHash.ofFile(dataset))) {
                return Map.of();
            }
            DatasetSplit data = RunService.load(spec).split();
            List<Example> examples = split == Split.TRAIN ? data.train() : data.eval();
            Map<Integer, List<ChatMessage>> prompts = new HashMap<>();
            for (int i = 0; i < examples.size(); i++) {
                prompts.put(i, examples.get(i).prompt());
            }
            return prompts;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // the recorded text is still a faithful prompt, only flattened
        }
    }
}

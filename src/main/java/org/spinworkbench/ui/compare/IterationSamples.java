package org.spinworkbench.ui.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spinworkbench.store.Iteration;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.SampleRepository;
import org.spinworkbench.store.Split;

/**
 * Reads what the compare view lists for one iteration and split: its samples, page by page so
 * no single query holds a large run's rows twice, each with the previous iteration's synthetic
 * answer to the same prompt. Runs on a worker thread.
 */
final class IterationSamples {
    static final int PAGE_SIZE = 1_000;

    private final SampleRepository samples;
    private final int pageSize;

    IterationSamples(SampleRepository samples) {
        this(samples, PAGE_SIZE);
    }

    IterationSamples(SampleRepository samples, int pageSize) {
        this.samples = samples;
        this.pageSize = pageSize;
    }

    /** The rows of {@code shown}; {@code previous} is null at the first iteration. */
    List<PromptRow> load(Iteration shown, Iteration previous, Split split) {
        Map<Integer, String> before = new HashMap<>();
        if (previous != null) {
            for (Sample sample : all(previous, split)) {
                before.put(sample.exampleIndex(), sample.syntheticResponse());
            }
        }
        List<PromptRow> rows = new ArrayList<>();
        for (Sample sample : all(shown, split)) {
            rows.add(new PromptRow(sample, before.get(sample.exampleIndex())));
        }
        return rows;
    }

    private List<Sample> all(Iteration iteration, Split split) {
        List<Sample> all = new ArrayList<>();
        for (int offset = 0; ; offset += pageSize) {
            List<Sample> page = samples.page(iteration.id(), split, offset, pageSize);
            all.addAll(page);
            if (page.size() < pageSize) {
                return all;
            }
        }
    }
}

package org.spinworkbench.data;

import java.util.List;

/** Examples to train on and examples held out to evaluate on; no example is in both. */
public record DatasetSplit(List<Example> train, List<Example> eval) {
    public DatasetSplit {
        train = List.copyOf(train);
        eval = List.copyOf(eval);
    }
}

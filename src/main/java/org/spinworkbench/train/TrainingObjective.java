package org.spinworkbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;

/** What training minimises: a loss over a micro-batch of training examples, and its metrics. */
interface TrainingObjective {
    /** The number of training examples. */
    int size();

    /** The loss and its metric values for the given examples. */
    Result loss(List<Integer> examples, NDManager manager);

    /** @param loss scalar, in the autograd graph */
    record Result(NDArray loss, Map<String, Double> metrics) {
    }
}

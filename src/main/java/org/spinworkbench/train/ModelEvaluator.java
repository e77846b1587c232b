package org.spinworkbench.train;

import java.util.Map;
import org.spinworkbench.lm.hf.PretrainedModel;

/**
 * An extra measure of each model a run produces (and of the base model), such as a task's
 * accuracy; its metrics join the iteration's {@code eval_} metrics.
 */
@FunctionalInterface
public interface ModelEvaluator {
    Map<String, Double> evaluate(PretrainedModel model);

    ModelEvaluator NONE = model -> Map.of();
}

package org.spinworkbench.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.spinworkbench.lm.LlamaModel;
import org.spinworkbench.lm.Scorer;

/** Prompts with a real and a generated response each, token ids below the tiny vocabulary (80). */
record SpinBatch(List<int[]> prompts, List<int[]> real, List<int[]> generated) {

    static SpinBatch sample() {
        return new SpinBatch(
                List.of(new int[] {4, 8, 15}, new int[] {16}, new int[] {23, 42, 7, 7, 9}, new int[] {30, 31}),
                List.of(new int[] {16, 23, 42, 2}, new int[] {5, 6}, new int[] {11, 12, 13}, new int[] {40, 41, 2}),
                List.of(new int[] {17, 17, 3}, new int[] {70, 71, 72, 73}, new int[] {9}, new int[] {44, 2}));
    }

    /** The same model's log-probs without a graph: the frozen reference of an iteration. */
    float[][] referenceLogProbs(LlamaModel model) {
        Scorer scorer = new Scorer(model, 0);
        return new float[][] {toFloats(scorer.score(prompts, real)), toFloats(scorer.score(prompts, generated))};
    }

    /**
     * One forward and backward of the SPIN loss in a scope of its own; gradients accumulate on
     * the model's weights. Returns the loss and the policy log-probs {loss, real..., generated...}.
     */
    StepResult lossAndBackward(LlamaModel model, SpinLoss loss, float[][] reference) {
        Scorer scorer = new Scorer(model, 0);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector();
             NDManager step = model.manager().newSubManager();
             NDScope scope = new NDScope()) {
            NDArray policyReal = scorer.responseLogProbs(prompts, real, step);
            NDArray policyGenerated = scorer.responseLogProbs(prompts, generated, step);
            NDArray value = loss.loss(policyReal, policyGenerated, step.create(reference[0]),
                    step.create(reference[1]));
            collector.backward(value);
            model.backwardThroughBlocks(collector); // with gradient checkpointing on: two passes, head and blocks
            return new StepResult(value.getFloat(), policyReal.toFloatArray(), policyGenerated.toFloatArray());
        }
    }

    record StepResult(float loss, float[] policyReal, float[] policyGenerated) {
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}

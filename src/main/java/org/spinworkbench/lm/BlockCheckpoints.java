package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Gradient checkpointing per decoder block (decision 0015). DJL has no checkpoint function
 * and no backward hooks, so the model runs both passes itself: a training forward pass runs
 * the blocks without a graph, keeping each block's input, and hands back the final norm of a
 * leaf; once the loss's backward has left dL/dx at that leaf, {@link #backward} recomputes the
 * blocks one at a time, from the last, each with its graph, and runs backward on
 * Σ(block(x) · g), which leaves in every weight the contribution one backward would, and
 * dL/d(input) for the block below.
 */
final class BlockCheckpoints {
    private final LlamaModel model;
    private final Deque<Deferred> pending = new ArrayDeque<>(); // backward work left to do, latest first

    /** Part of a backward left for after the loss's: a pass's blocks, or a head recomputed chunk by chunk. */
    @FunctionalInterface
    interface Deferred {
        void backward(GradientCollector collector);
    }

    BlockCheckpoints(LlamaModel model) {
        this.model = model;
    }

    /** As {@link LlamaModel#forward} without a cache, keeping only what backward recomputes from. */
    NDArray forward(NDArray inputIds, NDArray positions, NDArray keyMask) {
        Pass pass = new Pass(inputIds, model.angles(positions),                     // (B, 1, T, hD)
                model.attentionMask(keyMask, 0, inputIds.getShape().get(1)),       // (B, 1, T, S)
                model.nextPass());
        NDArray x;
        JniUtils.setGradMode(false);
        try {
            x = model.embed(inputIds);                                               // (B, T, H)
            for (int layer = 0; layer < model.config().numHiddenLayers(); layer++) {
                pass.inputs.add(x);
                x = model.block(x, layer, pass.angles, pass.maskBias, null, pass.index); // (B, T, H), no graph
            }
        } finally {
            JniUtils.setGradMode(true);
        }
        x.setRequiresGradient(true); // a leaf: the loss's backward stops here and leaves dL/dx
        pass.output = x;
        pending.push(collector -> backward(pass, collector));
        return model.finalNorm(x);                                                   // (B, T, H)
    }

    /** Work for {@link #backward} that runs before everything deferred earlier (the blocks under it). */
    void defer(Deferred work) {
        pending.push(work);
    }

    /** Runs the deferred backward work, the latest first: a head before the blocks beneath it. */
    void backward(GradientCollector collector) {
        while (!pending.isEmpty()) {
            pending.pop().backward(collector);
        }
    }

    /**
     * Pushes the gradient down through the blocks of one pass, from the last. Once a block's
     * backward has used dL/d(output), the block above's input and that gradient are released:
     * memory holds the inputs still to recompute from and one gradient, not a gradient of
     * every block by the end.
     */
    private void backward(Pass pass, GradientCollector collector) {
        boolean embeddingTrained = model.embeddingTrained();
        int layers = model.config().numHiddenLayers();
        NDArray upstream = pass.output.getGradient();                                // dL/dx_L, (B, T, H)
        for (int layer = layers - 1; layer >= 0; layer--) {
            NDArray input = pass.inputs.get(layer);
            boolean inputNeedsGradient = layer > 0 || embeddingTrained;
            if (inputNeedsGradient) {
                input.setRequiresGradient(true);
            }
            try (NDScope blockScope = new NDScope()) { // the block's output and products go with its backward
                NDArray out = model.block(input, layer, pass.angles, pass.maskBias, null, pass.index); // with graph
                collector.backward(out.mul(upstream).sum());                         // Σ out·g: backward of g
            }
            upstream.close();
            NDArray above = layer + 1 < layers ? pass.inputs.get(layer + 1) : pass.output;
            above.close();                                                           // and its gradient with it
            upstream = inputNeedsGradient ? input.getGradient() : null;              // dL/dx_l
        }
        if (embeddingTrained) {
            collector.backward(model.embed(pass.inputIds).mul(upstream).sum());
            upstream.close();
        }
        if (!pass.inputs.isEmpty()) {
            pass.inputs.get(0).close();
        }
    }

    void discard() {
        pending.clear();
    }

    /** What a pass keeps for its backward: its inputs, masks and the input of every block. */
    private static final class Pass {
        final NDArray inputIds;
        final RotaryEmbedding.Angles angles;
        final NDArray maskBias;
        final int index;
        final List<NDArray> inputs = new ArrayList<>();
        NDArray output;

        Pass(NDArray inputIds, RotaryEmbedding.Angles angles, NDArray maskBias, int index) {
            this.inputIds = inputIds;
            this.angles = angles;
            this.maskBias = maskBias;
            this.index = index;
        }
    }
}

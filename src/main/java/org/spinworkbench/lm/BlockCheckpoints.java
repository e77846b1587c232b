package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
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
    /**
     * The most values the largest activation of a block may have in a checkpointed pass, the
     * MLP's (b, T, I) or the attention weights' (b, nH, T, T): 8 M (32 MiB of float32). A
     * batch whose activation is larger runs a piece of rows at a time (at least one row).
     */
    static final long PIECE_VALUES = 1L << 23;
    private static final String ROWS = "{}:{}"; // rows from..to along the batch axis

    private final LlamaModel model;
    private long pieceValues = PIECE_VALUES;
    private final Deque<Deferred> pending = new ArrayDeque<>(); // backward work left to do, latest first

    /** Part of a backward left for after the loss's: a pass's blocks, or a head recomputed chunk by chunk. */
    @FunctionalInterface
    interface Deferred {
        void backward(GradientCollector collector);
    }

    BlockCheckpoints(LlamaModel model) {
        this.model = model;
    }

    /** As {@link LlamaModel#forward} without a cache, keeping only what backward recomputes from; maskBias (B, 1, T, T). */
    NDArray forward(NDArray inputIds, NDArray positions, NDArray maskBias) {
        Pass pass = new Pass(inputIds, model.angles(positions), maskBias, model.nextPass()); // angles (B, 1, T, hD)
        NDArray x;
        JniUtils.setGradMode(false);
        try {
            x = model.embed(inputIds);                                               // (B, T, H)
            for (int layer = 0; layer < model.config().numHiddenLayers(); layer++) {
                pass.inputs.add(x);
                x = forwardOfBlock(pass, layer, x);                                  // (B, T, H), no graph
            }
        } finally {
            JniUtils.setGradMode(true);
        }
        NativeAllocator.releaseFreePages();
        x.setRequiresGradient(true); // a leaf: the loss's backward stops here and leaves dL/dx
        pass.output = x;
        pending.push(collector -> backward(pass, collector));
        return model.finalNorm(x);                                                   // (B, T, H)
    }

    /** Block {@code layer} without a graph, a piece of rows at a time as its backward will run it. */
    private NDArray forwardOfBlock(Pass pass, int layer, NDArray x) {
        long rows = x.getShape().get(0);
        long rowsPerPiece = rowsPerPiece(x);
        if (rowsPerPiece >= rows) {
            return model.block(x, layer, pass.angles, pass.maskBias, null, pass.index);
        }
        NDList outputs = new NDList();
        for (long start = 0; start < rows; start += rowsPerPiece) {
            long from = start;
            long to = Math.min(rows, from + rowsPerPiece);
            outputs.add(Scoped.detached(() -> blockOnRows(pass, layer, x.get(ROWS, from, to), from, to))); // (b, T, H)
        }
        NDArray whole = NDArrays.concat(outputs, 0);                                 // (B, T, H)
        outputs.close();
        return whole;
    }

    /**
     * Rows of a (B, T, H) block input run at once: the batch in as few pieces of equal rows as
     * keep the block's largest activation within the piece bound (at least a row a piece);
     * the whole batch with adapter dropout.
     */
    private long rowsPerPiece(NDArray x) {
        long rows = x.getShape().get(0);
        long steps = x.getShape().get(1);
        ModelConfig config = model.config();
        long perRow = steps * Math.max(config.intermediateSize(), config.numAttentionHeads() * steps); // largest activation
        long mostRows = Math.max(1, pieceValues / perRow);
        long pieces = (rows + mostRows - 1) / mostRows;
        return model.dropsUnits() ? rows : (rows + pieces - 1) / pieces;               // equal pieces
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
            NDArray below = backwardOfBlock(pass, layer, upstream, layer > 0 || embeddingTrained, collector);
            upstream.close();
            NDArray above = layer + 1 < layers ? pass.inputs.get(layer + 1) : pass.output;
            above.close();                                                           // and its gradient with it
            upstream = below;                                                        // dL/dx_l, or null
            NativeAllocator.releaseFreePages();
        }
        if (embeddingTrained) {
            collector.backward(model.embed(pass.inputIds).mul(upstream).sum());
            upstream.close();
        }
        if (!pass.inputs.isEmpty()) {
            pass.inputs.get(0).close();
        }
    }

    /**
     * Recomputes block {@code layer} with its graph and runs backward on Σ(block(x) · g), a
     * piece of rows at a time when the whole batch's activations would pass
     * {@link #PIECE_VALUES} (rows are independent in a block), so memory holds the activations
     * of one piece; weights' gradients add up over the pieces. With adapter dropout the block
     * runs whole, to drop the units the first pass dropped. Returns dL/d(input), (B, T, H), when {@code inputGradient}, else null.
     */
    private NDArray backwardOfBlock(Pass pass, int layer, NDArray upstream, boolean inputGradient,
                                   GradientCollector collector) {
        NDArray input = pass.inputs.get(layer);                                      // (B, T, H)
        long rows = input.getShape().get(0);
        long rowsPerPiece = rowsPerPiece(input);
        if (rowsPerPiece >= rows) {
            if (inputGradient) {
                input.setRequiresGradient(true);
            }
            try (NDScope blockScope = new NDScope()) { // the block's output and products go with its backward
                NDArray out = model.block(input, layer, pass.angles, pass.maskBias, null, pass.index); // with graph
                collector.backward(out.mul(upstream).sum());                         // Σ out·g: backward of g
            }
            return inputGradient ? input.getGradient() : null;
        }
        NDList gradients = new NDList();
        for (long from = 0; from < rows; from += rowsPerPiece) {
            long to = Math.min(rows, from + rowsPerPiece);
            try (NDScope pieceScope = new NDScope()) {
                NDArray piece = input.get(ROWS, from, to).stopGradient();           // (b, T, H), a leaf
                piece.setRequiresGradient(inputGradient);
                NDArray out = blockOnRows(pass, layer, piece, from, to);             // (b, T, H), with graph
                collector.backward(out.mul(upstream.get(ROWS, from, to)).sum());
                if (inputGradient) {
                    NDArray gradient = piece.getGradient();                           // (b, T, H)
                    NDScope.unregister(gradient);
                    gradients.add(gradient);
                }
            }
        }
        if (!inputGradient) {
            return null;
        }
        NDArray whole = NDArrays.concat(gradients, 0);                               // (B, T, H)
        gradients.close();
        return whole;
    }

    /** Block {@code layer} on {@code piece}, rows from..to of the pass's batch, with those rows' angles and mask. */
    private NDArray blockOnRows(Pass pass, int layer, NDArray piece, long from, long to) {
        return model.block(piece, layer, pass.angles.rows(from, to), pass.maskBias.get(ROWS, from, to), null,
                pass.index);
    }

    /** Another bound on a piece's largest activation than {@link #PIECE_VALUES}; at least one value. */
    void setPieceValues(long values) {
        if (values < 1) {
            throw new IllegalArgumentException("a piece needs at least one value, found " + values);
        }
        this.pieceValues = values;
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

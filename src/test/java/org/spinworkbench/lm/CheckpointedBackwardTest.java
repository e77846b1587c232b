package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import com.sun.jna.Platform;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Backward through checkpointed blocks: a batch recomputed in pieces of rows gives the
 * gradients of an ordinary backward, and memory holds the block inputs still to recompute
 * from and one gradient of a block's output, not a gradient of every block.
 */
class CheckpointedBackwardTest {
    private static final int LAYERS = 16;
    private static final long BATCH = 128;
    private static final long STEPS = 64;
    private static final long HIDDEN = 128; // B·T·H = 1 M values: 4 MiB a block input or gradient

    @Test
    void aBatchRecomputedInPiecesOfRowsGetsTheGradientsOfAnOrdinaryBackward() {
        ModelConfig config = ModelConfig.builder("Qwen2ForCausalLM").setVocabSize(50).setWidths(32, 48).setLayers(3)
                .setHeads(4, 2).optHeadDim(8).setMaxPositionEmbeddings(64).optTieWordEmbeddings(true).optAttentionBias(true)
                .optSpecialTokens(1, List.of(2)).optTorchDtype("float32").build();
        long rows = 5;
        long steps = 12;
        Map<String, float[]> ordinary = gradients(config, rows, steps, 0);
        // pieces of two rows: the largest activation of a row is the attention weights, 4 heads × 12 × 12 values
        Map<String, float[]> inPieces = gradients(config, rows, steps, 2 * 4 * steps * steps);
        assertEquals(ordinary.keySet(), inPieces.keySet());
        assertTrue(ordinary.containsKey("model.embed_tokens.weight") && ordinary.containsKey(
                "model.layers.0.self_attn.q_proj.bias"), "every weight, biases and the tied embedding included");
        for (String name : ordinary.keySet()) {
            float[] expected = ordinary.get(name);
            float[] actual = inPieces.get(name);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-5 + 1e-4 * Math.abs(expected[i]), name + "[" + i + "]");
            }
        }
    }

    /** Every weight's gradient of Σ hidden · d for fixed inputs; pieceValues 0: no checkpointing. */
    private static Map<String, float[]> gradients(ModelConfig config, long rows, long steps, long pieceValues) {
        NDManager manager = NDManager.newBaseManager();
        try (LlamaModel model = new LlamaModel(config, manager, RandomInitializer.weights(config, 9, manager))) {
            model.weights().values().forEach(weight -> weight.setRequiresGradient(true));
            if (pieceValues > 0) {
                model.setGradientCheckpointing(true);
                model.setCheckpointPieceValues(pieceValues);
            }
            Random random = new Random(3);
            long[] ids = new long[(int) (rows * steps)];
            float[] mask = new float[ids.length];
            float[] direction = new float[(int) (rows * steps * config.hiddenSize())];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = 3 + random.nextInt(config.vocabSize() - 3);
                mask[i] = i % steps < steps - (i / steps) ? 1 : 0; // row r ends in r padding positions
            }
            for (int i = 0; i < direction.length; i++) {
                direction[i] = (float) random.nextGaussian();
            }
            JniUtils.setGradMode(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector();
                 NDScope scope = new NDScope()) {
                NDArray positions = manager.arange(steps).toType(DataType.INT64, false).broadcast(rows, steps);
                NDArray hidden = model.forward(manager.create(ids, new Shape(rows, steps)), positions,
                        manager.create(mask, new Shape(rows, steps)), null);             // (B, T, H)
                collector.backward(hidden.mul(manager.create(direction, hidden.getShape())).sum());
                model.backwardThroughBlocks(collector);
                Map<String, float[]> gradients = new TreeMap<>();
                model.weights().forEach((name, weight) -> {
                    try (NDArray gradient = weight.getGradient()) {
                        gradients.put(name, gradient.toFloatArray());
                    }
                });
                return gradients;
            } finally {
                JniUtils.setGradMode(false);
            }
        }
    }

    @Test
    void backwardReleasesEachBlocksInputAndGradientOnceTheBlockBelowIsDone() {
        assumeTrue(Platform.isLinux(), "resident memory and its peak are read from /proc");
        ModelConfig config = ModelConfig.builder("LlamaForCausalLM").setVocabSize(64).setWidths((int) HIDDEN, 128)
                .setLayers(LAYERS).setHeads(2, 2).setMaxPositionEmbeddings(256).optSpecialTokens(1, List.of(2))
                .optTorchDtype("float32").build();
        NDManager manager = NDManager.newBaseManager();
        try (LlamaModel model = new LlamaModel(config, manager, RandomInitializer.weights(config, 5, manager))) {
            model.weights().values().forEach(weight -> weight.setRequiresGradient(true));
            model.setGradientCheckpointing(true); // maps large blocks from here on
            assertTrue(NativeAllocator.describe().contains("mapped"), NativeAllocator.describe());
            long inputMiB = BATCH * STEPS * HIDDEN * 4 >> 20;
            JniUtils.setGradMode(true);
            try {
                long[] measured = step(model, manager);
                long grown = measured[0];
                long released = measured[1];
                // the pass's block inputs (16 × 4 MiB) go once backward is done, beside the weights' first
                // gradients; holding every block's gradient instead grew resident memory by 88–102 MiB
                assertTrue(released >= 0,
                        "backward through the blocks kept " + -released + " MiB more than the forward left");
                // one block's recomputed activations and their gradients (145–147 MiB before the heap was
                // trimmed after each block), not 16 block gradients piling up beside them (216–230 MiB)
                assertTrue(grown <= 45 * inputMiB, "backward through the blocks grew resident memory by " + grown
                        + " MiB");
            } finally {
                JniUtils.setGradMode(false);
            }
        }
    }

    /** One checkpointed forward and backward: how much backward through the blocks grew and then released. */
    private static long[] step(LlamaModel model, NDManager manager) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector();
             NDScope scope = new NDScope()) {
            NDArray ids = manager.randomInteger(0, 64, new Shape(BATCH, STEPS), DataType.INT64);
            NDArray positions = manager.arange(STEPS).toType(DataType.INT64, false).broadcast(BATCH, STEPS);
            NDArray keyMask = manager.ones(new Shape(BATCH, STEPS));
            NDArray hidden = model.forward(ids, positions, keyMask, null);            // (B, T, H), blocks' inputs kept
            NDArray direction = manager.randomNormal(new Shape(BATCH, STEPS, HIDDEN));
            collector.backward(hidden.mul(direction).sum());
            long beforeBlocks = ProcessMemory.residentMiB();
            assertTrue(ProcessMemory.restartPeak(), "the peak starts again from now");
            model.backwardThroughBlocks(collector);
            return new long[] {ProcessMemory.peakResidentMiB() - beforeBlocks, beforeBlocks - ProcessMemory.residentMiB()};
        }
    }
}

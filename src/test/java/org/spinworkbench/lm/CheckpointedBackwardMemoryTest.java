package org.spinworkbench.lm;

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
import org.junit.jupiter.api.Test;

/**
 * With gradient checkpointing, backward through the blocks holds the block inputs still to
 * recompute from and one gradient of a block's output, not a gradient of every block: a
 * model of 16 thin blocks whose (B, T, H) tensors are 4 MiB each, measured in resident
 * memory with large blocks mapped (so freed tensors leave the process at once).
 */
class CheckpointedBackwardMemoryTest {
    private static final int LAYERS = 16;
    private static final long BATCH = 128;
    private static final long STEPS = 64;
    private static final long HIDDEN = 128; // B·T·H = 1 M values: 4 MiB a block input or gradient

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
                // the pass's block inputs (16 × 4 MiB) go once backward is done: measured 19–53 MiB released,
                // beside the weights' first gradients; holding every block's gradient grew it by 88–102 MiB
                assertTrue(released >= 0,
                        "backward through the blocks kept " + -released + " MiB more than the forward left");
                // one block's recomputed activations and their gradients (measured: 145–147 MiB), not 16 block
                // gradients piling up beside them (216–230 MiB)
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

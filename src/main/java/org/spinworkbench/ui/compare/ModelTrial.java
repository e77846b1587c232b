package org.spinworkbench.ui.compare;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.spinworkbench.lm.SamplingOptions;
import org.spinworkbench.lm.hf.Completion;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.TextGenerator;

/**
 * The model a run saved at one iteration, loaded when first asked and kept for further
 * prompts, to continue text the user types exactly as training formatted its prompts.
 *
 * <p>Threading: not thread-safe. Every call comes from one thread of its own (loading and
 * generating take seconds), which also owns the loaded model's native memory.
 */
public final class ModelTrial implements AutoCloseable {
    private final IntFunction<Path> modelFolder;
    private final Supplier<Device> device;
    private final Supplier<TrialSettings> settings;
    private PretrainedModel loaded;
    private int loadedIteration;
    private boolean raw;

    /**
     * @param modelFolder where the run saved the model of an iteration
     * @param device      asked on the trial thread, the first time a model loads (it may start the engine)
     * @param settings    the run's template choice, read on the trial thread each time a model loads
     */
    public ModelTrial(IntFunction<Path> modelFolder, Supplier<Device> device, Supplier<TrialSettings> settings) {
        this.modelFolder = modelFolder;
        this.device = device;
        this.settings = settings;
    }

    /** Continues {@code prompt} with the iteration's model, loading it first unless it is already loaded. */
    public Completion generate(int iteration, String prompt, SamplingOptions options) {
        PretrainedModel model = model(iteration);
        return new TextGenerator(model).generate(List.of(prompt), raw, options, 1, done -> { })
                .get(0);
    }

    /** The iteration whose model is loaded, or 0 when none is. */
    public int loadedIteration() {
        return loaded == null ? 0 : loadedIteration;
    }

    /** Frees the loaded model, if any; the next prompt loads one again. */
    public void release() {
        if (loaded != null) {
            PretrainedModel model = loaded;
            loaded = null;
            model.close();
        }
    }

    @Override
    public void close() {
        release();
    }

    private PretrainedModel model(int iteration) {
        if (loaded != null && loadedIteration == iteration) {
            return loaded;
        }
        release();
        Path folder = modelFolder.apply(iteration);
        if (!Files.isDirectory(folder)) {
            throw new NoSavedModelException(iteration, folder);
        }
        raw = settings.get().raw();
        loaded = PretrainedModel.load(folder, device.get());
        loadedIteration = iteration;
        return loaded;
    }
}

package org.spinworkbench.runs;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.spinworkbench.lm.SamplingOptions;
import org.spinworkbench.lm.hf.Completion;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.TextGenerator;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.Workspace;

/**
 * The model a run saved at one iteration, loaded when first asked and kept for further
 * prompts, to continue text the user types exactly as training formatted its prompts.
 *
 * <p>Threading: not thread-safe. Every call comes from one thread of its own (loading and
 * generating take seconds), which also owns the loaded model's native memory.
 */
public final class ModelTrial implements AutoCloseable {
    /** The iteration number of the run's base model. */
    public static final int BASE_MODEL = 0;

    private final IntFunction<Path> modelFolder;
    private final Supplier<Device> device;
    private final Supplier<TrialSettings> settings;
    /** At most two: the base model, kept to answer beside an iteration, and one iteration's. */
    private final Map<Integer, PretrainedModel> loaded = new ConcurrentSkipListMap<>(); // isLoaded is asked from the FX thread
    private boolean raw;

    /**
     * @param modelFolder where the run saved the model of an iteration; {@link #BASE_MODEL} is the run's base model
     * @param device      asked on the trial thread, the first time a model loads (it may start the engine)
     * @param settings    the run's template choice, read on the trial thread each time a model loads
     */
    public ModelTrial(IntFunction<Path> modelFolder, Supplier<Device> device, Supplier<TrialSettings> settings) {
        this.modelFolder = modelFolder;
        this.device = device;
        this.settings = settings;
    }

    /**
     * The trial of a recorded run: iteration models from its folder, the base model from its
     * configuration, and its template choice. {@code run} is read on the trial thread each time
     * a model loads, so a run deleted meanwhile fails there with the supplier's own words.
     */
    public static ModelTrial ofRun(Workspace workspace, Supplier<Run> run, Supplier<Device> device) {
        return new ModelTrial(iteration -> modelFolder(workspace, run.get(), iteration), device,
                () -> TrialSettings.of(run.get()));
    }

    /** Where the model of an iteration of the run is; {@link #BASE_MODEL} is the run's base model. */
    public static Path modelFolder(Workspace workspace, Run run, int iteration) {
        return iteration == BASE_MODEL ? Path.of(RunSpec.fromJson(run.configJson()).baseModel())
                : RunFolders.of(workspace, run).model(iteration);
    }

    /** Continues {@code prompt} with the iteration's model, loading it first unless it is already loaded. */
    public Completion generate(int iteration, String prompt, SamplingOptions options) {
        PretrainedModel model = model(iteration);
        return new TextGenerator(model).generate(List.of(prompt), raw, options, 1, done -> { })
                .get(0);
    }

    /** Whether the iteration's model is loaded now (the next answer starts without loading). */
    public boolean isLoaded(int iteration) {
        return loaded.containsKey(iteration);
    }

    /** Frees the iteration's model, keeping the base model; the next prompt loads it again. */
    public void releaseIteration() {
        for (Integer iteration : List.copyOf(loaded.keySet())) {
            if (iteration != BASE_MODEL) {
                loaded.remove(iteration).close();
            }
        }
    }

    /** Frees every loaded model. */
    public void release() {
        for (Integer iteration : List.copyOf(loaded.keySet())) {
            loaded.remove(iteration).close();
        }
    }

    @Override
    public void close() {
        release();
    }

    private PretrainedModel model(int iteration) {
        PretrainedModel model = loaded.get(iteration);
        if (model != null) {
            return model;
        }
        if (iteration != BASE_MODEL) {
            releaseIteration();
        }
        Path folder = modelFolder.apply(iteration);
        if (!Files.isDirectory(folder)) {
            throw new NoSavedModelException(iteration, folder);
        }
        raw = settings.get().raw();
        model = PretrainedModel.load(folder, device.get());
        loaded.put(iteration, model);
        return model;
    }
}

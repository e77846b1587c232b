package org.spinworkbench.ui.compare;

import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.spinworkbench.io.Problems;
import org.spinworkbench.lm.SamplingOptions;
import org.spinworkbench.lm.UnsupportedModelException;
import org.spinworkbench.lm.hf.ChatTemplateException;
import org.spinworkbench.lm.hf.CheckpointException;
import org.spinworkbench.lm.hf.Completion;
import org.spinworkbench.lm.hf.TokenizerException;
import org.spinworkbench.runs.ModelTrial;
import org.spinworkbench.runs.NoSavedModelException;
import org.spinworkbench.runs.TrialSettings;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;

/**
 * "Try the model": continues a typed prompt with the model the shown iteration saved, through
 * the run's chat template, greedy unless a temperature is set.
 *
 * <p>Threading: commands are called, and properties change, on the thread {@code fx} runs its
 * work on (the FX thread in the application). Loading and generating run on
 * {@code trialThread}, one thread of its own that owns the {@link ModelTrial}; results come
 * back through {@code fx}. The loaded model is freed when the iteration changes and on
 * {@link #close()}.
 */
public final class TryModelViewModel {
    static final int MAX_NEW_TOKENS_LIMIT = 4_096;
    static final double MAX_TEMPERATURE = 2.0;

    private final ModelTrial trial;
    private final Messages messages;
    private final Executor trialThread;
    private final Executor fx;

    private final StringProperty prompt = new SimpleStringProperty("");
    private final DoubleProperty temperature = new SimpleDoubleProperty(0);
    private final IntegerProperty maxNewTokens = new SimpleIntegerProperty(TrialSettings.FALLBACK.maxNewTokens());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper("");
    private final BooleanProperty withBase = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper baseOutput = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canGenerate;
    private Integer iteration;
    private long seed = TrialSettings.FALLBACK.seed();
    private boolean closed;

    public TryModelViewModel(ModelTrial trial, Messages messages, Executor trialThread, Executor fx) {
        this.trial = trial;
        this.messages = messages;
        this.trialThread = trialThread;
        this.fx = fx;
        this.canGenerate = Bindings.createBooleanBinding(() -> !busy.get() && !prompt.get().isBlank(), busy, prompt);
    }

    // Properties

    public StringProperty promptProperty() {
        return prompt;
    }

    /** 0 is greedy, as the default; above 0 samples, seeded by the run's seed. */
    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public IntegerProperty maxNewTokensProperty() {
        return maxNewTokens;
    }

    /** True while a model loads or generates. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canGenerateProperty() {
        return canGenerate;
    }

    /** The generated continuation. */
    public ReadOnlyStringProperty outputProperty() {
        return output.getReadOnlyProperty();
    }

    /** Whether the run's base model answers the same prompt too, beside the iteration's model. */
    public BooleanProperty withBaseProperty() {
        return withBase;
    }

    /** The base model's continuation, when it answered too. */
    public ReadOnlyStringProperty baseOutputProperty() {
        return baseOutput.getReadOnlyProperty();
    }

    /** What is happening, or which model answered and how fast. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why it could not generate; empty while all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // Commands

    /** The run's generation length and seed become the defaults. */
    public void useDefaults(TrialSettings settings) {
        maxNewTokens.set(Math.min(MAX_NEW_TOKENS_LIMIT, settings.maxNewTokens()));
        seed = settings.seed();
    }

    /** The iteration whose model answers; a different one frees the model loaded before. */
    public void setIteration(Integer shown) {
        if (shown == null ? iteration == null : shown.equals(iteration)) {
            return;
        }
        iteration = shown;
        status.set("");
        trialThread.execute(trial::releaseIteration);
    }

    public void generate() {
        if (!canGenerate.get() || closed) {
            return;
        }
        if (iteration == null) {
            error.set(messages.get("compare.try.noIteration"));
            return;
        }
        int chosen = iteration;
        String text = prompt.get();
        SamplingOptions options;
        try {
            options = new SamplingOptions(maxNewTokens.get(), temperature.get(), 0, 1.0, seed, true);
        } catch (IllegalArgumentException e) {
            error.set(Problems.describe(e));
            return;
        }
        boolean alsoBase = withBase.get();
        busy.set(true);
        error.set("");
        output.set("");
        baseOutput.set("");
        status.set(trial.isLoaded(chosen) ? messages.get("compare.try.generating", chosen)
                : messages.get("compare.try.loading", chosen));
        trialThread.execute(() -> {
            try {
                long start = System.nanoTime();
                Completion completion = trial.generate(chosen, text, options);
                Completion base = alsoBase ? trial.generate(ModelTrial.BASE_MODEL, text, options) : null;
                double seconds = (System.nanoTime() - start) / 1e9;
                fx.execute(() -> generated(chosen, completion, base, seconds));
            } catch (Exception e) {
                fx.execute(() -> failed(e));
            } catch (Error e) {
                fx.execute(() -> failed(new IllegalStateException(e.toString())));
                throw e;
            }
        });
    }

    /** Frees the model once any generation under way has finished; nothing starts afterwards. */
    public void close() {
        closed = true;
        trialThread.execute(trial::close);
    }

    private void generated(int chosen, Completion completion, Completion base, double seconds) {
        busy.set(false);
        output.set(completion.text());
        if (base == null) {
            status.set(messages.get("compare.try.done", completion.tokenIds().length, chosen, seconds));
            return;
        }
        baseOutput.set(base.text());
        status.set(messages.get("compare.try.doneWithBase", completion.tokenIds().length, chosen,
                base.tokenIds().length, seconds));
    }

    private void failed(Exception failure) {
        busy.set(false);
        status.set("");
        error.set(describe(failure));
    }

    private String describe(Exception failure) {
        if (failure instanceof NoSavedModelException missing) {
            return missing.iteration() == ModelTrial.BASE_MODEL
                    ? messages.get("compare.try.noBaseModel", missing.folder().toString())
                    : messages.get("compare.try.noModel", missing.iteration());
        }
        if (failure instanceof CheckpointException || failure instanceof TokenizerException
                || failure instanceof ChatTemplateException || failure instanceof UnsupportedModelException) {
            return messages.get("compare.try.failed", Problems.describe(failure));
        }
        return messages.get("compare.try.failed", ErrorMessages.describe(failure, messages));
    }
}

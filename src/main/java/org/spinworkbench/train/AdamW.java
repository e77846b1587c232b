package org.spinworkbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.spinworkbench.lm.hf.NamedTensor;
import org.spinworkbench.lm.hf.SafetensorsCheckpoint;

/**
 * AdamW as {@code torch.optim.AdamW} computes it (Loshchilov and Hutter's decoupled weight
 * decay), step t = 1, 2, ...:
 * <pre>
 *   p   ← p · (1 − lr·λ)                      only for decayed parameters
 *   m   ← β1·m + (1 − β1)·g
 *   v   ← β2·v + (1 − β2)·g²
 *   p   ← p − lr / (1 − β1^t) · m / (sqrt(v) / sqrt(1 − β2^t) + ε)
 * </pre>
 * Biases and norm weights are not decayed (DJL's own AdamW decays everything: DJL_NOTES.md
 * trap 6). A parameter that backward has not reached is skipped, as torch skips one whose
 * gradient is None; the step count is shared, so its bias correction then runs ahead of
 * torch's per-parameter count.
 *
 * <p>The moments live in a sub-manager of the parameters' manager, created here once and
 * never inside a step's scope (trap 10): constructing the optimiser inside an
 * {@code NDScope} is safe. Parameters are visited in name order, so a run is reproducible
 * whatever order the map iterates in.
 */
public final class AdamW implements AutoCloseable {
    static final String EXP_AVG = "exp_avg/";
    static final String EXP_AVG_SQ = "exp_avg_sq/";
    static final String STEP = "step";
    private static final long LARGEST_EXACT_FLOAT_INTEGER = 1L << 24;
    /** Values a slice of a large parameter updates at once: 4 MiB of float32 temporaries. */
    static final long SLICE_VALUES = 1L << 20;

    private final SortedMap<String, NDArray> parameters;
    private final double weightDecay;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final long sliceValues;
    private final NDManager stateManager;
    private final Map<String, NDArray> expAvg = new TreeMap<>();      // m, same shape as its parameter
    private final Map<String, NDArray> expAvgSq = new TreeMap<>();    // v, same shape as its parameter
    private long stepCount;

    /**
     * Parameters by Hugging Face name; weight decay applies to every parameter except biases
     * and norm weights (names ending in ".bias" or "norm.weight").
     */
    public AdamW(Map<String, NDArray> parameters, double weightDecay, double beta1, double beta2, double epsilon) {
        this(parameters, weightDecay, beta1, beta2, epsilon, SLICE_VALUES);
    }

    /** The same, updating a parameter of more than {@code sliceValues} values a slice of rows at a time. */
    AdamW(Map<String, NDArray> parameters, double weightDecay, double beta1, double beta2, double epsilon,
          long sliceValues) {
        if (sliceValues < 1) {
            throw new IllegalArgumentException("a slice needs at least one value, found " + sliceValues);
        }
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("AdamW needs at least one parameter");
        }
        requireFinite("weight decay", weightDecay);
        requireBeta("beta1", beta1);
        requireBeta("beta2", beta2);
        requireFinite("epsilon", epsilon);
        this.parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        this.weightDecay = weightDecay;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.sliceValues = sliceValues;
        this.stateManager = this.parameters.values().iterator().next().getManager().newSubManager();
        for (Map.Entry<String, NDArray> entry : this.parameters.entrySet()) {
            NDArray parameter = entry.getValue();
            expAvg.put(entry.getKey(), longLived(stateManager.zeros(parameter.getShape(), parameter.getDataType())));
            expAvgSq.put(entry.getKey(), longLived(stateManager.zeros(parameter.getShape(), parameter.getDataType())));
        }
    }

    /** Whether AdamW decays the parameter of that name. */
    public static boolean decays(String name) {
        return !(name.endsWith(".bias") || name.endsWith("norm.weight"));
    }

    /**
     * One update of every parameter from its gradient, in place with gradient recording off;
     * then the gradients are zeroed for the next accumulation.
     */
    public void step(double learningRate) {
        requireFinite("learning rate", learningRate);
        stepCount++;
        double stepSize = learningRate / (1 - Math.pow(beta1, stepCount));
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, stepCount));
        double decayFactor = 1 - learningRate * weightDecay;
        try (NoGradient off = new NoGradient()) {
            for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
                String name = entry.getKey();
                NDArray parameter = entry.getValue();
                try (NDArray gradient = Gradients.of(parameter); NDScope temporaries = new NDScope()) {
                    if (gradient != null) {
                        update(name, parameter, gradient, stepSize, biasCorrection2Sqrt, decayFactor);
                    }
                }
            }
        }
        zeroGradients();
    }

    /**
     * One parameter's update. Each temporary is closed as soon as it is used, so the step holds
     * at most two at a time, not four for every parameter; a parameter larger than a slice is
     * updated a slice of rows at a time through views (the same arithmetic on every value), so
     * the temporaries of a large embedding stay small enough to come from the C allocator's
     * reused heap instead of fresh pages the kernel must fault in and zero.
     */
    private void update(String name, NDArray parameter, NDArray gradient, double stepSize,
                        double biasCorrection2Sqrt, double decayFactor) {
        Moments moments = new Moments(expAvg.get(name), expAvgSq.get(name));
        double decay = weightDecay != 0 && decays(name) ? decayFactor : 1;
        long rows = parameter.getShape().dimension() < 2 ? 1 : parameter.getShape().get(0);
        long rowsPerSlice = Math.max(1, sliceValues / Math.max(1, parameter.size() / Math.max(1, rows)));
        if (rowsPerSlice >= rows) {
            update(parameter, gradient, moments, decay, stepSize, biasCorrection2Sqrt);
            return;
        }
        for (long from = 0; from < rows; from += rowsPerSlice) {
            long to = Math.min(rows, from + rowsPerSlice);
            try (NDScope views = new NDScope()) {
                update(rows(parameter, from, to), rows(gradient, from, to), moments.rows(from, to), decay, stepSize,
                        biasCorrection2Sqrt);
            }
        }
    }

    /** The update of some values of a parameter (all, or views of some rows); decay 1: not decayed. */
    private void update(NDArray parameter, NDArray gradient, Moments moments, double decay, double stepSize,
                        double biasCorrection2Sqrt) {
        if (decay != 1) {
            parameter.muli(decay);
        }
        NDArray m = moments.m();
        NDArray v = moments.v();
        try (NDArray scaled = gradient.mul(1 - beta1)) {
            m.muli(beta1).addi(scaled);                                      // m ← β1·m + (1 − β1)·g
        }
        try (NDArray squared = gradient.square()) {
            v.muli(beta2).addi(squared.muli(1 - beta2));                     // v ← β2·v + (1 − β2)·g²
        }
        try (NDArray denominator = v.sqrt().divi(biasCorrection2Sqrt).addi(epsilon);
             NDArray step = m.div(denominator)) {
            parameter.subi(step.muli(stepSize));
        }
    }

    /** A parameter's two moments, or views of the same rows of each. */
    private record Moments(NDArray m, NDArray v) {
        Moments rows(long from, long to) {
            return new Moments(AdamW.rows(m, from, to), AdamW.rows(v, from, to));
        }
    }

    /** Rows from..to of an array along its first axis, as a view: in-place changes reach the array. */
    private static NDArray rows(NDArray array, long from, long to) {
        return array.get("{}:{}", from, to);
    }

    /** Sets every parameter's gradient to zero (NaN and infinity included). */
    public void zeroGradients() {
        parameters.values().forEach(Gradients::zero);
    }

    /** Steps taken so far (restored by {@link #loadState}). */
    public long stepCount() {
        return stepCount;
    }

    /**
     * The optimiser state to save: {@code exp_avg/<name>} and {@code exp_avg_sq/<name>} for
     * every parameter (in name order), then the scalar {@code step}. FLOAT32 parameters only;
     * saved as F32 it reloads bit for bit. The moments are read when the tensors are written:
     * write them before the next step, and before the optimiser is closed.
     */
    public List<NamedTensor> state() {
        if (stepCount > LARGEST_EXACT_FLOAT_INTEGER) {
            throw new IllegalStateException("step " + stepCount + " cannot be saved exactly as a float");
        }
        List<NamedTensor> state = new ArrayList<>(2 * parameters.size() + 1);
        for (String name : parameters.keySet()) {
            state.add(NamedTensor.of(EXP_AVG + name, expAvg.get(name)));
            state.add(NamedTensor.of(EXP_AVG_SQ + name, expAvgSq.get(name)));
        }
        state.add(new NamedTensor(STEP, new long[0], new float[] {stepCount}));
        return state;
    }

    /**
     * Restores what {@link #state()} saved: the moments of every parameter (shapes checked)
     * and the step count. Nothing changes when the checkpoint does not fit.
     */
    public void loadState(SafetensorsCheckpoint saved) {
        for (String name : saved.names()) {
            String parameter = name.startsWith(EXP_AVG) ? name.substring(EXP_AVG.length())
                    : name.startsWith(EXP_AVG_SQ) ? name.substring(EXP_AVG_SQ.length()) : null;
            if (parameter != null && !parameters.containsKey(parameter)) {
                throw new IllegalArgumentException("The optimiser state holds '" + name
                        + "', but the model has no parameter '" + parameter + "'");
            }
        }
        long savedStep = savedStep(saved);
        Map<String, NDArray> loadedAvg = new TreeMap<>();
        Map<String, NDArray> loadedAvgSq = new TreeMap<>();
        try {
            for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
                String name = entry.getKey();
                long[] shape = entry.getValue().getShape().getShape();
                loadedAvg.put(name, loadMoment(saved, EXP_AVG + name, shape, entry.getValue()));
                loadedAvgSq.put(name, loadMoment(saved, EXP_AVG_SQ + name, shape, entry.getValue()));
            }
        } catch (RuntimeException e) {
            loadedAvg.values().forEach(NDArray::close);
            loadedAvgSq.values().forEach(NDArray::close);
            throw e;
        }
        expAvg.values().forEach(NDArray::close);
        expAvgSq.values().forEach(NDArray::close);
        expAvg.putAll(loadedAvg);
        expAvgSq.putAll(loadedAvgSq);
        stepCount = savedStep;
    }

    private NDArray loadMoment(SafetensorsCheckpoint saved, String name, long[] shape, NDArray parameter) {
        if (parameter.getDataType() != DataType.FLOAT32) {
            throw new IllegalStateException("optimiser state is saved as FLOAT32; '" + name + "' belongs to a "
                    + parameter.getDataType() + " parameter");
        }
        return longLived(saved.load(name, shape, stateManager));
    }

    private long savedStep(SafetensorsCheckpoint saved) {
        float value;
        try (NDManager scratch = stateManager.newSubManager()) {
            NDArray step = saved.load(STEP, scratch);
            if (step.size() != 1) {
                throw new IllegalArgumentException("The optimiser state's 'step' has shape " + step.getShape()
                        + ", expected a scalar");
            }
            value = step.toFloatArray()[0];
        }
        if (!(value >= 0) || value != Math.rint(value)) {
            throw new IllegalArgumentException("The optimiser state's 'step' is " + value
                    + ", expected a whole number of steps");
        }
        return (long) value;
    }

    /** Keeps an array alive past any NDScope open on this thread. */
    private static NDArray longLived(NDArray array) {
        NDScope.unregister(array);
        return array;
    }

    private static void requireFinite(String what, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(what + " must be finite and not negative, found " + value);
        }
    }

    private static void requireBeta(String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1), found " + value);
        }
    }

    /** Releases the moments; the parameters belong to the model. */
    @Override
    public void close() {
        stateManager.close();
    }
}

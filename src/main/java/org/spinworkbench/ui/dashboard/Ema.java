package org.spinworkbench.ui.dashboard;

/**
 * Exponential moving average as TensorBoard smooths its scalar curves: weight 0 leaves the
 * curve as it is, 0.99 nearly flattens it. The average is debiased, so the first points are
 * not dragged towards zero, and a non-finite value passes through without poisoning the rest.
 * Not thread-safe: each curve owns one.
 */
final class Ema {
    static final double MAX_WEIGHT = 0.99;

    private final double weight;
    private double last;
    private int counted;

    Ema(double weight) {
        if (!(weight >= 0 && weight <= MAX_WEIGHT)) {
            throw new IllegalArgumentException("The smoothing weight must be between 0 and " + MAX_WEIGHT
                    + ", not " + weight);
        }
        this.weight = weight;
    }

    double weight() {
        return weight;
    }

    /** The smoothed value at {@code value}, the next point of the curve. */
    double next(double value) {
        if (!Double.isFinite(value)) {
            return value;
        }
        last = last * weight + (1 - weight) * value;
        counted++;
        double debias = 1 - Math.pow(weight, counted);
        return last / debias;
    }

    /** The whole curve smoothed with {@code weight}. */
    static double[] smooth(double[] values, double weight) {
        Ema ema = new Ema(weight);
        double[] smoothed = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            smoothed[i] = ema.next(values[i]);
        }
        return smoothed;
    }
}

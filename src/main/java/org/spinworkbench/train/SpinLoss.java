package org.spinworkbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * The SPIN loss of a batch from four (B) vectors of response log-probs (sums over response
 * tokens):
 * <pre>
 *   h = (logπ(y_real) − logπ_ref(y_real)) − (logπ(y_syn) − logπ_ref(y_syn))
 *   sigmoid: −log σ(βh) = softplus(−βh)      hinge: max(0, 1 − βh)
 * </pre>
 * averaged over the batch. The policy vectors carry the graph; the reference vectors are
 * constants (precomputed once per iteration).
 *
 * <p>β and 1 are long-lived arrays in the {@code constants} manager: a Java scalar in the
 * graph would be freed before backward reads it (DJL_NOTES.md trap 1). They are created as
 * float64 0-d arrays, which PyTorch's type promotion casts to the dtype of the log-probs.
 */
public final class SpinLoss implements AutoCloseable {
    private final SpinLossKind kind;
    private final NDArray beta;
    private final NDArray one;

    public SpinLoss(SpinLossKind kind, double beta, NDManager constants) {
        if (!(beta > 0 && beta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("beta must be positive and finite, found " + beta);
        }
        this.kind = kind;
        this.beta = constants.create(beta);
        this.one = constants.create(1.0);
        NDScope.unregister(this.beta, this.one); // owned by this loss, not by a step's scope
    }

    public SpinLossKind kind() {
        return kind;
    }

    /**
     * The mean loss, a scalar in the graph of the policy log-probs.
     *
     * @param policyReal         (B) logπ(y_real | x) of the model being trained
     * @param policyGenerated    (B) logπ(y_syn | x)
     * @param referenceReal      (B) logπ_ref(y_real | x) of the frozen opponent
     * @param referenceGenerated (B) logπ_ref(y_syn | x)
     */
    public NDArray loss(NDArray policyReal, NDArray policyGenerated, NDArray referenceReal,
                        NDArray referenceGenerated) {
        Shape shape = policyReal.getShape();
        if (shape.dimension() != 1 || shape.get(0) == 0) {
            throw new IllegalArgumentException("log-probs must be a non-empty vector (B), found " + shape);
        }
        for (NDArray other : new NDArray[] {policyGenerated, referenceReal, referenceGenerated}) {
            if (!other.getShape().equals(shape)) {
                throw new IllegalArgumentException("log-prob vectors differ in shape: " + shape + " and "
                        + other.getShape());
            }
        }
        NDArray h = policyReal.sub(referenceReal).sub(policyGenerated.sub(referenceGenerated)); // (B)
        NDArray scaled = h.mul(beta);                                                             // (B)
        NDArray perExample = switch (kind) {
            case SIGMOID -> Activation.softPlus(scaled.neg());
            case HINGE -> Activation.relu(scaled.neg().add(one));
        };
        return perExample.mean();                                                                 // ()
    }

    /** The reference metrics of a batch, in double precision; see {@link SpinMetrics}. */
    public static SpinMetrics metrics(double beta, float[] policyReal, float[] policyGenerated, float[] referenceReal,
                                      float[] referenceGenerated) {
        int size = policyReal.length;
        if (size == 0 || policyGenerated.length != size || referenceReal.length != size
                || referenceGenerated.length != size) {
            throw new IllegalArgumentException("metrics need four non-empty arrays of one length, found "
                    + size + ", " + policyGenerated.length + ", " + referenceReal.length + ", "
                    + referenceGenerated.length);
        }
        double rewardsReal = 0;
        double rewardsGenerated = 0;
        double accuracies = 0;
        double logpsReal = 0;
        double logpsGenerated = 0;
        for (int i = 0; i < size; i++) {
            double real = beta * ((double) policyReal[i] - referenceReal[i]);
            double generated = beta * ((double) policyGenerated[i] - referenceGenerated[i]);
            rewardsReal += real;
            rewardsGenerated += generated;
            accuracies += real > generated ? 1 : 0;
            logpsReal += policyReal[i];
            logpsGenerated += policyGenerated[i];
        }
        return new SpinMetrics(rewardsReal / size, rewardsGenerated / size, (rewardsReal - rewardsGenerated) / size,
                accuracies / size, logpsReal / size, logpsGenerated / size);
    }

    @Override
    public void close() {
        beta.close();
        one.close();
    }
}

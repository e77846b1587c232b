package org.spinworkbench.lm;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Low-rank adapters (LoRA, Hu et al. 2021) as Hugging Face PEFT defines them: each targeted
 * linear layer {@code y = x·Wᵀ + b} becomes {@code y = x·Wᵀ + b + (α/r)·dropout(x)·Aᵀ·Bᵀ},
 * with W frozen, A (r, in) and B (out, r) trained, B starting at zero. Defaults are PEFT's
 * {@code LoraConfig} defaults ({@code lora_alpha} 8, no dropout) and its target modules for
 * the Llama family ({@code q_proj}, {@code v_proj}).
 *
 * @param rank    r, the adapters' inner size
 * @param alpha   α: the update is scaled by α / r
 * @param dropout dropout on the adapter's input while training, in [0, 1)
 * @param targets names of the projections adapted, in every decoder layer
 */
public record LoraConfig(int rank, double alpha, double dropout, List<String> targets) {
    public static final double DEFAULT_ALPHA = 8;
    public static final double DEFAULT_DROPOUT = 0.0;
    public static final List<String> DEFAULT_TARGETS = List.of("q_proj", "v_proj");
    /** The linear layers of a decoder block, in the order PEFT's "all-linear" lists them for Llama. */
    public static final List<String> LINEAR_LAYERS = List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj",
            "up_proj", "down_proj");

    public LoraConfig {
        if (rank < 1) {
            throw new IllegalArgumentException("LoRA rank must be at least 1, found " + rank);
        }
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("LoRA alpha must be positive, found " + alpha);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("LoRA dropout must be in [0, 1), found " + dropout);
        }
        targets = targets == null || targets.isEmpty() ? DEFAULT_TARGETS : List.copyOf(targets);
        for (String target : targets) {
            if (!LINEAR_LAYERS.contains(target)) {
                throw new IllegalArgumentException("LoRA target '" + target + "' is not a linear layer of a decoder"
                        + " block; choose from " + String.join(", ", LINEAR_LAYERS) + ".");
            }
        }
        if (Set.copyOf(targets).size() != targets.size()) {
            throw new IllegalArgumentException("LoRA targets name a layer twice: " + String.join(",", targets));
        }
    }

    /** Targets from a comma-separated list ("q_proj,v_proj") or "all-linear". */
    public static List<String> parseTargets(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("all-linear")) {
            return LINEAR_LAYERS;
        }
        return List.of(trimmed.split("\\s*,\\s*"));
    }

    /** α / r, the factor of B·A (PEFT without rsLoRA). */
    public double scale() {
        return alpha / rank;
    }

    /** "r 8, α 16, q_proj,v_proj" (and the dropout when there is one), for labels and logs. */
    public String describe() {
        String text = "r " + rank + ", α " + number(alpha) + ", " + String.join(",", targets);
        return dropout > 0 ? text + ", dropout " + number(dropout) : text;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

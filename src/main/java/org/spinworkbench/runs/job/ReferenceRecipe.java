package org.spinworkbench.runs.job;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spinworkbench.lm.hf.BosPolicy;
import org.spinworkbench.train.SpinLossKind;
import org.spinworkbench.train.TrainingConfig;

/**
 * A run's settings as a recipe of the SPIN reference ({@code spin/run_spin.py <recipe>.yaml},
 * the keys of its {@code configs/config_iter1.yaml}: ModelArguments, DataArguments and
 * SPINConfig, a transformers TrainingArguments), and in words every setting the recipe cannot
 * carry. The reference's parser refuses keys it does not know, so nothing else is written.
 *
 * <p>Numbers are written in the plain decimal form YAML 1.1 (PyYAML) reads as a float:
 * {@code 1e-7} would reach the trainer as a string.
 */
public final class ReferenceRecipe {
    /** The job folder's paths the recipe names, relative to the folder {@code launch.sh} runs in. */
    static final String MODEL = "start-model";
    static final String DATA = "data";
    static final String PREVIOUS_DATA = "data-previous";
    static final String OUTPUT = "output";

    private final Map<String, Object> model = new LinkedHashMap<>();
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, Object> trainer = new LinkedHashMap<>();
    private final List<String> unmapped = new ArrayList<>();

    private ReferenceRecipe() {
    }

    /**
     * The recipe for one iteration of a run with {@code config}, trained on {@code gpus} GPUs.
     *
     * @param iteration    the iteration the job trains
     * @param previousData whether the job also carries iteration t-1's pairs ({@code mixPrevious})
     */
    public static ReferenceRecipe of(TrainingConfig config, int iteration, int gpus, boolean previousData) {
        ReferenceRecipe recipe = new ReferenceRecipe();
        recipe.model.put("model_name_or_path", MODEL);

        Map<String, Object> mixer = new LinkedHashMap<>();
        if (previousData) {
            mixer.put(PREVIOUS_DATA, 1.0);
        }
        mixer.put(DATA, 1.0);
        recipe.data.put("dataset_mixer", mixer);
        recipe.data.put("dataset_splits", List.of("train", "test"));
        recipe.data.put("preprocessing_num_workers", 12);

        Map<String, Object> t = recipe.trainer;
        t.put("bf16", true);
        t.put("beta", config.beta());
        t.put("do_eval", false);
        t.put("evaluation_strategy", "no");
        t.put("gradient_accumulation_steps", config.gradientAccumulation());
        t.put("gradient_checkpointing", true);
        t.put("learning_rate", config.learningRate());
        t.put("log_level", "info");
        t.put("logging_steps", 1);
        t.put("lr_scheduler_type", scheduler(config));
        t.put("max_grad_norm", config.maxGradNorm());
        t.put("max_length", config.maxLength());
        t.put("max_prompt_length", config.maxPromptLength());
        t.put("num_train_epochs", config.epochs());
        t.put("optim", "adamw_torch");
        t.put("output_dir", OUTPUT);
        int perDevice = config.batchSize() % gpus == 0 ? config.batchSize() / gpus : config.batchSize();
        t.put("per_device_train_batch_size", perDevice);
        t.put("per_device_eval_batch_size", perDevice);
        t.put("push_to_hub", false);
        t.put("save_strategy", config.saveSteps() > 0 ? "steps" : "no");
        if (config.saveSteps() > 0) {
            t.put("save_steps", config.saveSteps());
        }
        t.put("save_total_limit", null);
        t.put("seed", config.seed());
        t.put("warmup_ratio", config.warmupRatio());
        t.put("weight_decay", config.weightDecay());

        recipe.explain(config, iteration, gpus, perDevice);
        return recipe;
    }

    private static String scheduler(TrainingConfig config) {
        return switch (config.schedule()) {
            case LINEAR -> "linear";
            case COSINE -> "cosine";
            case CONSTANT -> config.warmupRatio() > 0 ? "constant_with_warmup" : "constant";
        };
    }

    private void explain(TrainingConfig config, int iteration, int gpus, int perDevice) {
        unmapped.add("Iterations (" + config.iterations() + " planned): the job trains iteration " + iteration
                + " only. Generating the next iteration's pairs stays in the workbench, after the import.");
        unmapped.add("Max new tokens (" + config.maxNewTokens() + "), temperature (" + decimal(config.temperature())
                + ") and top-p (" + decimal(config.topP()) + "): they made the synthetic responses, which the job is"
                + " given already written.");
        unmapped.add("Optimiser: the workbench trains with AdamW, so the recipe asks for `adamw_torch`; the"
                + " reference's own recipes use `rmsprop`.");
        unmapped.add("Precision: the recipe trains in BF16 mixed precision (`bf16: true`), as the reference's recipes"
                + " do; the workbench trains in FP32.");
        if (perDevice * gpus == config.batchSize()) {
            unmapped.add("Batch size " + config.batchSize() + " is " + perDevice + " per GPU on " + gpus
                    + " GPUs, so one optimiser step sees as many pairs as on the workbench.");
        } else {
            unmapped.add("Batch size " + config.batchSize() + " does not divide among " + gpus + " GPUs: each GPU"
                    + " takes " + perDevice + ", so one optimiser step sees " + perDevice * gpus
                    + " pairs (times gradient accumulation) instead of " + config.batchSize() + ".");
        }
        if (config.loss() == SpinLossKind.SIGMOID) {
            unmapped.add("Loss: sigmoid, the reference trainer's own and only reachable choice (`run_spin.py` does"
                    + " not pass `loss_type`).");
        } else {
            unmapped.add("**Loss: this run uses " + config.loss().name().toLowerCase(java.util.Locale.ROOT)
                    + ", which the reference cannot be told (`run_spin.py` does not pass `loss_type`); the job"
                    + " trains with the sigmoid loss.**");
        }
        if (config.raw()) {
            unmapped.add("**Prompts: this run formats them without the chat template (raw); the reference always"
                    + " applies the tokenizer's chat template.**");
        }
        if (config.format().bos() == BosPolicy.TEMPLATE) {
            unmapped.add("**BOS: this run tokenises exactly the template's text; the reference tokenises it with the"
                    + " tokenizer's special tokens, so a BOS the template does not write is added.**");
        }
        if (config.nllAlpha() > 0) {
            unmapped.add("**NLL term (α " + decimal(config.nllAlpha()) + "): the reference has none; the job trains"
                    + " the paper's SPIN loss alone.**");
        }
        if (config.klAnchor() > 0) {
            unmapped.add("**KL anchor (" + decimal(config.klAnchor()) + "): the reference has none; its reference"
                    + " model is the start model alone.**");
        }
        if (config.opponents() > 1) {
            unmapped.add("**Opponents (" + config.opponents() + "): the pairs were drawn from several iterates as"
                    + " the run asks, but the reference scores them under the start model alone.**");
        }
        if (config.useDataGenerated() && iteration == 1) {
            unmapped.add("Use the data's generated responses: applied already; they are the pairs' synthetic side.");
        }
    }

    /** Settings the recipe cannot carry, or carries differently, one sentence each (Markdown). */
    public List<String> unmapped() {
        return List.copyOf(unmapped);
    }

    /** Every key the recipe sets, with its value, in file order. */
    public Map<String, Object> values() {
        Map<String, Object> all = new LinkedHashMap<>(model);
        all.putAll(data);
        all.putAll(trainer);
        return all;
    }

    /** The recipe file. */
    public String yaml() {
        StringBuilder out = new StringBuilder();
        section(out, "Model arguments", model);
        out.append('\n');
        section(out, "Data training arguments", data);
        out.append('\n');
        section(out, "Trainer arguments", trainer);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, Object> values) {
        out.append("# ").append(title).append('\n');
        values.forEach((key, value) -> {
            out.append(key).append(':');
            if (value instanceof Map<?, ?> map) {
                out.append('\n');
                map.forEach((k, v) -> out.append("  ").append(scalar(k)).append(": ").append(scalar(v)).append('\n'));
            } else if (value instanceof List<?> list) {
                out.append('\n');
                list.forEach(item -> out.append("- ").append(scalar(item)).append('\n'));
            } else {
                out.append(' ').append(scalar(value)).append('\n');
            }
        });
    }

    /** A YAML 1.1 scalar that PyYAML reads back as the same type and value. */
    static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Double number) {
            return decimal(number);
        }
        String text = value.toString();
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** A float in plain decimals with a point ({@code 0.0000005}, {@code 1.0}): PyYAML's float form. */
    static String decimal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("A recipe value must be finite, not " + value);
        }
        String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}

package org.spinworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The trained half of a LoRA model: A (r, in) and B (out, r) for each adapted projection,
 * kept under the names PEFT saves them with
 * ({@code base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight}), so saving and
 * loading an adapter folder are name lookups. The base weights stay in {@link LlamaModel}.
 */
public final class LoraAdapter implements AutoCloseable {
    /** What PEFT puts before a module's name in a saved adapter. */
    private static final String PEFT_PREFIX = "base_model.model.";
    private static final Set<String> MLP_LAYERS = Set.of("gate_proj", "up_proj", "down_proj");

    private final LoraConfig config;
    private final NDManager manager;                // owns A, B and the scale
    private final Map<String, NDArray> parameters;  // PEFT name -> A or B, in name order
    private final NDArray scale;                    // α / r, long-lived: DJL_NOTES trap 1

    /** Takes ownership of {@code manager}, which must hold {@code parameters} (by PEFT name). */
    public LoraAdapter(LoraConfig config, ModelConfig model, NDManager manager, Map<String, NDArray> parameters) {
        Map<String, long[]> expected = shapes(config, model);
        for (Map.Entry<String, long[]> entry : expected.entrySet()) {
            NDArray tensor = parameters.get(entry.getKey());
            if (tensor == null) {
                throw new IllegalArgumentException("the adapter has no tensor " + entry.getKey());
            }
            if (!tensor.getShape().equals(new Shape(entry.getValue()))) {
                throw new IllegalArgumentException("adapter tensor " + entry.getKey() + " has shape " + tensor.getShape()
                        + ", the model and rank " + config.rank() + " need " + new Shape(entry.getValue()));
            }
        }
        for (String name : parameters.keySet()) {
            if (!expected.containsKey(name)) {
                throw new IllegalArgumentException("adapter tensor " + name + " does not belong to an adapted"
                        + " projection (targets: " + String.join(",", config.targets()) + ")");
            }
        }
        this.config = config;
        this.manager = manager;
        this.parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        this.scale = manager.create((float) config.scale());
    }

    /**
     * A new adapter as PEFT initialises one: A from kaiming-uniform with a = √5, that is
     * U(−1/√in, 1/√in), and B zero, so the model starts exactly as the base. Seeded per tensor.
     */
    public static LoraAdapter initial(LoraConfig config, ModelConfig model, NDManager parent, long seed) {
        NDManager manager = parent.newSubManager();
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> entry : shapes(config, model).entrySet()) {
            long[] shape = entry.getValue();
            NDArray tensor;
            if (entry.getKey().endsWith(".lora_A.weight")) {
                float bound = (float) (1 / Math.sqrt(shape[1]));
                SplittableRandom random = new SplittableRandom(seed * 1_000_003L + entry.getKey().hashCode());
                float[] values = new float[Math.toIntExact(shape[0] * shape[1])];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
                }
                tensor = manager.create(values, new Shape(shape));
            } else {
                tensor = manager.zeros(new Shape(shape));
            }
            tensor.setName(entry.getKey());
            parameters.put(entry.getKey(), tensor);
        }
        return new LoraAdapter(config, model, manager, parameters);
    }

    /** PEFT name -> shape of every A and B an adapter with these settings has on this model, layer by layer. */
    public static Map<String, long[]> shapes(LoraConfig config, ModelConfig model) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, long[]> weights = model.expectedShapes();
        for (int layer = 0; layer < model.numHiddenLayers(); layer++) {
            for (String target : config.targets()) {
                String module = module(layer, target);
                long[] weight = weights.get(module + ".weight");  // (out, in)
                shapes.put(loraA(module), new long[] {config.rank(), weight[1]});
                shapes.put(loraB(module), new long[] {weight[0], config.rank()});
            }
        }
        return shapes;
    }

    /** "model.layers.3.self_attn.q_proj" for layer 3's q_proj. */
    static String module(int layer, String target) {
        String block = MLP_LAYERS.contains(target) ? "mlp." : "self_attn.";
        return "model.layers." + layer + "." + block + target;
    }

    static String loraA(String module) {
        return PEFT_PREFIX + module + ".lora_A.weight";
    }

    static String loraB(String module) {
        return PEFT_PREFIX + module + ".lora_B.weight";
    }

    public LoraConfig config() {
        return config;
    }

    /** A and B of every adapted projection by PEFT name: the parameters a LoRA run trains. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /**
     * (α/r)·dropout(x)·Aᵀ·Bᵀ, the adapter's addition to projection {@code module} of x (..., in),
     * as (..., out); null when the projection is not adapted.
     */
    NDArray update(String module, NDArray x, boolean training) {
        NDArray a = parameters.get(loraA(module));
        if (a == null) {
            return null;
        }
        NDArray input = training && config.dropout() > 0
                ? Dropout.dropout(x, (float) config.dropout(), true).singletonOrThrow()
                : x;
        NDArray down = LlamaModel.linear(input, a, null);                                  // (..., r)
        NDArray up = LlamaModel.linear(down, parameters.get(loraB(module)), null);         // (..., out)
        return up.mul(scale);
    }

    /**
     * The base weights with every adapted projection merged, W + (α/r)·B·A, as PEFT's
     * {@code merge_and_unload}; other weights are the same arrays. New arrays live in {@code into}.
     */
    public Map<String, NDArray> mergedInto(Map<String, NDArray> weights, NDManager into) {
        Map<String, NDArray> merged = new LinkedHashMap<>(weights);
        for (String name : weights.keySet()) {
            String module = name.endsWith(".weight") ? name.substring(0, name.length() - ".weight".length()) : null;
            if (module == null || !parameters.containsKey(loraA(module))) {
                continue;
            }
            NDArray sum = Scoped.detached(() -> {
                NDArray delta = parameters.get(loraB(module)).matMul(parameters.get(loraA(module))).mul(scale); // (out, in)
                return weights.get(name).add(delta);
            });
            sum.attach(into);
            sum.setName(name);
            merged.put(name, sum);
        }
        return merged;
    }

    @Override
    public void close() {
        manager.close();
    }
}

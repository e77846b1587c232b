#!/usr/bin/python3
"""Golden values for LoRA adapters on the Java engine, beside reference_llama.py.

What this is
------------
The float64 forward pass of reference_llama.py with PEFT's LoRA layers
(``peft.tuners.lora.Linear``, no dropout at inference) on the targeted projections:

    y = x W^T + b + (lora_alpha / r) * (x A^T) B^T          A: (r, in), B: (out, r)

and the merged model PEFT's ``merge_and_unload`` gives, W' = W + (lora_alpha / r) B A, which
must give the same logits (checked here to 1e-10). The base is the ``qwen2-bias`` variant
(q/k/v biases, one kv head), its weights from the same deterministic generator; the
adapter's A and B come from that generator too, under the names PEFT saves them with
(``base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight``), both non-zero so the
update is visible.

Running
-------
    /usr/bin/python3 src/test/python/reference_lora.py

(Debian's python3-torch and python3-numpy, as reference_llama.py). It writes, byte-identical
on every run:

    src/test/resources/golden/qwen2-lora/config.json           the base's config.json
    src/test/resources/golden/qwen2-lora/adapter_config.json   as PEFT's save_pretrained writes it
    src/test/resources/golden/qwen2-lora/expected.json         logits and scores with the adapter

expected.json: {"variant", "base_variant", "rank", "lora_alpha", "target_modules",
"inputs", "logits" (per input (T, V), 7 significant digits), "scores" (as reference_llama),
"adapter_effect" (largest |logit with adapter - logit without| over the inputs, 4 digits)}.
"""

import json
import os

import numpy as np
import torch

import reference_llama as ref

VARIANT = "qwen2-lora"
BASE_VARIANT = "qwen2-bias"
RANK = 4
ALPHA = 6          # scale 1.5
TARGETS = ["q_proj", "v_proj", "o_proj", "down_proj"]
MLP = {"gate_proj", "up_proj", "down_proj"}


def module(layer, target):
    return f"model.layers.{layer}.{'mlp' if target in MLP else 'self_attn'}.{target}"


def adapter_weights(cfg, W):
    """PEFT name -> float64 tensor, for every targeted projection of every layer."""
    adapter = {}
    for layer in range(cfg["num_hidden_layers"]):
        for target in TARGETS:
            m = module(layer, target)
            out_features, in_features = W[m + ".weight"].shape
            for part, shape in (("lora_A", (RANK, in_features)), ("lora_B", (out_features, RANK))):
                name = f"base_model.model.{m}.{part}.weight"
                adapter[name] = torch.from_numpy(ref.weight_values(name, shape, "F32").astype(np.float64))
    return adapter


def main():
    cfg, dtype, _ = ref.VARIANTS[BASE_VARIANT]
    W = ref.load_weights(cfg, dtype)
    adapter = adapter_weights(cfg, W)
    scale = ALPHA / RANK

    base_linear = ref.linear

    def lora_linear(x, weights, name):
        y = base_linear(x, weights, name)
        a = adapter.get(f"base_model.model.{name}.lora_A.weight")
        if a is not None:
            y = y + scale * ((x @ a.T) @ adapter[f"base_model.model.{name}.lora_B.weight"].T)
        return y

    merged = dict(W)
    for name in list(W):
        a = adapter.get(f"base_model.model.{name[:-len('.weight')]}.lora_A.weight")
        if name.endswith(".weight") and a is not None:
            b = adapter[f"base_model.model.{name[:-len('.weight')]}.lora_B.weight"]
            merged[name] = W[name] + scale * (b @ a)

    without = [ref.forward(cfg, W, ids) for ids in ref.INPUTS]
    ref.linear = lora_linear          # forward() looks linear up at call time
    try:
        logits = [ref.forward(cfg, W, ids) for ids in ref.INPUTS]
        scores = []
        for seq, k in enumerate(ref.SCORE_PROMPT_LENGTHS):
            ids = ref.INPUTS[seq]
            scores.append({"sequence": seq, "prompt_length": k, "prompt": ids[:k], "response": ids[k:],
                           "response_token_count": len(ids) - k,
                           "logprob_sum": ref.sig(ref.score(cfg, W, ids, k), 10)})
    finally:
        ref.linear = base_linear
    for ids, unmerged in zip(ref.INPUTS, logits):
        diff = float((ref.forward(cfg, merged, ids) - unmerged).abs().max())
        assert diff < 1e-10, f"merged and unmerged differ by {diff}"
    effect = max(float((a - b).abs().max()) for a, b in zip(logits, without))

    out = os.path.join(ref.GOLDEN_DIR, VARIANT)
    os.makedirs(out, exist_ok=True)
    ref.write_json(os.path.join(out, "config.json"), dict(sorted(cfg.items())))
    peft_config = {
        "base_model_name_or_path": "qwen2-bias", "bias": "none", "fan_in_fan_out": False,
        "inference_mode": True, "init_lora_weights": True, "layers_pattern": None,
        "layers_to_transform": None, "lora_alpha": ALPHA, "lora_dropout": 0.05,
        "modules_to_save": None, "peft_type": "LORA", "r": RANK, "revision": None,
        "target_modules": sorted(TARGETS), "task_type": "CAUSAL_LM", "use_dora": False,
        "use_rslora": False, "rank_pattern": {}, "alpha_pattern": {},
    }
    with open(os.path.join(out, "adapter_config.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(peft_config, indent=2, sort_keys=True) + "\n")
    ref.write_json(os.path.join(out, "expected.json"), {
        "variant": VARIANT, "base_variant": BASE_VARIANT, "rank": RANK, "lora_alpha": ALPHA,
        "target_modules": TARGETS, "precision": "float64", "torch_version": torch.__version__,
        "inputs": ref.INPUTS,
        "logits": [[[ref.sig(v, 7) for v in row] for row in t.tolist()] for t in logits],
        "scores": scores,
        "adapter_effect": ref.sig(effect, 4),
    })
    print(f"{VARIANT}: wrote {out} (adapter moves logits by up to {effect:.3g})")


if __name__ == "__main__":
    main()

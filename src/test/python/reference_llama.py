#!/usr/bin/python3
"""Golden reference values for SPIN Workbench's Java Llama implementation.

README
======

What this is
------------
An independent, deliberately plain PyTorch implementation of the Hugging Face
Llama-family forward pass (``LlamaForCausalLM``, ``Qwen2ForCausalLM``,
``MistralForCausalLM``), computed in **float64**, used to write golden values that
the Java engine (``org.spinworkbench.lm``) is tested against.

It follows what transformers' ``modeling_llama.py`` / ``modeling_qwen2.py`` /
``modeling_mistral.py`` compute (not how they are structured):

    x = embed_tokens[ids]                                   # (T, H)
    per layer:
        h = RMSNorm(x) * input_layernorm.weight             # x * rsqrt(mean(x^2) + eps)
        q, k, v = h @ W^T (+ bias for Qwen2 / attention_bias)
        RoPE on q, k: rotate_half (non-interleaved) convention,
            inv_freq = 1 / theta^(arange(0, hD, 2) / hD), positions 0..T-1
        grouped-query attention: kv head j serves query heads j*r .. j*r+r-1
            (r = num_attention_heads / num_key_value_heads, HF repeat_kv)
        causal softmax(q k^T / sqrt(hD)) v, o_proj, residual
        h = RMSNorm(x) * post_attention_layernorm.weight
        down_proj(silu(gate_proj(h)) * up_proj(h)), residual
    final RMSNorm (model.norm.weight), lm_head (= embed_tokens when tied)

Differences from transformers in float32 are below 1e-6 relative: transformers builds
its RoPE cos/sin tables in float32, this reference builds them in float64.

Every run also checks the vectorised torch forward against a second, loop-by-loop
numpy implementation (per position, per head, explicit rotation pairs (i, i + hD/2))
and stops if they differ by more than 1e-9.

Weights
-------
The deterministic generator of /work/lm-plan.md ("Golden values"), identical to
``src/test/java/org/spinworkbench/lm/TestWeights.java``: each tensor is seeded by
CRC32 of its Hugging Face name, values come from SplitMix64 in double, scaled
(``1 + 0.1 r`` for ``*norm.weight``, ``0.5 r`` for ``model.embed_tokens.weight``,
``0.1 r`` for ``*.bias``, ``0.08 r`` otherwise; r in [-1, 1)), rounded to float32 and
then, for F16 / BF16 variants, rounded to that dtype (round to nearest even) and back.
The forward pass uses exactly those rounded values, as the Java side reads them from
the safetensors file it writes itself.

Running
-------
    /usr/bin/python3 src/test/python/reference_llama.py      # or: python3 ..., if that is Debian's

needs Debian's ``python3-torch`` (1.13.1) and ``python3-numpy``
(``apt-get install -y python3-torch python3-numpy``; a pyenv ``python3`` earlier on the PATH
does not see them, hence /usr/bin/python3 and the shebang); it takes about two seconds
and (re)writes, deterministically (byte-identical on every run), for each variant:

    src/test/resources/golden/<variant>/config.json     a Hugging Face config.json
    src/test/resources/golden/<variant>/expected.json   the golden values

Variants: llama-tied-gqa (F32), qwen2-bias (F32, q/k/v biases, 1 kv head),
mistral-headdim (F16, explicit head_dim 16 != hidden/heads),
llama-bf16-sharded (BF16, written sharded by the Java test, no GQA).

expected.json layout
--------------------
    {
      "variant": str, "architecture": str,
      "dtype": "F32" | "F16" | "BF16",      # on-disk dtype the Java test writes
      "sharded": bool,                      # whether the Java test writes it sharded
      "precision": "float64", "torch_version": str,
      "inputs":  [[int, ...], ...],         # 3 sequences (7, 4 and 1 tokens), ids < vocab
      "logits":  [[[float] * V] * T, ...],  # per input, computed on it alone, 7 significant digits
      "scores":  [{"sequence": int, "prompt_length": k, "prompt": [int], "response": [int],
                   "response_token_count": int, "logprob_sum": float}, ...],
                 # sum over response tokens of log_softmax(logits[pos - 1])[token], 10 sig. digits
      "greedy":  [{"prompt": [int], "max_new_tokens": 8, "tokens": [int] * 8,
                   "min_margin": float}, ...],
                 # argmax, full recompute each step, no EOS stop; min_margin = smallest
                 # top1 - top2 logit gap over the 8 steps (prompts are picked so it is >= 2e-3)
      "weights_check": {name: {"shape": [int], "first_values": [float] * 4, "sum": float}}
                 # values as stored on disk (dtype-rounded, exact float32 decimals); sum: the whole
                 # tensor summed in double. Names: embed_tokens, layer 0 q_proj, model.norm, plus
                 # layer 0 q_proj.bias (Qwen2) and lm_head.weight (untied).
    }

Greedy note: with tied embeddings (llama-tied-gqa) these random weights make every
greedy continuation repeat the last prompt token; the untied variants give varied ones.
"""

import json
import math
import os
import re
import zlib

try:
    import numpy as np
    import torch
except ImportError as e:
    raise SystemExit(f"{e}: run with Debian's /usr/bin/python3 after "
                     "'apt-get install -y python3-torch python3-numpy'")

torch.set_grad_enabled(False)

GOLDEN_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                           "..", "resources", "golden"))
MASK64 = (1 << 64) - 1

# ---------------------------------------------------------------------------------------
# Deterministic weights
# ---------------------------------------------------------------------------------------

def scale_and_offset(name):
    if name.endswith("norm.weight"):
        return 0.1, 1.0
    if name == "model.embed_tokens.weight":
        return 0.5, 0.0
    if name.endswith(".bias"):
        return 0.1, 0.0
    return 0.08, 0.0


def generator_doubles(name, n):
    """SplitMix64 seeded with CRC32(name): n doubles r in [-1, 1)."""
    seed = zlib.crc32(name.encode("utf-8")) & 0xFFFFFFFF
    with np.errstate(over="ignore"):
        # state_i = seed + (i + 1) * golden (mod 2^64): uint64 arrays wrap silently.
        state = np.uint64(seed) + np.arange(1, n + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        z = state
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    u = (z >> np.uint64(11)).astype(np.float64) * (2.0 ** -53)  # exact: < 2^53
    return 2.0 * u - 1.0


def generator_doubles_scalar(name, n):
    """The same generator with Python integers, step by step (used to check the vectorised one)."""
    state = zlib.crc32(name.encode("utf-8")) & 0xFFFFFFFF
    out = []
    for _ in range(n):
        state = (state + 0x9E3779B97F4A7C15) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        z = z ^ (z >> 31)
        out.append(2.0 * ((z >> 11) * 2.0 ** -53) - 1.0)
    return out


def round_bf16(f32):
    """float32 -> bfloat16 (round to nearest even) -> float32, with bit arithmetic."""
    bits = f32.astype(np.float32).view(np.uint32).astype(np.uint64)
    bits = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000
    return bits.astype(np.uint32).view(np.float32)


def round_dtype(f32, dtype):
    if dtype == "F32":
        return f32
    if dtype == "F16":
        return f32.astype(np.float16).astype(np.float32)  # numpy: round to nearest even
    if dtype == "BF16":
        return round_bf16(f32)
    raise ValueError(dtype)


def weight_values(name, shape, dtype):
    """Row-major float32 values of the tensor as stored on disk in `dtype`."""
    n = int(np.prod(shape))
    scale, offset = scale_and_offset(name)
    doubles = offset + scale * generator_doubles(name, n)   # same operation order as Java
    return round_dtype(doubles.astype(np.float32), dtype).reshape(shape)


def weight_shapes(cfg):
    """Hugging Face name -> shape for every tensor of the checkpoint."""
    V, H, I = cfg["vocab_size"], cfg["hidden_size"], cfg["intermediate_size"]
    nH, nKV, hD = cfg["num_attention_heads"], cfg["num_key_value_heads"], head_dim(cfg)
    shapes = {"model.embed_tokens.weight": (V, H)}
    for i in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{i}."
        shapes[p + "input_layernorm.weight"] = (H,)
        shapes[p + "self_attn.q_proj.weight"] = (nH * hD, H)
        shapes[p + "self_attn.k_proj.weight"] = (nKV * hD, H)
        shapes[p + "self_attn.v_proj.weight"] = (nKV * hD, H)
        shapes[p + "self_attn.o_proj.weight"] = (H, nH * hD)
        if has_qkv_bias(cfg):
            shapes[p + "self_attn.q_proj.bias"] = (nH * hD,)
            shapes[p + "self_attn.k_proj.bias"] = (nKV * hD,)
            shapes[p + "self_attn.v_proj.bias"] = (nKV * hD,)
        shapes[p + "post_attention_layernorm.weight"] = (H,)
        shapes[p + "mlp.gate_proj.weight"] = (I, H)
        shapes[p + "mlp.up_proj.weight"] = (I, H)
        shapes[p + "mlp.down_proj.weight"] = (H, I)
    shapes["model.norm.weight"] = (H,)
    if not cfg["tie_word_embeddings"]:
        shapes["lm_head.weight"] = (V, H)
    return shapes


def head_dim(cfg):
    return cfg.get("head_dim") or cfg["hidden_size"] // cfg["num_attention_heads"]


def has_qkv_bias(cfg):
    return cfg["architectures"][0] == "Qwen2ForCausalLM" or cfg.get("attention_bias", False)


def load_weights(cfg, dtype):
    """Name -> float64 torch tensor holding the on-disk (dtype-rounded) values."""
    return {name: torch.from_numpy(weight_values(name, shape, dtype).astype(np.float64))
            for name, shape in weight_shapes(cfg).items()}

# ---------------------------------------------------------------------------------------
# The forward pass (torch, float64)
# ---------------------------------------------------------------------------------------

def rms_norm(x, weight, eps):
    # x: (T, H)
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def rope_cos_sin(T, hD, theta):
    inv_freq = 1.0 / (theta ** (torch.arange(0, hD, 2, dtype=torch.float64) / hD))  # (hD/2,)
    freqs = torch.arange(T, dtype=torch.float64)[:, None] * inv_freq[None, :]         # (T, hD/2)
    emb = torch.cat((freqs, freqs), dim=-1)                                            # (T, hD)
    return emb.cos(), emb.sin()


def linear(x, W, name):
    y = x @ W[name + ".weight"].T
    if name + ".bias" in W:
        y = y + W[name + ".bias"]
    return y


def forward(cfg, W, ids):
    """Logits (T, V) for one unpadded sequence of token ids."""
    T = len(ids)
    nH, nKV, hD = cfg["num_attention_heads"], cfg["num_key_value_heads"], head_dim(cfg)
    eps = cfg["rms_norm_eps"]
    cos, sin = rope_cos_sin(T, hD, cfg["rope_theta"])                  # (T, hD)
    causal = torch.ones(T, T, dtype=torch.bool).tril()                 # (T, T)

    x = W["model.embed_tokens.weight"][torch.tensor(ids)]              # (T, H)
    for i in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{i}."
        # attention block
        h = rms_norm(x, W[p + "input_layernorm.weight"], eps)
        q = linear(h, W, p + "self_attn.q_proj").view(T, nH, hD).transpose(0, 1)   # (nH, T, hD)
        k = linear(h, W, p + "self_attn.k_proj").view(T, nKV, hD).transpose(0, 1)  # (nKV, T, hD)
        v = linear(h, W, p + "self_attn.v_proj").view(T, nKV, hD).transpose(0, 1)  # (nKV, T, hD)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k = k.repeat_interleave(nH // nKV, dim=0)                                  # (nH, T, hD)
        v = v.repeat_interleave(nH // nKV, dim=0)                                  # (nH, T, hD)
        att = (q @ k.transpose(1, 2)) / math.sqrt(hD)                              # (nH, T, T)
        att = att.masked_fill(~causal, float("-inf")).softmax(dim=-1)
        y = (att @ v).transpose(0, 1).reshape(T, nH * hD)                          # (T, nH*hD)
        x = x + linear(y, W, p + "self_attn.o_proj")
        # MLP block
        h = rms_norm(x, W[p + "post_attention_layernorm.weight"], eps)
        mlp = torch.nn.functional.silu(linear(h, W, p + "mlp.gate_proj")) * linear(h, W, p + "mlp.up_proj")
        x = x + linear(mlp, W, p + "mlp.down_proj")
    x = rms_norm(x, W["model.norm.weight"], eps)
    lm_head = W["model.embed_tokens.weight"] if cfg["tie_word_embeddings"] else W["lm_head.weight"]
    return x @ lm_head.T                                                           # (T, V)

# ---------------------------------------------------------------------------------------
# A second implementation, loop by loop in numpy, to check the one above
# ---------------------------------------------------------------------------------------

def forward_loops(cfg, W, ids):
    Wn = {k: v.numpy() for k, v in W.items()}
    T = len(ids)
    nH, nKV, hD = cfg["num_attention_heads"], cfg["num_key_value_heads"], head_dim(cfg)
    eps, theta = cfg["rms_norm_eps"], cfg["rope_theta"]

    def norm(vec, w):
        return vec / math.sqrt(float(np.mean(vec * vec)) + eps) * w

    def lin(vec, name):
        out = Wn[name + ".weight"].dot(vec)
        return out + Wn[name + ".bias"] if name + ".bias" in Wn else out

    def rope(vec, pos):  # vec: (hD,), rotation of the pairs (j, j + hD/2)
        out = vec.copy()
        for j in range(hD // 2):
            angle = pos / theta ** (2 * j / hD)
            c, s = math.cos(angle), math.sin(angle)
            a, b = vec[j], vec[j + hD // 2]
            out[j], out[j + hD // 2] = a * c - b * s, b * c + a * s
        return out

    xs = [Wn["model.embed_tokens.weight"][t].copy() for t in ids]
    for i in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{i}."
        qs, ks, vs = [], [], []
        for pos in range(T):
            h = norm(xs[pos], Wn[p + "input_layernorm.weight"])
            q = lin(h, p + "self_attn.q_proj").reshape(nH, hD)
            k = lin(h, p + "self_attn.k_proj").reshape(nKV, hD)
            qs.append([rope(q[a], pos) for a in range(nH)])
            ks.append([rope(k[a], pos) for a in range(nKV)])
            vs.append(lin(h, p + "self_attn.v_proj").reshape(nKV, hD))
        new_xs = []
        for pos in range(T):
            heads = []
            for a in range(nH):
                kv = a // (nH // nKV)
                s = np.array([qs[pos][a].dot(ks[j][kv]) / math.sqrt(hD) for j in range(pos + 1)])
                w = np.exp(s - s.max())
                w /= w.sum()
                heads.append(sum(w[j] * vs[j][kv] for j in range(pos + 1)))
            x = xs[pos] + lin(np.concatenate(heads), p + "self_attn.o_proj")
            h = norm(x, Wn[p + "post_attention_layernorm.weight"])
            g = lin(h, p + "mlp.gate_proj")
            x = x + lin(g / (1.0 + np.exp(-g)) * lin(h, p + "mlp.up_proj"), p + "mlp.down_proj")
            new_xs.append(x)
        xs = new_xs
    lm_head = Wn["model.embed_tokens.weight"] if cfg["tie_word_embeddings"] else Wn["lm_head.weight"]
    return np.stack([lm_head.dot(norm(x, Wn["model.norm.weight"])) for x in xs])

# ---------------------------------------------------------------------------------------
# Golden values
# ---------------------------------------------------------------------------------------

def sig(x, digits):
    return float(f"{x:.{digits}g}")


def score(cfg, W, ids, k):
    """Sum of log-probs of ids[k:], each predicted from the position before it."""
    logp = forward(cfg, W, ids).log_softmax(dim=-1)          # (T, V)
    return sum(float(logp[pos - 1, ids[pos]]) for pos in range(k, len(ids)))


def greedy(cfg, W, prompt, steps):
    """Argmax continuation with a full recompute each step; also the smallest top1-top2 gap."""
    ids, margin = list(prompt), float("inf")
    for _ in range(steps):
        last = forward(cfg, W, ids)[-1]
        top2 = last.topk(2).values
        margin = min(margin, float(top2[0] - top2[1]))
        ids.append(int(last.argmax()))
    return ids[len(prompt):], margin


INPUTS = [[1, 17, 42, 5, 88, 63, 29], [1, 70, 3, 56], [9]]
SCORE_PROMPT_LENGTHS = [3, 1]          # for INPUTS[0] and INPUTS[1]
GREEDY_CANDIDATES = [[1, 17, 42], [1, 70, 3, 56], [9], [2, 33, 77, 11, 60], [4, 95, 0], [50, 25]]
GREEDY_STEPS = 8
MIN_GREEDY_MARGIN = 2e-3


def base_config(arch, model_type, **overrides):
    cfg = {
        "architectures": [arch], "model_type": model_type,
        "vocab_size": 96, "hidden_size": 32, "intermediate_size": 64,
        "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2,
        "hidden_act": "silu", "max_position_embeddings": 128, "initializer_range": 0.02,
        "rms_norm_eps": 1e-6, "rope_theta": 10000.0, "rope_scaling": None,
        "attention_dropout": 0.0, "tie_word_embeddings": False, "use_cache": True,
        "bos_token_id": 1, "eos_token_id": 2, "torch_dtype": "float32",
        "transformers_version": "4.46.0",
    }
    if model_type == "llama":
        cfg.update({"attention_bias": False, "mlp_bias": False, "pretraining_tp": 1})
    cfg.update(overrides)
    return cfg


VARIANTS = {
    "llama-tied-gqa": (base_config("LlamaForCausalLM", "llama", tie_word_embeddings=True), "F32", False),
    "qwen2-bias": (base_config("Qwen2ForCausalLM", "qwen2", intermediate_size=48, num_key_value_heads=1,
                               rope_theta=1000000.0, bos_token_id=None, eos_token_id=95,
                               use_sliding_window=False, sliding_window=None, max_window_layers=2),
                   "F32", False),
    "mistral-headdim": (base_config("MistralForCausalLM", "mistral", num_hidden_layers=3, head_dim=16,
                                    rms_norm_eps=1e-5, sliding_window=None, torch_dtype="float16"),
                        "F16", False),
    "llama-bf16-sharded": (base_config("LlamaForCausalLM", "llama", num_attention_heads=8,
                                       num_key_value_heads=8, eos_token_id=[2, 95], torch_dtype="bfloat16"),
                           "BF16", True),
}


def check_generator():
    name = "model.layers.0.self_attn.q_proj.weight"
    assert np.array_equal(generator_doubles(name, 64), np.array(generator_doubles_scalar(name, 64)))
    x = (np.arange(-4000, 4000, dtype=np.float32) * np.float32(1.37e-5)) ** 3
    assert np.array_equal(round_bf16(x), torch.from_numpy(x).bfloat16().float().numpy())
    assert np.array_equal(round_dtype(x, "F16"), torch.from_numpy(x).half().float().numpy())


def golden(variant, cfg, dtype, sharded):
    W = load_weights(cfg, dtype)
    for ids in INPUTS:
        diff = float((forward(cfg, W, ids) - torch.from_numpy(forward_loops(cfg, W, ids))).abs().max())
        assert diff < 1e-9, f"{variant}: the two implementations differ by {diff}"

    scores = []
    for seq, k in enumerate(SCORE_PROMPT_LENGTHS):
        ids = INPUTS[seq]
        scores.append({"sequence": seq, "prompt_length": k, "prompt": ids[:k], "response": ids[k:],
                       "response_token_count": len(ids) - k,
                       "logprob_sum": sig(score(cfg, W, ids, k), 10)})

    runs = []
    for prompt in GREEDY_CANDIDATES:
        tokens, margin = greedy(cfg, W, prompt, GREEDY_STEPS)
        if margin >= MIN_GREEDY_MARGIN:
            runs.append({"prompt": prompt, "max_new_tokens": GREEDY_STEPS, "tokens": tokens,
                         "min_margin": sig(margin, 4)})
        if len(runs) == 2:
            break
    assert len(runs) == 2, f"{variant}: no two greedy prompts with a clear argmax"

    shapes = weight_shapes(cfg)
    checked = ["model.embed_tokens.weight", "model.layers.0.self_attn.q_proj.weight", "model.norm.weight"]
    checked += [n for n in ("model.layers.0.self_attn.q_proj.bias", "lm_head.weight") if n in shapes]
    weights_check = {}
    for name in checked:
        values = weight_values(name, shapes[name], dtype).reshape(-1)
        weights_check[name] = {"shape": list(shapes[name]),
                               "first_values": [float(v) for v in values[:4]],  # exact float32
                               "sum": float(values.astype(np.float64).sum())}

    return {
        "variant": variant, "architecture": cfg["architectures"][0],
        "dtype": dtype, "sharded": sharded,
        "precision": "float64", "torch_version": torch.__version__,
        "inputs": INPUTS,
        "logits": [[[sig(v, 7) for v in row] for row in forward(cfg, W, ids).tolist()] for ids in INPUTS],
        "scores": scores,
        "greedy": runs,
        "weights_check": weights_check,
    }


def write_json(path, obj):
    """Indented JSON with every innermost list of numbers on one line (one logits row a line)."""
    text = json.dumps(obj, indent=1)
    text = re.sub(r"\[\s*([-+0-9.eE,\s]+?)\s*\]",
                  lambda m: "[" + ", ".join(v.strip() for v in m.group(1).split(",")) + "]", text)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")


def main():
    check_generator()
    for variant, (cfg, dtype, sharded) in VARIANTS.items():
        out = os.path.join(GOLDEN_DIR, variant)
        os.makedirs(out, exist_ok=True)
        write_json(os.path.join(out, "config.json"), dict(sorted(cfg.items())))
        write_json(os.path.join(out, "expected.json"), golden(variant, cfg, dtype, sharded))
        print(f"{variant}: wrote {out}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""An independent eager PyTorch peer for `spin-workbench bench`, on the same checkpoint.

What this is
------------
A plain float32 PyTorch implementation of the Llama-family forward pass (the computation of
reference_llama.py, batched, with left padding and a KV cache for generation), timed on the
same shapes `bench` times: greedy generation, scoring, and one SPIN optimiser step
(sigmoid loss, torch.optim.AdamW), whole-model or with LoRA adapters (PEFT's layout:
y = x W^T + b + (alpha/r) (x A^T) B^T, A kaiming-uniform, B zero) on a frozen base.
It reads the model folder's config.json and model.safetensors (float32, parsed here with
numpy) and needs nothing but Debian's python3-torch and python3-numpy.

    /usr/bin/python3 src/test/python/bench_peer.py --model DIR [--batch-sizes 1,16]
        [--prompt-tokens 64] [--new-tokens 32] [--score-tokens 128] [--train-pairs 4]
        [--train-tokens 128] [--lora-rank 0] [--lora-targets q_proj,v_proj] [--threads 2] [--json]

src/test/python/bench_side_by_side.sh runs it and `bench` one after the other with the same
arguments. Figures are medians of --repeats runs after one warm-up, as `bench` takes them.
"""

import argparse
import json
import math
import os
import resource
import struct
import time

import numpy as np
import torch


def read_safetensors(path):
    with open(path, "rb") as f:
        size = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(size))
        data = f.read()
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            raise SystemExit(f"{path}: {name} is {info['dtype']}; the peer reads float32 checkpoints only")
        start, end = info["data_offsets"]
        tensors[name] = torch.from_numpy(np.frombuffer(data[start:end], dtype="<f4").copy()).reshape(info["shape"])
    return tensors


class Llama(torch.nn.Module):
    def __init__(self, cfg, weights, lora_rank=0, lora_targets=()):
        super().__init__()
        self.cfg = cfg
        self.heads = cfg["num_attention_heads"]
        self.kv_heads = cfg.get("num_key_value_heads", self.heads)
        self.head_dim = cfg.get("head_dim") or cfg["hidden_size"] // self.heads
        self.eps = cfg.get("rms_norm_eps", 1e-6)
        self.w = torch.nn.ParameterDict({k.replace(".", "/"): torch.nn.Parameter(v) for k, v in weights.items()})
        self.lora = torch.nn.ParameterDict()
        self.scale = 8.0 / lora_rank if lora_rank else 0.0      # PEFT's default lora_alpha 8
        if lora_rank:
            for p in self.w.values():
                p.requires_grad_(False)
            for name in list(weights):
                module = name[:-len(".weight")]
                if name.endswith(".weight") and module.rsplit(".", 1)[-1] in lora_targets:
                    out_f, in_f = weights[name].shape
                    a = torch.empty(lora_rank, in_f)
                    torch.nn.init.kaiming_uniform_(a, a=math.sqrt(5))
                    self.lora[module.replace(".", "/") + "/A"] = torch.nn.Parameter(a)
                    self.lora[module.replace(".", "/") + "/B"] = torch.nn.Parameter(torch.zeros(out_f, lora_rank))
        inv = 1.0 / (cfg.get("rope_theta", 10000.0) ** (torch.arange(0, self.head_dim, 2).float() / self.head_dim))
        self.register_buffer("inv_freq", inv)

    def W(self, name):
        return self.w[name.replace(".", "/")]

    def linear(self, x, module):
        y = x @ self.W(module + ".weight").T
        bias = module.replace(".", "/") + "/bias"
        if bias in self.w:
            y = y + self.w[bias]
        key = module.replace(".", "/")
        if key + "/A" in self.lora:
            y = y + self.scale * ((x @ self.lora[key + "/A"].T) @ self.lora[key + "/B"].T)
        return y

    def norm(self, x, weight):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * weight

    def rope(self, x, positions):                  # x: (B, h, T, hD); positions: (B, T)
        freqs = positions[:, None, :, None].float() * self.inv_freq      # (B, 1, T, hD/2)
        emb = torch.cat((freqs, freqs), dim=-1)
        half = x.shape[-1] // 2
        rotated = torch.cat((-x[..., half:], x[..., :half]), dim=-1)
        return x * emb.cos() + rotated * emb.sin()

    def forward(self, ids, positions, key_mask, cache=None):
        """ids, positions (B, T); key_mask (B, S) 1 for real keys; cache: list of (k, v) or None."""
        B, T = ids.shape
        x = self.W("model.embed_tokens.weight")[ids]
        past = 0 if cache is None or cache[0] is None else cache[0][0].shape[2]
        S = past + T
        causal = torch.arange(S)[None, :] <= (torch.arange(T)[:, None] + past)
        allowed = causal[None, None] & key_mask[:, None, None, :].bool()
        bias = torch.zeros(allowed.shape).masked_fill(~allowed, -1e9)
        for i in range(self.cfg["num_hidden_layers"]):
            p = f"model.layers.{i}."
            h = self.norm(x, self.W(p + "input_layernorm.weight"))
            q = self.linear(h, p + "self_attn.q_proj").view(B, T, self.heads, self.head_dim).transpose(1, 2)
            k = self.linear(h, p + "self_attn.k_proj").view(B, T, self.kv_heads, self.head_dim).transpose(1, 2)
            v = self.linear(h, p + "self_attn.v_proj").view(B, T, self.kv_heads, self.head_dim).transpose(1, 2)
            q, k = self.rope(q, positions), self.rope(k, positions)
            if cache is not None:
                if cache[i] is not None:
                    k = torch.cat((cache[i][0], k), dim=2)
                    v = torch.cat((cache[i][1], v), dim=2)
                cache[i] = (k, v)
            k = k.repeat_interleave(self.heads // self.kv_heads, dim=1)
            v = v.repeat_interleave(self.heads // self.kv_heads, dim=1)
            att = ((q @ k.transpose(2, 3)) / math.sqrt(self.head_dim) + bias).softmax(-1)
            x = x + self.linear((att @ v).transpose(1, 2).reshape(B, T, -1), p + "self_attn.o_proj")
            h = self.norm(x, self.W(p + "post_attention_layernorm.weight"))
            gate = self.linear(h, p + "mlp.gate_proj")
            x = x + self.linear(torch.nn.functional.silu(gate) * self.linear(h, p + "mlp.up_proj"), p + "mlp.down_proj")
        return self.norm(x, self.W("model.norm.weight"))

    def logits(self, hidden):
        head = "model.embed_tokens.weight" if self.cfg.get("tie_word_embeddings") else "lm_head.weight"
        return hidden @ self.W(head).T


def median_seconds(repeats, run):
    run()                                            # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def generate(model, prompts, new_tokens):
    with torch.no_grad():
        B, P = prompts.shape
        cache = [None] * model.cfg["num_hidden_layers"]
        mask = torch.ones(B, P, dtype=torch.long)
        positions = torch.arange(P)[None].repeat(B, 1)
        nxt = model.logits(model.forward(prompts, positions, mask, cache)[:, -1]).argmax(-1)
        for step in range(new_tokens - 1):
            mask = torch.cat((mask, torch.ones(B, 1, dtype=torch.long)), dim=1)
            hidden = model.forward(nxt[:, None], torch.full((B, 1), P + step), mask, cache)
            nxt = model.logits(hidden[:, -1]).argmax(-1)


def response_logps(model, ids, prompt_length):
    hidden = model.forward(ids, torch.arange(ids.shape[1])[None].repeat(ids.shape[0], 1), torch.ones_like(ids))
    logp = model.logits(hidden[:, prompt_length - 1:-1]).log_softmax(-1)       # response positions only
    return logp.gather(-1, ids[:, prompt_length:, None]).squeeze(-1).sum(-1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--batch-sizes", default="1,16")
    parser.add_argument("--prompt-tokens", type=int, default=32)
    parser.add_argument("--new-tokens", type=int, default=64)
    parser.add_argument("--score-tokens", type=int, default=128)
    parser.add_argument("--train-pairs", type=int, default=8)
    parser.add_argument("--train-tokens", type=int, default=128)
    parser.add_argument("--lora-rank", type=int, default=0)
    parser.add_argument("--lora-targets", default="q_proj,v_proj")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)

    with open(os.path.join(args.model, "config.json"), encoding="utf-8") as f:
        cfg = json.load(f)
    model = Llama(cfg, read_safetensors(os.path.join(args.model, "model.safetensors")),
                  args.lora_rank, tuple(args.lora_targets.split(",")))
    vocab = cfg["vocab_size"]
    rows = []
    for batch in [int(b) for b in args.batch_sizes.split(",")]:
        prompts = torch.randint(0, vocab, (batch, args.prompt_tokens))
        seconds = median_seconds(args.repeats, lambda: generate(model, prompts, args.new_tokens))
        rows.append({"task": "generate", "batch_size": batch, "tokens_per_second": batch * args.new_tokens / seconds,
                     "seconds_per_run": seconds})
    scored = torch.randint(0, vocab, (16, args.score_tokens))
    with torch.no_grad():
        seconds = median_seconds(args.repeats, lambda: response_logps(model, scored, args.score_tokens // 4))
    rows.append({"task": "score", "batch_size": 16, "tokens_per_second": 16 * args.score_tokens / seconds,
                 "seconds_per_run": seconds})
    if args.train_pairs:
        prompt = args.train_tokens // 4
        real = torch.randint(0, vocab, (args.train_pairs, args.train_tokens))
        synthetic = torch.cat((real[:, :prompt], torch.randint(0, vocab, (args.train_pairs,
                                                                             args.train_tokens - prompt))), 1)
        trained = [p for p in model.parameters() if p.requires_grad]
        optimizer = torch.optim.AdamW(trained, lr=1e-5, weight_decay=0.0)

        def step():
            optimizer.zero_grad()
            logps = response_logps(model, torch.cat((real, synthetic)), prompt)
            margin = 0.1 * ((logps[:args.train_pairs] + 50) - (logps[args.train_pairs:] + 50))
            loss = -torch.nn.functional.logsigmoid(margin).mean()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trained, 1.0)
            optimizer.step()
        seconds = median_seconds(args.repeats, step)
        rows.append({"task": "train_spin_lora" if args.lora_rank else "train_spin", "batch_size": args.train_pairs,
                     "tokens_per_second": 2 * args.train_pairs * args.train_tokens / seconds,
                     "seconds_per_run": seconds})
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    summary = {"implementation": f"eager PyTorch {torch.__version__}", "threads": args.threads,
               "throughput": rows, "peak_rss_mib": peak}
    if args.json:
        print(json.dumps(summary))
    else:
        for row in rows:
            print(f"{row['task']:<16} batch {row['batch_size']:>3}: {row['tokens_per_second']:9.0f} tokens/s"
                  f" ({row['seconds_per_run']:.3f} s per run)")
        print(f"peak resident memory: {peak} MiB")


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Reproduces the tables of docs/results.md ("Bigger pools"): the question pools, the two SFT
# bases, and every SPIN and continued-SFT run from them, one at a time (the figures are only
# comparable on a quiet machine). Prints one JSON summary line per run, prefixed with its name.
#   docs/results/spin-vs-sft.sh [WORK_DIR]        (about 90 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-/tmp/spin-vs-sft}
mkdir -p "$work"
[[ -f target/spin-workbench.jar ]] || ./mvnw -q -DskipTests package
wb() { java -Dai.djl.offline=true -jar target/spin-workbench.jar "$@"; }

wb demo-data --output "$work/pool4k" --train 4000 --test 500 --seed 0 --force
wb demo-data --output "$work/pool20k" --train 20000 --test 500 --seed 0 --force   # same 500 test questions
head -1000 "$work/pool4k/train.jsonl" > "$work/pool4k/train1k.jsonl"
head -1000 "$work/pool20k/train.jsonl" > "$work/pool20k/train1k.jsonl"
test_file="$work/pool4k/test.jsonl"
common=(--batch-size 16 --max-length 128 --max-prompt-length 64 --workspace "$work/ws" --json
        --eval-data "$test_file" --accuracy-data "$test_file")

base() { # NAME POOL EPOCHS
    echo -n "$1 "; wb sft --config sample-data/configs/demo-model.json --tokenizer byte-level \
        --data "$work/$2/train.jsonl" --epochs "$3" --lr 3e-3 --warmup-ratio 0.02 --seed 1 \
        --output "$work/$1" --project "$1" "${common[@]}" 2>/dev/null | tail -1
}
sft() { # NAME BASE POOL LR
    echo -n "$1 "; wb sft --model "$work/$2" --data "$work/$3/train1k.jsonl" --epochs 3 --lr "$4" --seed 42 \
        --output "$work/$1" --project "$1" "${common[@]}" 2>/dev/null | tail -1
}
spin() { # NAME BASE POOL LR BETA ALPHA
    echo -n "$1 "; wb spin --model "$work/$2" --data "$work/$3/train1k.jsonl" --iterations 3 --epochs 1 \
        --lr "$4" --beta "$5" --nll-alpha "$6" --max-new-tokens 16 --temperature "${TEMPERATURE:-1.0}" --seed 42 \
        --project "$1" "${common[@]}" 2>/dev/null | tail -1
}

base base-4k pool4k 40
sft  sft-4k-lr3e-4 base-4k pool4k 3e-4
sft  sft-4k-lr1e-3 base-4k pool4k 1e-3
spin spin-4k-a1-b0.1-lr3e-4 base-4k pool4k 3e-4 0.1 1
spin spin-4k-a0-b0.1-lr5e-5 base-4k pool4k 5e-5 0.1 0
spin spin-4k-a1-b0.1-lr2e-3 base-4k pool4k 2e-3 0.1 1
spin spin-4k-a1-b1-lr1e-3   base-4k pool4k 1e-3 1.0 1
spin spin-4k-a0-b0.1-lr3e-4 base-4k pool4k 3e-4 0.1 0

base base-20k pool20k 4
sft  sft-20k-lr3e-4 base-20k pool20k 3e-4
spin spin-20k-a1-b0.1-lr3e-4 base-20k pool20k 3e-4 0.1 1
sft  sft-20k-lr1e-3 base-20k pool20k 1e-3
spin spin-20k-a1-b0.1-lr1e-3 base-20k pool20k 1e-3 0.1 1
spin spin-20k-a0-b0.1-lr5e-5 base-20k pool20k 5e-5 0.1 0
TEMPERATURE=0.7 spin spin-20k-a1-b0.1-lr3e-4-t0.7 base-20k pool20k 3e-4 0.1 1
TEMPERATURE=0 spin spin-20k-a1-b0.1-lr1e-3-t0 base-20k pool20k 1e-3 0.1 1

# new data for the 4k base: 1,000 questions of the 20k pool that the 4k pool does not hold
grep -vxF -f "$work/pool4k/train.jsonl" "$work/pool20k/train.jsonl" | head -1000 > "$work/pool20k/fresh.jsonl"
mkdir -p "$work/fresh" && cp "$work/pool20k/fresh.jsonl" "$work/fresh/train1k.jsonl"
sft  sft-fresh-lr1e-3 base-4k fresh 1e-3
spin spin-fresh-a1-b0.1-lr1e-3 base-4k fresh 1e-3 0.1 1

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
spin() { # NAME BASE POOL LR BETA ALPHA [more spin options]
    local name=$1 base=$2 pool=$3 lr=$4 beta=$5 alpha=$6
    shift 6
    echo -n "$name "; wb spin --model "$work/$base" --data "$work/$pool/train1k.jsonl" --iterations 3 --epochs "${EPOCHS:-1}" \
        --lr "$lr" --beta "$beta" --nll-alpha "$alpha" --max-new-tokens 16 --temperature "${TEMPERATURE:-1.0}" \
        --seed 42 --project "$name" "${common[@]}" "$@" 2>/dev/null | tail -1
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

# regularised self-play (α-SPIN): KL anchor to the base, fictitious play over 3 iterates
spin spin-20k-kl0.5-lr5e-5       base-20k pool20k 5e-5 0.1 0 --kl-anchor 0.5
spin spin-20k-h3-lr5e-5          base-20k pool20k 5e-5 0.1 0 --opponents 3
spin spin-20k-kl0.5-h3-lr5e-5    base-20k pool20k 5e-5 0.1 0 --kl-anchor 0.5 --opponents 3
spin spin-20k-h3-lr1.5e-4        base-20k pool20k 1.5e-4 0.1 0 --opponents 3
spin spin-20k-a1-kl0.5-lr3e-4    base-20k pool20k 3e-4 0.1 1 --kl-anchor 0.5
spin spin-20k-a1-h3-lr3e-4       base-20k pool20k 3e-4 0.1 1 --opponents 3
TEMPERATURE=0 spin spin-20k-a1-lr3e-4-t0 base-20k pool20k 3e-4 0.1 1
spin spin-4k-kl0.5-lr3e-4        base-4k pool4k 3e-4 0.1 0 --kl-anchor 0.5
spin spin-4k-h3-lr3e-4           base-4k pool4k 3e-4 0.1 0 --opponents 3

# epochs per iteration: 3, and the control with as many passes (9)
sft9() { # NAME BASE POOL LR EPOCHS
    echo -n "$1 "; wb sft --model "$work/$2" --data "$work/$3/train1k.jsonl" --epochs "$5" --lr "$4" --seed 42 \
        --output "$work/$1" --project "$1" "${common[@]}" 2>/dev/null | tail -1
}
sft9 sft-20k-e3-lr5e-5 base-20k pool20k 5e-5 3
sft9 sft-20k-e9-lr3e-4 base-20k pool20k 3e-4 9
EPOCHS=3 spin spin-20k-a1-lr3e-4-e3 base-20k pool20k 3e-4 0.1 1
EPOCHS=3 spin spin-20k-h3-lr5e-5-e3 base-20k pool20k 5e-5 0.1 0 --opponents 3

# a second test set: seed 7's test questions that neither seed-0 training pool holds
wb demo-data --output "$work/seed7" --train 20000 --test 600 --seed 7 --force
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
seen = {json.loads(line)["prompt"] for f in ("pool4k", "pool20k") for line in open(f"{work}/{f}/train.jsonl")}
unseen = [line for line in open(f"{work}/seed7/test.jsonl") if json.loads(line)["prompt"] not in seen]
open(f"{work}/seed7/unseen.jsonl", "w").writelines(unseen)
print(len(unseen), "of 600 seed-7 test questions are in neither training pool")
PY
second() { # NAME MODEL_DIR
    echo -n "$1 "; wb eval --model "$2" --data "$work/seed7/unseen.jsonl" --accuracy --json 2>/dev/null | tail -1
}
second base-20k "$work/base-20k"
second sft-20k-lr3e-4 "$work/sft-20k-lr3e-4"
second sft-20k-e9-lr3e-4 "$work/sft-20k-e9-lr3e-4"
for run in spin-20k-a0-b0.1-lr5e-5 spin-20k-a1-b0.1-lr3e-4 spin-20k-h3-lr5e-5 spin-20k-kl0.5-h3-lr5e-5 \
           spin-20k-h3-lr1.5e-4 spin-20k-a1-h3-lr3e-4 spin-20k-a1-lr3e-4-e3; do
    folder=$(echo "$run" | tr . -)
    for t in 1 2 3; do
        second "$run-iteration-$t" "$(ls -d "$work"/ws/projects/"$folder"/runs/run-*/iteration-$t/model)"
    done
done

# a bigger base: 4.4 M parameters, the 20 k pool, 4 epochs
echo -n "base-4m "; wb sft --config docs/results/model-4m.json --tokenizer byte-level \
    --data "$work/pool20k/train.jsonl" --epochs 4 --lr 2e-3 --warmup-ratio 0.02 --seed 1 \
    --output "$work/base-4m" --project base-4m "${common[@]}" 2>/dev/null | tail -1
sft  sft-4m-lr3e-4 base-4m pool20k 3e-4
spin spin-4m-a1-lr3e-4 base-4m pool20k 3e-4 0.1 1
spin spin-4m-h3-lr5e-5 base-4m pool20k 5e-5 0.1 0 --opponents 3

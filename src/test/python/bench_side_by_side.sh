#!/usr/bin/env bash
# `spin-workbench bench` and the eager PyTorch peer (bench_peer.py) on the same checkpoint and
# shapes, one after the other on this machine, each printing its figures and peak memory.
#
#   src/test/python/bench_side_by_side.sh MODEL_DIR [bench options...]
#
# Options are those both take: --batch-sizes, --prompt-tokens, --new-tokens, --score-tokens,
# --train-pairs, --train-tokens, --lora-rank, --lora-targets, --repeats. The model folder
# must hold a float32 model.safetensors (init-model writes one). Needs the built jar
# (./mvnw -DskipTests package) and Debian's python3-torch.
set -euo pipefail
cd "$(dirname "$0")/../../.."
model="$1"
shift
threads="${THREADS:-2}"
echo "== spin-workbench bench (${threads} threads)"
java -jar target/spin-workbench.jar bench --model "$model" --threads "$threads" "$@"
echo "== eager PyTorch peer (${threads} threads)"
/usr/bin/python3 src/test/python/bench_peer.py --model "$model" --threads "$threads" "$@"

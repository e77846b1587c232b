#!/usr/bin/env bash
# Proves a built app-image starts and works headless, as an installed app would be used:
# from another folder, with a home folder of its own. Checks that it finds its bundled demo,
# writes the workspace and the DJL native cache under that home, writes nothing into the
# image, and (when xvfb-run is installed) that the window opens. Usage: packaging/linux/smoke-test.sh [IMAGE]   (default target/dist/spin-workbench)
set -euo pipefail

image="$(cd "${1:-target/dist/spin-workbench}" && pwd)"
app="$image/bin/spin-workbench"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT

# A user's fresh home: nothing inherited from the machine running the check.
export HOME="$home"
# Java takes its user.home from the password database, not from HOME.
export JAVA_TOOL_OPTIONS="-Duser.home=$home"
unset SPINWB_HOME DJL_CACHE_DIR ENGINE_CACHE_DIR XDG_CONFIG_HOME DISPLAY
cd "$home"

fail() {
    echo "smoke test failed: $*" >&2
    exit 1
}

listing() {
    find "$image" -printf '%P %s %T@\n' | sort
}
before="$(listing)"

echo "--- --version"
"$app" --version | tee version.txt
grep -q '^SPIN Workbench ' version.txt || fail "--version did not name the app"

echo "--- demo-data"
"$app" demo-data --output "$home/tasks"
[[ -s "$home/tasks/train.jsonl" && -s "$home/tasks/test.jsonl" ]] || fail "demo-data wrote no tasks"

echo "--- generate with the bundled model (PyTorch and the tokenizer load from the image)"
"$app" generate --model "$image/lib/app/sample-data/demo-model" --prompt "What is 2 + 3?" \
    --max-new-tokens 8 --json > generated.jsonl
grep -q '"text"' generated.jsonl || fail "generate printed no result"

echo "--- demo, one iteration, on the demo files the app finds by itself"
"$app" demo --iterations 1 2>&1 | tee demo.txt
grep -q "demo files: $image/lib/app/sample-data" demo.txt || fail "the demo did not use the bundled files"

echo "--- where the files went"
[[ -f "$home/.spin-workbench/workbench.db" ]] || fail "no workspace in the user's home"
[[ -d "$home/.djl.ai/pytorch" ]] || fail "the PyTorch native library was not unpacked into the user's home"
"$app" runs list | tee runs.txt
grep -q "Workshop demo" runs.txt || fail "the demo run is not in the workspace"
[[ "$(listing)" == "$before" ]] || fail "the app wrote into its own image: $(diff <(echo "$before") <(listing) | head)"

echo "--- the window, without a display, says why it cannot open"
if "$app" > window.txt 2>&1; then
    fail "the window reported success without a display"
fi
grep -q "cannot open" window.txt || fail "no readable reason without a display: $(head -3 window.txt)"

if command -v xvfb-run >/dev/null; then
    echo "--- the window, on a virtual display, opens and keeps running"
    xvfb-run -a -s "-screen 0 1280x900x24" bash -c '
        "$1" > window.txt 2>&1 &
        pid=$!
        sleep 30
        kill -0 "$pid" || { echo "the window ended early"; exit 1; }
        kill "$pid"; wait "$pid" || true' window-check "$app" || fail "$(tail -5 window.txt)"
    ! grep -qE "Exception|Error" window.txt || fail "the window reported an error: $(grep -m3 -E "Exception|Error" window.txt)"
else
    echo "--- skipped the window on a virtual display: no xvfb-run (apt-get install xvfb xauth libgtk-3-0)"
fi
[[ "$(listing)" == "$before" ]] || fail "the app wrote into its own image"

echo "app-image smoke test passed ($(du -sh "$image" | cut -f1))"

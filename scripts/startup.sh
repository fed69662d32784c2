#!/usr/bin/env bash
# Time to first frame and peak memory of the atlas against a blank eframe window
# with the same renderer (examples/blank_window.rs), in the same run; the time one
# frame of the start screen takes to draw; a check that the window does not repaint
# while idle (with and without a watched --data folder); and a data folder of 5,000
# files: the window must open as soon as without it and keep answering while the
# folder is read behind the built-in atlas.
#
#   bash scripts/startup.sh            # 10 runs of each window
#   RUNS=20 bash scripts/startup.sh
#   TRIGGER_ATLAS_RENDERER=wgpu bash scripts/startup.sh   # both windows on wgpu
#
# Needs an X server; it starts Xvfb. On Debian, as root, it installs what it needs.
# Results: docs/PERFORMANCE.md. Exit status 1 if a goal is not met.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}

need=()
for p in time xvfb xauth libxcursor1 libxi6 libxkbcommon-x11-0 libgl1 libegl1 libgl1-mesa-dri libglx-mesa0 \
    libvulkan1 mesa-vulkan-drivers; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if ((${#need[@]})); then
    if [ "$(id -u)" = 0 ]; then
        apt-get update && apt-get install -y --no-install-recommends "${need[@]}"
    else
        echo "please install: ${need[*]}" >&2
        exit 2
    fi
fi
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
cargo build --release --bin trigger-atlas --example blank_window --example big_folder

work=$(mktemp -d)
Xvfb :97 -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY=:97
sleep 1

app=(target/release/trigger-atlas --prefs "$work/preferences.ron")
blank=(target/release/examples/blank_window)

# One start: prints "<µs to the first frame shown> <µs to the first UI call> <µs the
# first UI code took> <peak memory in KiB>", the times from starting the process.
# The first frame has been shown when the second one begins; the peak memory
# (resident, as /usr/bin/time reports it) is that of the whole run, which ends there.
first_frame() {
    local start
    start=$(date +%s%N)
    TRIGGER_ATLAS_PROBE=first-frame /usr/bin/time -f %M -o "$work/peak" "$@" >/dev/null 2>"$work/log" || true
    if ! grep -q '^first-frame ' "$work/log"; then
        echo "no first frame from $*:" >&2
        cat "$work/log" >&2
        exit 1
    fi
    grep -q "^renderer $renderer\$" "$work/log" || {
        echo "$1 did not start on $renderer:" >&2
        cat "$work/log" >&2
        exit 1
    }
    awk -v s="$start" -v peak="$(tail -1 "$work/peak")" '
        /^first-frame / {shown = ($2 - s) / 1000}
        /^first-ui / {ui = ($2 - s) / 1000}
        /^first-ui-took / {took = $2}
        END {printf "%d %d %d %d\n", shown, ui, took, peak}' "$work/log"
}

# Both windows must start on the same renderer: the one the atlas picks by itself
# (or TRIGGER_ATLAS_RENDERER names).
renderer=$( (TRIGGER_ATLAS_PROBE=first-frame "${app[@]}" 2>&1 >/dev/null || true) | awk '/^renderer / {print $2}')
[ -n "$renderer" ] || { echo "the atlas did not start" >&2; exit 1; }
export TRIGGER_ATLAS_RENDERER=$renderer
echo "renderer: $renderer"

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
column_median() { awk -v c="$2" '{print $c}' "$1" | median; }

# Warm the disk cache and the shader caches once.
first_frame "${blank[@]}" >/dev/null
first_frame "${app[@]}" >/dev/null
: >"$work/blank"
: >"$work/app"
for _ in $(seq "$runs"); do
    first_frame "${blank[@]}" >>"$work/blank"
    first_frame "${app[@]}" >>"$work/app"
done
b=$(column_median "$work/blank" 1)
a=$(column_median "$work/app" 1)
ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}')
echo "time to first frame, median of $runs: blank window $((b / 1000)) ms, atlas $((a / 1000)) ms, ratio $ratio (goal <= 1.3)"
bu=$(column_median "$work/blank" 2)
au=$(column_median "$work/app" 2)
at=$(column_median "$work/app" 3)
echo "  of which: process start to the first UI call: blank $((bu / 1000)) ms, atlas $((au / 1000)) ms (loading the atlas, preferences, lessons);"
echo "  the atlas's first UI pass: $((at / 1000)) ms; the rest is drawing and showing the first frame"
echo "  (blank $(((b - bu) / 1000)) ms, atlas $(((a - au - at) / 1000)) ms)"
status=0
awk -v r="$ratio" 'BEGIN {exit !(r <= 1.3)}' || status=1
bm=$(column_median "$work/blank" 4)
am=$(column_median "$work/app" 4)
mratio=$(awk -v a="$am" -v b="$bm" 'BEGIN {printf "%.2f", a / b}')
echo "peak memory, median of $runs: blank window $((bm / 1024)) MiB, atlas $((am / 1024)) MiB, ratio $mratio (goal <= 1.3)"
awk -v r="$mratio" 'BEGIN {exit !(r <= 1.3)}' || status=1

# Drawing: the start screen redrawn as fast as it will go for three seconds; the
# median gap between frames after the first ten is what one frame costs.
frame_ms() {
    TRIGGER_ATLAS_PROBE=busy timeout 3 "$@" >/dev/null 2>"$work/busy" || true
    awk '/^frame / {n++; if (n > 10) print ($3 - t) / 1e6; t = $3}' "$work/busy" | median
}
echo "one frame of the start screen, drawn again and again: atlas $(frame_ms "${app[@]}") ms, blank window $(frame_ms "${blank[@]}") ms"

# Idle: start, let it settle, then count frames over five quiet seconds.
idle_frames() {
    TRIGGER_ATLAS_PROBE=frames "$@" >/dev/null 2>"$work/frames" &
    local pid=$! before after
    sleep 4
    before=$(grep -c '^frame ' "$work/frames" || true)
    sleep 5
    after=$(grep -c '^frame ' "$work/frames" || true)
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo $((after - before))
}
mkdir -p "$work/data/muscles"
cp data/muscles/masseter.ron "$work/data/muscles/"
plain=$(idle_frames "${app[@]}")
watched=$(idle_frames "${app[@]}" --data "$work/data")
echo "frames painted in 5 idle seconds: $plain (no data folder), $watched (watching a data folder) (goal 0)"
[ "$plain" = 0 ] && [ "$watched" = 0 ] || status=1

# A data folder of 5,000 muscle files (copies of the shipped ones under new ids).
# The window opens on the built-in atlas and reads the folder on another thread
# once its first frame is shown, with the progress on screen. Measured: the first
# frame (goal: within 1.3 x the atlas without a folder), and, with
# TRIGGER_ATLAS_PROBE=folder, when the folder's data is in place and the longest
# gap between two frames while it was being read (the window redraws the progress
# ten times a second; goal: no gap over 300 ms, i.e. it kept answering).
target/release/examples/big_folder "$work/big" 5000
big=("${app[@]}" --data "$work/big")
folder_read() {
    local start
    start=$(date +%s%N)
    TRIGGER_ATLAS_PROBE=folder "$@" >/dev/null 2>"$work/folder" || true
    awk -v s="$start" '
        /^frame / {if (n++ == 0) first = $3; else if (!done && $3 - t > gap) gap = $3 - t; t = $3}
        /^folder-read / {read = $2; done = 1}
        END {if (!read) exit 1; printf "%d %d %d\n", (first - s) / 1000, (read - first) / 1000, gap / 1000}' "$work/folder"
}
first_frame "${big[@]}" >/dev/null
: >"$work/big-first"
: >"$work/big-first-plain"
: >"$work/big-read"
big_runs=$(((runs + 1) / 2))
for _ in $(seq "$big_runs"); do
    first_frame "${app[@]}" >>"$work/big-first-plain"
    first_frame "${big[@]}" >>"$work/big-first"
    folder_read "${big[@]}" >>"$work/big-read" || { echo "the folder was never shown:" >&2; cat "$work/folder" >&2; exit 1; }
done
pf=$(column_median "$work/big-first-plain" 1)
bf=$(column_median "$work/big-first" 1)
bratio=$(awk -v a="$bf" -v b="$pf" 'BEGIN {printf "%.2f", a / b}')
read_ms=$(( $(column_median "$work/big-read" 2) / 1000 ))
gap_ms=$(( $(sort -n -k3 "$work/big-read" | tail -1 | awk '{print $3}') / 1000 ))
echo "with a data folder of 5,000 files, median of $big_runs: first frame $((bf / 1000)) ms (atlas without it $((pf / 1000)) ms, ratio $bratio, goal <= 1.3);"
echo "  the folder's muscles shown $read_ms ms after the first frame; longest gap between frames meanwhile, of all runs: $gap_ms ms (goal <= 300)"
awk -v r="$bratio" 'BEGIN {exit !(r <= 1.3)}' || status=1
[ "$gap_ms" -le 300 ] || status=1
exit $status

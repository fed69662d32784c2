#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo-fuzz, libFuzzer) of every file a user can edit or
# open: muscles, views, lessons, groups, warnings, preferences and pain drawings.
#
#   scripts/fuzz.sh seed            build the seed corpora in fuzz/corpus/<target>/
#   scripts/fuzz.sh smoke [TARGET…] seed, build, and run each target for 45 s
#   scripts/fuzz.sh long  [TARGET…] seed, build, and run each target for 10,000,000
#                                   inputs (RUNS=… to change; MAX_SECONDS=… stops each
#                                   target after that long, for the slow ones)
#
# TARGET `views-small` runs the views target on views files of one or two views (at
# most 8 KB, seeded from data/views.ron cut into its views, and the small inputs the
# views corpus has found), in fuzz/corpus/views-small/: every part of a view file is
# still there, and each input runs many times faster than a whole 37 KB file.
#
# TRACE_COMPARES=no builds the targets without libFuzzer's comparison tracing (in
# fuzz/target-no-trace-compares/): about 3 times as many inputs a second on the large
# files (views, muscles), at the cost of less help in guessing the values compared
# against; worth it once the corpus has grown with tracing on.
#
# Needs the nightly toolchain and cargo-fuzz (`rustup toolchain install nightly`,
# `cargo install cargo-fuzz`). Targets run one after another, each in one process,
# under `nice` (NICE=0 to run at normal priority). The corpora grow in fuzz/corpus/
# and are kept between runs (not committed); a crash is written to
# fuzz/artifacts/<target>/ and stops the script. See docs/PERFORMANCE.md, "Fuzzing".
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(muscle views lesson groups warnings drawing prefs)

# Longest input per target, in bytes: a little above the largest seed (muscle files
# reach 17 KB; views.ron, groups.ron and warnings.ron 33-37 KB), so no seed is cut.
max_len() {
    case $1 in
        muscle) echo 20000 ;;
        views | groups | warnings) echo 40000 ;;
        views-small) echo 8192 ;;
        *) echo 4096 ;;
    esac
}

# The seeds of each target: the shipped data, the bad-data corpus, and the small
# hand-written files in fuzz/seeds/<target>/ (drawings and preferences ship none).
seed() {
    local t
    for t in "${all_targets[@]}"; do
        mkdir -p "fuzz/corpus/$t"
    done
    cp -n data/muscles/*.ron tests/bad_data/muscle_*.ron fuzz/corpus/muscle/
    cp -n data/views.ron tests/bad_data/views_*.ron fuzz/corpus/views/
    cp -n data/lessons/*.ron tests/bad_data/lesson_*.ron fuzz/corpus/lesson/
    cp -n data/groups.ron fuzz/corpus/groups/
    cp -n data/warnings.ron fuzz/corpus/warnings/
    for t in "${all_targets[@]}"; do
        if [[ -d fuzz/seeds/$t ]]; then
            cp -n "fuzz/seeds/$t"/* "fuzz/corpus/$t/"
        fi
    done
    seed_small_views
}

# fuzz/corpus/views-small/: each view of data/views.ron as a views file of its own,
# each two neighbouring views as one, and every input of fuzz/corpus/views/ that fits.
seed_small_views() {
    local small=fuzz/corpus/views-small
    mkdir -p "$small"
    # A run of the views target may remove an input while this copies.
    find fuzz/corpus/views -type f -size -8193c -exec cp -n {} "$small/" \; 2>/dev/null || true
    python3 - data/views.ron "$small" <<'SPLIT'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
views, depth, start, i, in_string = [], 0, 0, text.index("views: [") + 8, False
while i < len(text):
    c = text[i]
    if in_string:
        i += c == "\\"
        in_string = c != '"'
    elif c == '"':
        in_string = True
    elif text.startswith("//", i):
        i = text.index("\n", i)
    elif c == "(":
        start = i if depth == 0 else start
        depth += 1
    elif c == ")":
        depth -= 1
        if depth == 0:
            views.append(text[start : i + 1])
    elif c == "]" and depth == 0:
        break
    i += 1
files = [[v] for v in views] + [views[k : k + 2] for k in range(len(views) - 1)]
for n, group in enumerate(files):
    body = "(\n    views: [\n        " + ",\n        ".join(group) + ",\n    ],\n)\n"
    if len(body.encode()) <= 8192:
        open(f"{sys.argv[2]}/split-{n:02}.ron", "w", encoding="utf-8").write(body)
SPLIT
}

# Runs one target with libFuzzer's options `$@` after the common ones. Panics are
# what we look for (the code is safe Rust), so no sanitizer: inputs run several
# times faster, and the program keeps its own allocator (mimalloc).
build_options=(--sanitizer none)
if [[ ${TRACE_COMPARES:-yes} == no ]]; then
    build_options+=(--no-trace-compares --target-dir fuzz/target-no-trace-compares)
fi

run() {
    local target=$1
    shift
    nice -n "${NICE:-10}" cargo +nightly fuzz run "${build_options[@]}" "${target%-small}" "fuzz/corpus/$target" -- \
        -max_len="$(max_len "$target")" -dict=fuzz/ron.dict -timeout=10 -print_final_stats=1 "$@"
}

mode=${1:-smoke}
shift || true
targets=("$@")
((${#targets[@]})) || targets=("${all_targets[@]}")

seed
case $mode in
    seed) exit 0 ;;
    smoke) options=(-max_total_time="${SECONDS_PER_TARGET:-45}") ;;
    long) options=(-runs="${RUNS:-10000000}" -max_total_time="${MAX_SECONDS:-0}") ;;
    *)
        echo "usage: scripts/fuzz.sh seed | smoke [TARGET…] | long [TARGET…] (TARGET: ${all_targets[*]} views-small)" >&2
        exit 2
        ;;
esac
nice -n "${NICE:-10}" cargo +nightly fuzz build "${build_options[@]}"
for t in "${targets[@]}"; do
    echo "== $t"
    run "$t" "${options[@]}"
done

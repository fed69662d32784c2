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
}

# Runs one target with libFuzzer's options `$@` after the common ones. Panics are
# what we look for (the code is safe Rust), so no sanitizer: inputs run several
# times faster, and the program keeps its own allocator (mimalloc).
run() {
    local target=$1
    shift
    nice -n "${NICE:-10}" cargo +nightly fuzz run --sanitizer none "$target" "fuzz/corpus/$target" -- \
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
        echo "usage: scripts/fuzz.sh seed | smoke [TARGET…] | long [TARGET…]" >&2
        exit 2
        ;;
esac
nice -n "${NICE:-10}" cargo +nightly fuzz build --sanitizer none
for t in "${targets[@]}"; do
    echo "== $t"
    run "$t" "${options[@]}"
done

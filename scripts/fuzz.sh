#!/usr/bin/env bash
# Fuzz every target for SECONDS each (default 60) with libFuzzer through cargo-fuzz, seeded from
# examples/. Stable Rust works: RUSTC_BOOTSTRAP lets cargo-fuzz use its sanitizer flags.
# Crashes land in fuzz/artifacts/<target>/ and fail the run; turn each into a regression case in
# tests/fuzz-regressions/ (GIFTSIM_FUZZ_DUMP=1 cargo fuzz run structured ARTIFACT prints its JSON).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
# One target per operation's JSON input (presets takes none), and one structured target.
ops=(quote compare plan audit import simulate sweep)
for op in "${ops[@]}"; do
  mkdir -p "fuzz/corpus/$op"
  for f in examples/"$op"-*.json; do
    [ -e "$f" ] && cp "$f" "fuzz/corpus/$op/seed-$(basename "$f")"
  done
done
mkdir -p fuzz/corpus/structured
cd fuzz
cargo fuzz build >/dev/null
for target in "${ops[@]}" structured; do
  echo "fuzzing $target for ${SECONDS_PER_TARGET}s"
  cargo fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=20 -rss_limit_mb=3072 \
    -print_final_stats=1 2>&1 | grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)|ERROR|panicked' || true
  if ls "artifacts/$target"/crash-* "artifacts/$target"/timeout-* "artifacts/$target"/oom-* >/dev/null 2>&1; then
    echo "fuzzing $target found a failure: see fuzz/artifacts/$target" >&2
    exit 1
  fi
done

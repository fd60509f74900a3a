#!/usr/bin/env bash
# Coverage-guided fuzzing of one Jazzer @FuzzTest (docs/fuzzing.md).
#   scripts/fuzz.sh CLASS#METHOD [SECONDS] [HEAP]
#   e.g. scripts/fuzz.sh DicomReaderFuzzTest#read 1800
# Jazzer fuzzes one test per JVM. SECONDS overrides the test's @FuzzTest(maxDuration) through
# libFuzzer's -max_total_time; each input gets 10 s (-timeout) before it counts as a hang; the
# test JVM gets a small heap (default 1g) so memory-hungry inputs show up as findings.
# The generated corpus goes to .cifuzz-corpus/ (not in git); a crashing input is written to
# src/test/resources/<package>/<Class>Inputs/<method>/crash-* and replays in every `mvn test`.
# Runs at nice 10 on one core; the libFuzzer log ends up in target/fuzz-<test>.log.
set -euo pipefail
test="${1:?usage: scripts/fuzz.sh CLASS#METHOD [SECONDS] [HEAP]}"
seconds="${2:-300}"
heap="${3:-1g}"
cd "$(dirname "$0")/.."
mkdir -p target
log="target/fuzz-${test//#/-}.log"
JAZZER_FUZZ=1 nice -n 10 mvn -B -o test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest.heap="$heap" \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$seconds" \
    -Djazzer.internal.arg.2=-timeout=10 -Djazzer.internal.arg.3=-print_final_stats=1 2>&1 | tee "$log"

#!/usr/bin/env bash
# Annual report benchmark: the JSON annual report of the measured organisation for 2025 in the S set (target p50
# under 150 ms) and in the L set (one organisation of 300; target p50 under 500 ms), and the PDF in S (target under
# 2 s), by the organisation's admin; also the report built alone and its six reads. The external version (issue 13:
# p50 under 200 ms in S, under 600 ms in L, suppression and audit included), with the suppression and audit timed
# apart, and the external JSON as a report reader fetches it. Runs S, then L (each set is made
# by BenchData if its data directory lacks it). Server time in-process (MockMvc).
# Usage: bench/report.sh [S|L] [--fresh]   (no set given: both, one after the other)
set -euo pipefail
cd "$(dirname "$0")/.."
# a fresh clone has no target/ yet, and the error log below goes there
mkdir -p target
SETS="small large"
if [[ "${1:-}" =~ ^(S|s|small)$ ]]; then SETS=small; fi
if [[ "${1:-}" =~ ^(L|l|large)$ ]]; then SETS=large; fi
for SET in $SETS; do
    if [[ " $* " == *" --fresh "* ]]; then rm -rf "target/bench-data-$SET"; fi
    echo "== $SET set =="
    ./mvnw -B -q test -Dtest=ReportBenchmark -Dtilfrisk.bench.set=$SET -Dtilfrisk.excluded-test-groups=none \
        -Dsurefire.failIfNoSpecifiedTests=false 2>"target/report-bench-$SET.err" | grep -E '^(generated|report)' \
        || { sed -n '1,12p' target/surefire-reports/no.tilfrisk.bench.ReportBenchmark.txt >&2; exit 1; }
done

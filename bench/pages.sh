#!/usr/bin/env bash
# The daily pages of issue 15 on the L set (S with "S" as the first argument; each set is made by BenchData if its
# data directory lacks it): a staff member's start page with «I dag» (their department's sessions for two weeks,
# each with its roll call) and «Mine oppgaver», and a person's page (/persons/{id}) with its summary, by the staff
# member signed in once. Target p95 under 100 ms each. Server time in-process (MockMvc).
# Usage: bench/pages.sh [S|L] [--fresh]
set -euo pipefail
cd "$(dirname "$0")/.."
# a fresh clone has no target/ yet, and the error log below goes there
mkdir -p target
SET=large
if [[ "${1:-}" =~ ^(S|s|small)$ ]]; then SET=small; fi
if [[ " $* " == *" --fresh "* ]]; then rm -rf "target/bench-data-$SET"; fi
./mvnw -B -q test -Dtest=PagesBenchmark -Dtilfrisk.bench.set=$SET -Dtilfrisk.excluded-test-groups=none \
    -Dsurefire.failIfNoSpecifiedTests=false 2>"target/pages-bench-$SET.err" | grep -E '^(generated|pages)' \
    || { sed -n '1,12p' target/surefire-reports/no.tilfrisk.bench.PagesBenchmark.txt >&2; exit 1; }

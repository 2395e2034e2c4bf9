#!/usr/bin/env bash
# PRODUCT.md's page target, p95 under 100 ms at 32 concurrent users, on the L set (made by BenchData if
# target/bench-data-large lacks it): 32 staff members of 32 organisations, each signed in, go round the start page,
# a person search, a person's page, the person's contacts and the activity list at the same time; once reading each
# page for 1-3 s, once clicking again at once; then 32 users of one organisation, reading. Server time in-process
# (MockMvc), per page and over all.
# Usage: bench/concurrent.sh [--fresh]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " == *" --fresh "* ]]; then rm -rf target/bench-data-large; fi
./mvnw -B -q test -Dtest=ConcurrentPagesBenchmark -Dtilfrisk.excluded-test-groups=none \
    -Dsurefire.failIfNoSpecifiedTests=false | grep -E '^(generated|concurrent)' \
    || { sed -n '1,12p' target/surefire-reports/no.tilfrisk.bench.ConcurrentPagesBenchmark.txt >&2; exit 1; }

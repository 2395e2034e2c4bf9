#!/usr/bin/env bash
# Activity benchmark on the L set (300 organisations, 120,000 persons, 5.2 million attendances), generated in SQL
# by BenchData: one department's activity list for a year with its counts (target p95 under 50 ms), and one
# roll-call toggle (target p95 under 20 ms), by a staff member signed in once. Server time in-process.
# The data stays in target/bench-data-large between runs; --fresh generates it anew.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--fresh" ]]; then rm -rf target/bench-data-large; fi
./mvnw -B -q test -Dtest=ActivityBenchmark -Dtilfrisk.excluded-test-groups=none -Dsurefire.failIfNoSpecifiedTests=false \
    | grep -E '^(generated|activities)'

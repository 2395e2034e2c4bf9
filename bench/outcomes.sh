#!/usr/bin/env bash
# Outcome benchmark on the L set (300,000 responses; made by BenchData if target/bench-data-large lacks it; S with
# "S" as the first argument): the four outcome aggregates (abstinence, quality of life, WHO-5, a meaningful life) for
# one organisation and 2025, by its admin; also for one department, through the JSON API and the figures page.
# Target under 100 ms for all of them together. Server time in-process.
# Usage: bench/outcomes.sh [S|L] [--fresh]
set -euo pipefail
cd "$(dirname "$0")/.."
SET=large
if [[ "${1:-}" =~ ^(S|s|small)$ ]]; then SET=small; fi
if [[ " $* " == *" --fresh "* ]]; then rm -rf "target/bench-data-$SET"; fi
./mvnw -B -q test -Dtest=OutcomeBenchmark -Dtilfrisk.bench.set=$SET -Dtilfrisk.excluded-test-groups=none \
    -Dsurefire.failIfNoSpecifiedTests=false | grep -E '^(generated|outcomes)' \
    || { sed -n '1,12p' target/surefire-reports/no.tilfrisk.bench.OutcomeBenchmark.txt >&2; exit 1; }

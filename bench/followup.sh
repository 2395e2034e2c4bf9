#!/usr/bin/env bash
# Follow-up benchmark on the L set (1 M contacts; made by BenchData if target/bench-data-large lacks it; S with
# "S" as the first argument): a staff member's start page with «Mine oppgaver» (50 open follow-ups and plan
# actions and evaluations due) and a person's page with a timeline of about 500 entries, by the staff member signed
# in once. Target p95 under 100 ms each. Server time in-process (MockMvc).
# Usage: bench/followup.sh [S|L] [--fresh]
set -euo pipefail
cd "$(dirname "$0")/.."
SET=large
if [[ "${1:-}" =~ ^(S|s|small)$ ]]; then SET=small; fi
if [[ " $* " == *" --fresh "* ]]; then rm -rf "target/bench-data-$SET"; fi
./mvnw -B -q test -Dtest=FollowupBenchmark -Dtilfrisk.bench.set=$SET -Dtilfrisk.excluded-test-groups=none \
    -Dsurefire.failIfNoSpecifiedTests=false | grep -E '^(generated|followup)' \
    || { sed -n '1,12p' target/surefire-reports/no.tilfrisk.bench.FollowupBenchmark.txt >&2; exit 1; }

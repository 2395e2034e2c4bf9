#!/usr/bin/env bash
# Service directory benchmark (issue 19): 5,000 published offers (plus seed 004's 69) in one embedded PostgreSQL;
# the public search with «åpent nå», anonymous: 1,000 page requests, 1,000 htmx result lists (search as you type)
# and 1,000 calls of the public API; then 200 anonymous clients at once, 10 searches each, every status counted
# (a 5xx fails the run). Prints p50/p95/p99 server time (in-process, no network). Target: p95 under 30 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=DirectoryBenchmark -Dtilfrisk.excluded-test-groups=none -Dsurefire.failIfNoSpecifiedTests=false \
    | grep -E '^(generated|directory)' \
    || { sed -n '1,12p' target/surefire-reports/no.tilfrisk.bench.DirectoryBenchmark.txt >&2; exit 1; }

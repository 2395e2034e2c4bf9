#!/usr/bin/env bash
# Person search benchmark: 300 organisations and 100,000 persons in one embedded PostgreSQL; 1,000
# search-as-you-type requests (the htmx result list) as a staff member of the organisation with 2,000 persons.
# Prints p50/p95/p99 server time (in-process, no network). Target: p95 under 30 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=PersonSearchBenchmark -Dtilfrisk.excluded-test-groups=none -Dsurefire.failIfNoSpecifiedTests=false \
    | grep -E '^(generated|person search|plan)'

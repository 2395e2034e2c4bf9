#!/usr/bin/env bash
# Matching benchmark (issue 16): the pure-Java matcher of no.tilfrisk.volunteer.matching, no database. Instances made
# by MatchingBenchmark from a fixed seed, shaped like a large organisation in and around Oslo: the suggestions for
# one participant among 2,000 volunteers (target p95 under 50 ms), and the assignment of 300 waiting participants to
# 500 volunteers with JGraphT's minimum-cost flow (target under 2 s). The test fails when a target is missed.
# Usage: bench/matching.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
./mvnw -B -q test -Dtest=MatchingBenchmark -Dtilfrisk.excluded-test-groups=none \
    -Dsurefire.failIfNoSpecifiedTests=false | grep -E '^matching' \
    || { sed -n '1,20p' target/surefire-reports/no.tilfrisk.bench.MatchingBenchmark.txt >&2; exit 1; }

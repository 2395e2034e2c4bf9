#!/usr/bin/env bash
# Makes a benchmark data set with BenchData (src/test/java/no/tilfrisk/bench), in SQL, and prints its rows per table:
#   S  one organisation shaped like seed 000 (target/bench-data-small)
#   L  300 organisations, 120,000 persons, 5.2 M attendances, 1 M contacts, 300,000 responses (target/bench-data-large)
# A set once made stays in its data directory, so the benchmarks find it; --fresh makes it anew.
# Usage: bench/data.sh [S|L] [--fresh]
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-L}" in
    S|s|small) SET=small ;;
    L|l|large) SET=large ;;
    *) echo "usage: bench/data.sh [S|L] [--fresh]" >&2; exit 2 ;;
esac
if [[ " $* " == *" --fresh "* ]]; then rm -rf "target/bench-data-$SET"; fi
./mvnw -B -q test -Dtest=GenerateBenchData -Dtilfrisk.bench.set=$SET -Dtilfrisk.excluded-test-groups=none \
    -Dsurefire.failIfNoSpecifiedTests=false | grep -E '^generated' \
    || { sed -n '1,12p' target/surefire-reports/no.tilfrisk.bench.GenerateBenchData.txt >&2; exit 1; }

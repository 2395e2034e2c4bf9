#!/usr/bin/env bash
# Import benchmark (issue 20): the dry run and the real import of 50,000 attendance rows (500 persons x 100
# sessions; CSV, and the dry run of the same rows as XLSX), as the demo admin, in-process, then the undo; and the FHIR
# bundle of the demo participant, GET /api/v1/persons/{id}/fhir, 200 calls after 20 of warm-up.
# Targets: dry run and import under 20 s each; the bundle's p95 under 200 ms. Works from a fresh clone (no target/).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=ImportBenchmark -Dtilfrisk.excluded-test-groups=none -Dsurefire.failIfNoSpecifiedTests=false \
    | grep -E '^(import|files|fhir)'

#!/usr/bin/env bash
# Load (issue 21, item 4): a Gatling simulation (bench/load, io.gatling) of USERS staff users (32) going round the
# daily pages for DURATION seconds (60) against NODES app nodes (1 or 2, default 2) on loopback. Node 1 runs with its embedded
# PostgreSQL and the demo data in bench/out/load; node 2 is a second `java -jar` on the same database, as an
# external one (SPRING_DATASOURCE_URL at node 1's server), with the same keysets. Prints Gatling's global figures:
# requests, failures and the response-time percentiles 50/95/99, and the load average. WARMUP=0 leaves out the
# uncounted warm-up round. PACE=paced (default): each user reads a page 1-3 s before the next; PACE=burst: the five
# pages back to back, then 0.5-1.5 s (a stress test that fills this machine's two cores; see DailyPagesSimulation).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$PWD/bench/out/load"
NODES=${NODES:-2} USERS=${USERS:-32} DURATION=${DURATION:-60}
PORT1=${PORT1:-18096} PORT2=${PORT2:-18097}
source bench/lib-pg.sh
build_jar
rm -rf "$OUT"; mkdir -p "$OUT"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

java -jar "$JAR" --server.port="$PORT1" --tilfrisk.data-dir="$OUT/data" --tilfrisk.demo.enabled=true \
    > "$OUT/node1.log" 2>&1 &
PIDS+=($!)
wait_ready "$PORT1" "${PIDS[0]}" "$OUT/node1.log"
URLS="http://127.0.0.1:$PORT1"
if [ "$NODES" = 2 ]; then
    DB_PORT=$(sed -n 4p "$OUT/data/postgres/postmaster.pid")
    SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$DB_PORT/tilfrisk \
    SPRING_DATASOURCE_USERNAME=tilfrisk_app SPRING_DATASOURCE_PASSWORD=tilfrisk_app \
    SPRING_FLYWAY_USER=tilfrisk_owner SPRING_FLYWAY_PASSWORD=tilfrisk_owner \
    TILFRISK_FIELD_ENCRYPTION_KEYSET=$(cat "$OUT/data/field-encryption-keyset.json") \
    TILFRISK_FIELD_ENCRYPTION_MAC_KEYSET=$(cat "$OUT/data/field-fingerprint-keyset.json") \
    TILFRISK_AUDIT_CHECKPOINTS_KEYSET=$(cat "$OUT/data/audit-checkpoint-keyset.json") \
        java -jar "$JAR" --server.port="$PORT2" --tilfrisk.data-dir="$OUT/data2" --tilfrisk.demo.enabled=true \
        > "$OUT/node2.log" 2>&1 &
    PIDS+=($!)
    wait_ready "$PORT2" "${PIDS[1]}" "$OUT/node2.log"
    URLS="$URLS,http://127.0.0.1:$PORT2"
fi

# A warm-up round first, not counted: the same simulation for WARMUP seconds (30), so that the figures are of
# nodes whose JIT has compiled the daily pages' code, as a node that has run for a while has, not of its first minute.
if [ "${WARMUP:-30}" != 0 ]; then
    ./mvnw -B -q -f bench/load/pom.xml gatling:test -DbaseUrls="$URLS" -Dusers="$USERS" -Dseconds="${WARMUP:-30}" -Dpace="${PACE:-paced}" \
        > "$OUT/gatling-warmup.log" 2>&1 || echo "the warm-up round had failures; see $OUT/gatling-warmup.log"
fi
echo "nodes $NODES ($URLS), users $USERS, pace ${PACE:-paced}, $DURATION s after a ${WARMUP:-30} s warm-up; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
set +e
./mvnw -B -f bench/load/pom.xml gatling:test -DbaseUrls="$URLS" -Dusers="$USERS" -Dseconds="$DURATION" -Dpace="${PACE:-paced}" \
    > "$OUT/gatling.log" 2>&1
status=$?
set -e
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
sed -n '/---- Global Information/,/^=====/p' "$OUT/gatling.log"
grep -E '^(Reports generated|Please open)|index.html' "$OUT/gatling.log" | tail -1 || true
# each request's own figures from the report's pages (the reading pages apart from the sign-in's three)
REPORT=$(ls -td bench/load/target/gatling/*/ | head -1)
python3 - "$REPORT" <<'PY'
import glob, re, sys
print(f"{'request':<22}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'KO':>5}")
for page in sorted(glob.glob(sys.argv[1] + "/req_*.html")):
    html = open(page, encoding="utf-8").read()
    name = re.search(r'<title>Gatling Stats - ([^<]*)</title>', html)
    def row(title):
        m = re.search(r'<td class="title">' + re.escape(title) + r'</td>\s*<td class="total">([^<]*)</td>\s*'
                      r'<td class="ok">[^<]*</td>\s*<td class="ko">([^<]*)</td>', html)
        return (m.group(1), m.group(2)) if m else ("?", "?")
    count, ko = row("Total count")
    print(f"{(name.group(1) if name else page):<22}{count:>7}{row('50th percentile')[0]:>9}"
          f"{row('95th percentile')[0]:>9}{row('99th percentile')[0]:>9}{ko:>5}")
PY
exit "$status"

#!/usr/bin/env bash
# Start-up benchmark. Builds the jar once, then starts it RUNS times (default 5), each with a fresh data
# directory (so initdb and all migrations run every time), and prints the seconds until
# /actuator/health/readiness is UP and the peak memory: the JVM's peak RSS plus the embedded PostgreSQL's PSS
# (its processes share buffers, so each page is counted once).
#
# Two ways of starting are measured in the same run:
#   plain  java -jar target/tilfrisk-*.jar
#   cds    the jar extracted, with a class-data-sharing archive from one training run: the way Spring Boot
#          recommends to run in production (see README, "Running in production").
# Target on a 2-core machine: under 12 s and under 700 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18080}
OUT=bench/out
mkdir -p "$OUT"

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -DskipTests package
JAR=$(ls target/tilfrisk-*.jar | grep -v original | head -1)

# Extract the jar and record a CDS archive from one training run that stops after the context refresh.
rm -rf "$OUT/app"
java -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app" > /dev/null
APP_JAR="$OUT/app/$(basename "$JAR")"
java -XX:ArchiveClassesAtExit="$OUT/app/tilfrisk.jsa" -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
    --tilfrisk.data-dir="$OUT/training" --server.port="$PORT" > "$OUT/training.log" 2>&1
rm -rf "$OUT/training"

measure() { # mode run command...
    local mode=$1 run=$2; shift 2
    local data; data=$(mktemp -d "$OUT/data.XXXX")
    local start end pid jvm_kb pg_kb
    start=$(date +%s.%N)
    "$@" --server.port="$PORT" --tilfrisk.data-dir="$data" > "$OUT/startup-$mode-$run.log" 2>&1 &
    pid=$!
    until curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
        if ! kill -0 "$pid" 2>/dev/null; then echo "the app died; see $OUT/startup-$mode-$run.log" >&2; exit 1; fi
        sleep 0.1
    done
    end=$(date +%s.%N)
    jvm_kb=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
    pg_kb=$(for p in $(pgrep -f "$data/postgres"); do awk '/^Pss:/ {print $2}' /proc/$p/smaps_rollup 2>/dev/null; done \
        | awk '{s+=$1} END {print s+0}')
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -rf "$data"
    printf '%-6s %-4s %8.2f %8d   (JVM %d MB, PostgreSQL %d MB)\n' "$mode" "$run" "$(echo "$end - $start" | bc)" \
        $(( (jvm_kb + pg_kb) / 1024 )) $(( jvm_kb / 1024 )) $(( pg_kb / 1024 ))
}

printf '%-6s %-4s %8s %8s\n' mode run seconds peak_mb
for i in $(seq 1 "$RUNS"); do
    measure plain "$i" java -jar "$JAR"
    measure cds "$i" java -XX:SharedArchiveFile="$OUT/app/tilfrisk.jsa" -jar "$APP_JAR"
done

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
#
# Then the demo as a developer starts it (issue 21, item 9): `./mvnw spring-boot:run` until the demo admin can sign
# in (readiness UP, which comes only after the demo data is written, and a sign-in through the login form that
# succeeds, then the start page it leads to), in these ways:
#   run-plain  the JVM with no options (-Dtilfrisk.run.jvm= -P!cds: no class-data archive either)
#   run-tuned  the pom's run options (tilfrisk.run.jvm and the cds profile's archive), as `./mvnw spring-boot:run`
#              does
#   run-nocds  the pom's run options without the class-data archive (-P!cds), with RUN_MODES="run-tuned run-nocds"
# (RUN_MODES chooses among them; all but run-nocds by default).
# each with a fresh data directory (initdb, migrations, demo data: a fresh clone's first start) and again on the
# data it left (every later start). Target: under 12 s to a usable sign-in.
# The load average is printed with the figures: on a shared machine they are not quiet-machine figures.
# demo_s is the app's own count of the demo data's writing (DemoData's log), jvm_s when the app's JVM logged first
# (before it: Maven). RUNS=1 MODES=run ./bench/startup.sh measures only the spring-boot:run part.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18080}
OUT=bench/out
mkdir -p "$OUT"

if [ "${MODES:-all}" != run ]; then
    [ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -DskipTests package
    JAR=$(ls target/tilfrisk-*.jar | grep -v original | head -1)

    # Extract the jar and record a CDS archive from one training run that stops after the context refresh.
    rm -rf "$OUT/app"
    java -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app" > /dev/null
    APP_JAR="$OUT/app/$(basename "$JAR")"
    # OpenJDK 17's archive dump can crash in SystemDictionaryShared::adjust_lambda_proxy_class_dictionary (a JDK bug,
    # not the app's); then the cds mode is left out of this run, and said so, rather than failing the benchmark.
    CDS=yes
    if ! java -XX:ArchiveClassesAtExit="$OUT/app/tilfrisk.jsa" -XX:ErrorFile="$OUT/hs_err_%p.log" \
        -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
        --tilfrisk.data-dir="$OUT/training" --server.port="$PORT" > "$OUT/training.log" 2>&1 \
        || [ ! -s "$OUT/app/tilfrisk.jsa" ]; then
        CDS=no
        echo "cds: the JVM could not write its class-data archive (see $OUT/training.log); the cds mode is left out"
    fi
    rm -rf "$OUT/training"
fi

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

# ./mvnw spring-boot:run (demo profile) until the demo admin's sign-in succeeds and the start page it leads to has
# answered; prints seconds to readiness and to that start page (signin_s). The run is its own process group, so the
# forked application JVM stops with it.
measure_run() { # mode run data-dir fresh|warm maven-options...
    local mode=$1 run=$2 data=$3 kind=$4 start ready signed pgid csrf demo
    shift 4
    local jar="$OUT/cookies-$mode-$run" log="$OUT/startup-$mode-$run-$kind.log"
    rm -f "$jar"
    start=$(date +%s.%N)
    setsid ./mvnw -q spring-boot:run "$@" \
        -Dspring-boot.run.arguments="--server.port=$PORT --tilfrisk.data-dir=$data" \
        > "$log" 2>&1 &
    pgid=$!
    until curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
        if ! kill -0 "$pgid" 2>/dev/null; then echo "the run died; see $log" >&2; exit 1; fi
        sleep 0.1
    done
    ready=$(date +%s.%N)
    csrf=$(curl -fsS -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login" \
        | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
    if curl -fsS -o /dev/null -c "$jar" -b "$jar" -w '%{redirect_url}\n' \
        --data-urlencode email=admin@demo.tilfrisk.no --data-urlencode password=tilfrisk-demo \
        --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT/login" | grep -q error; then
        echo "the demo admin could not sign in ($mode $run $kind)" >&2; kill -- -"$pgid"; exit 1
    fi
    # the start page the sign-in leads to, with the demo's figures on it
    if ! curl -fsS -b "$jar" "http://127.0.0.1:$PORT/" | grep -q 'Demo Recovery'; then
        echo "the start page did not answer after the sign-in ($mode $run $kind)" >&2; kill -- -"$pgid"; exit 1
    fi
    signed=$(date +%s.%N)
    kill -- -"$pgid" 2>/dev/null || true
    wait "$pgid" 2>/dev/null || true
    while curl -fsS -o /dev/null "http://127.0.0.1:$PORT/actuator/health/liveness" 2>/dev/null; do sleep 0.2; done
    # the app's own account of the demo data's writing (fresh runs only), and of Maven's part: the JVM's start
    demo=$(grep -o 'Demo data written in [0-9]*' "$log" | awk '{printf "%.2f", $NF / 1000}' || true)
    printf '%-10s %-4s %-6s %8.2f %8.2f %8s %8.2f\n' "$mode" "$run" "$kind" "$(echo "$ready - $start" | bc)" \
        "$(echo "$signed - $start" | bc)" "${demo:--}" "$(echo "$(jvm_started "$log") - $start" | bc)"
}

# When the application's JVM began (the first timestamp its log prints), as seconds since the epoch.
jvm_started() {
    date -d "$(grep -m1 -o '^20[0-9-]*T[0-9:.]*Z' "$1")" +%s.%N
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
if [ "${MODES:-all}" != run ]; then
    printf '%-6s %-4s %8s %8s\n' mode run seconds peak_mb
    for i in $(seq 1 "$RUNS"); do
        measure plain "$i" java -jar "$JAR"
        [ "$CDS" = no ] || measure cds "$i" java -XX:SharedArchiveFile="$OUT/app/tilfrisk.jsa" -jar "$APP_JAR"
    done
fi

# what spring-boot:run compiles first (and the cds profile's class-data archive), so that no run below pays for it
./mvnw -B -q test-compile
printf '%-10s %-4s %-6s %8s %8s %8s %8s\n' mode run data ready_s signin_s demo_s jvm_s
for i in $(seq 1 "$RUNS"); do
    for mode in ${RUN_MODES:-run-plain run-tuned}; do
        case $mode in
            run-plain) options=(-Dtilfrisk.run.jvm= '-P!cds') ;;
            run-nocds) options=('-P!cds') ;;
            *) options=() ;;
        esac
        data=$(mktemp -d "$OUT/run-data.XXXX")
        measure_run "$mode" "$i" "$data" fresh "${options[@]}"
        measure_run "$mode" "$i" "$data" warm "${options[@]}"
        rm -rf "$data"
    done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

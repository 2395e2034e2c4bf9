#!/usr/bin/env bash
# Faults under a loop of writes (issue 21, item 4), on loopback only, bounded in time (about 3 minutes plus the
# app's starts). The app runs as `java -jar` with its embedded PostgreSQL and the demo data in bench/out/faults.
# A writer registers persons through the API, one after another, each with its own Idempotency-Key (the key
# becomes the person's id); a request that fails is retried with the same key until it is answered, as a client
# should. Three faults, each after WRITE_SECONDS of writing:
#   a) kill -9 of the JVM, then the app started again (as a service manager would);
#   b) kill -9 of the embedded PostgreSQL's postmaster (the app restarts it by itself);
#   c) a restart of the database: a clean fast shutdown of the postmaster (SIGINT), which the app starts again.
# For each it prints: writes acknowledged (2xx), acknowledged writes found afterwards in the database (must be
# equal), duplicates (persons of this run with the same name, must be 0), and seconds from the fault to the
# first write acknowledged after a failed one (FAULTS="b c" runs only some).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$PWD/bench/out/faults"
PORT=${PORT:-18095}
WRITE_SECONDS=${WRITE_SECONDS:-10}
source bench/lib-pg.sh
build_jar
rm -rf "$OUT"; mkdir -p "$OUT"
BASE="http://127.0.0.1:$PORT"
APP=
WRITER=
cleanup() {
    [ -z "$WRITER" ] || kill "$WRITER" 2>/dev/null || true
    [ -z "$APP" ] || kill "$APP" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup EXIT

start_app() {
    java -jar "$JAR" --server.port="$PORT" --tilfrisk.data-dir="$OUT/data" --tilfrisk.demo.enabled=true \
        >> "$OUT/app.log" 2>&1 &
    APP=$!
}
postmaster() { head -1 "$OUT/data/postgres/postmaster.pid"; }
db_port() { sed -n 4p "$OUT/data/postgres/postmaster.pid"; }
sql() { "$PG_BIN/psql" -qAt -h 127.0.0.1 -p "$(db_port)" -U tilfrisk_owner -d tilfrisk -c "$1"; }
export PGPASSWORD=tilfrisk_owner

writer() { # run: POST persons until killed; acknowledged keys to $OUT/acked-<run>, each answer's time to the log
    local run=$1 n=0 key code
    local department
    department=$(curl -fsS -H 'Authorization: Bearer demo-admin' "$BASE/api/v1/departments" \
        | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
    while true; do
        n=$((n + 1))
        key=$(cat /proc/sys/kernel/random/uuid)
        while true; do
            code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -X POST "$BASE/api/v1/persons" \
                -H 'Authorization: Bearer demo-admin' -H 'Content-Type: application/json' \
                -H "Idempotency-Key: $key" \
                -d "{\"displayName\":\"Feil $run $n\",\"departmentId\":\"$department\",\"confirmDuplicate\":true}" \
                || true)
            if [ "${code:0:1}" = 2 ]; then
                echo "$key" >> "$OUT/acked-$run"
                echo "$(date +%s.%N) ok" >> "$OUT/writes-$run"
                break
            fi
            echo "$(date +%s.%N) $code" >> "$OUT/writes-$run"
            sleep 0.2
        done
    done
}

fault() { # run description command...
    local run=$1 what=$2; shift 2
    : > "$OUT/acked-$run"
    writer "$run" & WRITER=$!
    sleep "$WRITE_SECONDS"
    local at; at=$(date +%s.%N)
    "$@"
    # recovered: the first write acknowledged after a failed one since the fault (a request already inside the
    # database when the postmaster is killed may still commit; that is not a recovery); then 5 s more of writing
    local t0=$SECONDS recovered=
    sleep 1
    while [ -z "$recovered" ]; do
        recovered=$(awk -v at="$at" '$1 > at && $2 != "ok" {failed=1} $1 > at && $2 == "ok" && failed {print $1; exit}' \
            "$OUT/writes-$run")
        if [ -z "$recovered" ] && [ $((SECONDS - t0)) -ge 10 ] \
            && ! awk -v at="$at" '$1 > at && $2 != "ok" {f=1} END {exit !f}' "$OUT/writes-$run"; then
            recovered=$at # no write failed at all
        fi
        [ $((SECONDS - t0)) -lt 240 ] || { echo "no write acknowledged 240 s after fault $run" >&2; recovered=$at; }
        sleep 0.2
    done
    sleep 5
    kill "$WRITER"; wait "$WRITER" 2>/dev/null || true; WRITER=
    until sql "SELECT 1" > /dev/null 2>&1; do [ $((SECONDS - t0)) -lt 300 ] || break; sleep 0.5; done
    local acked found dups keys
    acked=$(sort -u "$OUT/acked-$run" | wc -l)
    keys=$(sort -u "$OUT/acked-$run" | sed "s/.*/'&'/" | paste -sd, -)
    found=$(sql "SELECT count(*) FROM person WHERE id IN (${keys:-NULL})")
    dups=$(sql "SELECT coalesce(sum(c - 1), 0) FROM (SELECT count(*) AS c FROM person
                 WHERE display_name LIKE 'Feil $run %' GROUP BY display_name) d")
    printf '%-3s %-44s %6s %6s %5s %9.1f\n' "$run" "$what" "$acked" "$found" "$dups" \
        "$(echo "$recovered - $at" | bc)"
}

kill_jvm() { kill -9 "$APP"; wait "$APP" 2>/dev/null || true; start_app; }
kill_db() { kill -9 "$(postmaster)"; }
restart_db() { kill -INT "$(postmaster)"; }

start_app
wait_ready "$PORT" "$APP" "$OUT/app.log"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-3s %-44s %6s %6s %5s %9s\n' run fault acked found dups recovery_s
for f in ${FAULTS:-a b c}; do
    case $f in
        a) fault a "kill -9 of the JVM, app started again" kill_jvm; wait_ready "$PORT" "$APP" "$OUT/app.log" ;;
        b) fault b "kill -9 of the embedded PostgreSQL" kill_db ;;
        c) fault c "restart of the database (fast shutdown)" restart_db ;;
    esac
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

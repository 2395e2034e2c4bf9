#!/usr/bin/env bash
# Backup and restore, end to end (issue 21, item 6), on loopback and in bench/out/backup only:
#  1. a PostgreSQL server A (PG_BIN, Debian's 15 by default) and the app on it with the demo data and a person
#     whose note is encrypted;
#  2. pg_dump -Fc of the running instance;
#  3. a fresh server B, pg_restore into it as README says («Backups»);
#  4. the app started on B with a copy of the keysets only (a new data directory, no demo data);
#  5. prints the rows of every table on A (at the dump) and B (restored), which must be equal, and the note read
#     back through the API of the app on B.
# For the embedded PostgreSQL 17, run with PG_BIN pointing at PostgreSQL 17's binaries: pg_dump must be at least
# the server's version. Exits non-zero on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$PWD/bench/out/backup"
PORT_A=${PORT_A:-15432} PORT_B=${PORT_B:-15433} APP_PORT=${APP_PORT:-18090}
source bench/lib-pg.sh
mkdir -p "$OUT"
build_jar
APP=
cleanup() { [ -z "$APP" ] || kill "$APP" 2>/dev/null || true; pg_stop "$OUT/a"; pg_stop "$OUT/b"; }
trap cleanup EXIT

echo "PostgreSQL: $("$PG_BIN/postgres" --version); load average: $(cut -d" " -f1-3 /proc/loadavg)"
pg_make "$OUT/a" "$PORT_A"
rm -rf "$OUT/data-a" "$OUT/data-b"
env $(app_env "$PORT_A") java -jar "$JAR" --server.port="$APP_PORT" --tilfrisk.data-dir="$OUT/data-a" \
    --tilfrisk.demo.enabled=true > "$OUT/app-a.log" 2>&1 &
APP=$!
wait_ready "$APP_PORT" "$APP" "$OUT/app-a.log"
api() { curl -fsS -H 'Authorization: Bearer demo-admin' -H 'Content-Type: application/json' "$@"; }
DEPARTMENT=$(api "http://127.0.0.1:$APP_PORT/api/v1/departments" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
NOTE="Sikkerhetskopi $(date +%s): sover dårlig"
PERSON=$(api -X POST "http://127.0.0.1:$APP_PORT/api/v1/persons" \
    -d "{\"displayName\":\"Kopi Kari\",\"departmentId\":\"$DEPARTMENT\",\"note\":\"$NOTE\"}" \
    | grep -o '"id":"[^"]*"' | cut -d'"' -f4)

# the running instance may still be writing (the demo data, a job): dump until the rows are the same before and after
for attempt in 1 2 3 4 5 6 7 8 9 10; do
    pg_counts "$PORT_A" > "$OUT/counts-a.txt"
    t0=$(date +%s.%N)
    "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$PORT_A" -U postgres -Fc -f "$OUT/tilfrisk.dump" tilfrisk
    t1=$(date +%s.%N)
    pg_counts "$PORT_A" > "$OUT/counts-a-after.txt"
    cmp -s "$OUT/counts-a.txt" "$OUT/counts-a-after.txt" && break
    sleep 2
done
kill "$APP"; wait "$APP" 2>/dev/null || true; APP=

pg_make "$OUT/b" "$PORT_B"
t2=$(date +%s.%N)
"$PG_BIN/pg_restore" -h 127.0.0.1 -p "$PORT_B" -U postgres -d tilfrisk --no-owner --role=tilfrisk_owner \
    --exit-on-error "$OUT/tilfrisk.dump"
t3=$(date +%s.%N)
pg_counts "$PORT_B" > "$OUT/counts-b.txt"
mkdir -p "$OUT/data-b"
cp "$OUT"/data-a/*keyset*.json "$OUT/data-b/"
KEYSETS=$(ls "$OUT/data-b" | tr '\n' ' ')
env $(app_env "$PORT_B") java -jar "$JAR" --server.port="$APP_PORT" --tilfrisk.data-dir="$OUT/data-b" \
    > "$OUT/app-b.log" 2>&1 &
APP=$!
wait_ready "$APP_PORT" "$APP" "$OUT/app-b.log"
READ=$(api "http://127.0.0.1:$APP_PORT/api/v1/persons/$PERSON" | grep -o '"note":"[^"]*"' | cut -d'"' -f4)
kill "$APP"; wait "$APP" 2>/dev/null || true; APP=

tables=$(wc -l < "$OUT/counts-a.txt")
rows=$(awk '{s+=$2} END {print s}' "$OUT/counts-a.txt")
differ=$(diff "$OUT/counts-a.txt" "$OUT/counts-b.txt" | grep -c '^[<>]' || true)
printf 'dump        %6.2f s  %s bytes\n' "$(echo "$t1 - $t0" | bc)" "$(stat -c %s "$OUT/tilfrisk.dump")"
printf 'restore     %6.2f s\n' "$(echo "$t3 - $t2" | bc)"
echo "tables      $tables, rows on A $rows, lines that differ on B: $differ"
echo "keysets     copied to B: $KEYSETS"
if [ "$READ" = "$NOTE" ]; then echo "note        read back on B through the API: yes"; else echo "note        NOT read back on B (got '$READ')"; fi
[ "$differ" -eq 0 ] && [ "$READ" = "$NOTE" ] && [ "$rows" -gt 0 ]

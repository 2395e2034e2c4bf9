# Shared by bench/backup-restore.sh and bench/faults.sh: a standalone PostgreSQL server in a folder of its own, on
# loopback, with Tilfrisk's two roles and an empty database, started with the binaries in $PG_BIN (Debian's
# PostgreSQL 15 by default: its pg_dump matches its server). Source it; it needs $OUT.
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PG_BIN/initdb" ] || { echo "no PostgreSQL binaries in PG_BIN=$PG_BIN (apt-get install postgresql)" >&2; exit 1; }

# PostgreSQL refuses to run as root: as root, the server runs as the system user postgres (Debian's package makes it)
as_server() {
    if [ "$(id -u)" = 0 ]; then runuser -u "${PG_USER:-postgres}" -- "$@"; else "$@"; fi
}

pg_make() { # folder port: a fresh cluster, started, with the roles and the empty database
    local dir=$1 port=$2
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" != 0 ] || chown "${PG_USER:-postgres}" "$dir"
    as_server "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1
    pg_start "$dir" "$port"
    "$PG_BIN/psql" -q -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE tilfrisk_owner LOGIN PASSWORD 'tilfrisk_owner';
CREATE ROLE tilfrisk_app LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'tilfrisk_app';
CREATE DATABASE tilfrisk OWNER tilfrisk_owner;
REVOKE ALL ON DATABASE tilfrisk FROM PUBLIC;
GRANT CONNECT ON DATABASE tilfrisk TO tilfrisk_app;
SQL
}

pg_start() { # folder port
    as_server "$PG_BIN/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 \
        -o "-p $2 -k $1 -c listen_addresses=127.0.0.1 -c fsync=on" start > /dev/null
}

pg_stop() { # folder [mode]
    as_server "$PG_BIN/pg_ctl" -D "$1/data" -m "${2:-fast}" -w stop > /dev/null 2>&1 || true
}

pg_counts() { # port: every table of the schema with its number of rows, as the superuser (no row-level security)
    "$PG_BIN/psql" -qAt -h 127.0.0.1 -p "$1" -U postgres -d tilfrisk -c "
        SELECT table_name || ' ' || (xpath('/row/c/text()', query_to_xml(
                   format('SELECT count(*) AS c FROM %I', table_name), false, true, '')))[1]::text
          FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
}

app_env() { # port: the environment of an app node on that server
    echo SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$1/tilfrisk \
         SPRING_DATASOURCE_USERNAME=tilfrisk_app SPRING_DATASOURCE_PASSWORD=tilfrisk_app \
         SPRING_FLYWAY_USER=tilfrisk_owner SPRING_FLYWAY_PASSWORD=tilfrisk_owner
}

wait_ready() { # port pid log: until readiness is UP and the demo admin's token answers
    local t0=$SECONDS
    until curl -fsS "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' \
          && curl -fsS -o /dev/null -H 'Authorization: Bearer demo-admin' "http://127.0.0.1:$1/api/v1/me" 2>/dev/null; do
        kill -0 "$2" 2>/dev/null || { echo "the app died; see $3" >&2; tail -20 "$3" >&2; exit 1; }
        [ $((SECONDS - t0)) -lt "${READY_TIMEOUT:-600}" ] || { echo "the app was not ready within ${READY_TIMEOUT:-600} s; see $3" >&2; exit 1; }
        sleep 0.2
    done
}

build_jar() {
    [ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q -DskipTests package
    JAR=$(ls target/tilfrisk-*.jar | grep -v original | head -1)
}

#!/usr/bin/env bash
# Writes src/cds/classes.lst.gz, the classes that archive.sh puts in spring-boot:run's class-data archive: those a
# start of the demo loads (fresh data, to readiness, a sign-in and the start page), less the app's own (no/tilfrisk,
# read from target/classes) and the lambda proxies (OpenJDK 17.0.15 crashed in
# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary archiving them). Run it after a
# change of dependencies; a list gone stale still works, it only archives less.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18097}
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/cds/runtime-classpath.txt -DincludeScope=runtime
data=$(mktemp -d)
java -XX:DumpLoadedClassList=target/cds/loaded.lst -cp "target/classes:$(cat target/cds/runtime-classpath.txt)" \
    no.tilfrisk.TilfriskApplication --spring.profiles.active=demo --server.port="$PORT" --tilfrisk.data-dir="$data" \
    > target/cds/classlist-run.log 2>&1 &
pid=$!
until curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "the app died; see target/cds/classlist-run.log" >&2; exit 1; }
    sleep 0.2
done
jar=target/cds/cookies
csrf=$(curl -fsS -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login" \
    | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode email=admin@demo.tilfrisk.no \
    --data-urlencode password=tilfrisk-demo --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT/login"
curl -fsS -o /dev/null -b "$jar" "http://127.0.0.1:$PORT/"
kill "$pid"; wait "$pid" 2>/dev/null || true
rm -rf "$data"
grep -v -e 'no/tilfrisk' -e '^@lambda-proxy' target/cds/loaded.lst | gzip -9n > src/cds/classes.lst.gz
echo "src/cds/classes.lst.gz: $(gunzip -c src/cds/classes.lst.gz | grep -vc '^[#@]') classes"

#!/usr/bin/env bash
# The class-data archive of `./mvnw spring-boot:run` (issue 21, item 9): the JDK's and the dependencies' classes that
# a start loads, parsed and laid out once, so that the demo's JVM maps them instead of reading them from 240 jars.
# Maven runs this in process-classes (the pom's `cds` profile); it does the work only when the class path, the JDK or
# the class list changed (about 20 s on two cores), and never fails the build: if the JDK cannot write the archive,
# the JDK's own (its classes only) takes its place until the class path, the JDK or the list changes, so the demo's
# JVM starts as it did before.
#
# OpenJDK 17 archives no class from a directory, and refuses an archive whose class path has a non-empty directory
# before its last archived jar. So the run's class path starts with a jar that names, in its manifest, every
# dependency and then target/classes: the archive covers the jars, and the app's own classes, which change with
# every build, are read from target/classes as before. The archive's class path is that one jar, a prefix of the
# run's. So under spring-boot:run a resource in a jar comes before one of the same name in target/classes; the only
# such name today is META-INF/spring.factories, which Spring reads from every jar and folder alike.
#
# Arguments: the JDK's home, the runtime class path (Maven's), the folder to write to, the class list (gzip).
set -uo pipefail
java_home=$1 classpath=$2 out=$3 list=$4
mkdir -p "$out"
out=$(cd "$out" && pwd)

jars=()
IFS=: read -r -a entries <<< "$classpath"
for entry in "${entries[@]}"; do
    [[ $entry == *.jar ]] && jars+=("$entry")
done
classes=$(cd "$out/../classes" 2>/dev/null && pwd) || classes="$out/../classes"

key=$(printf '%s\n' "$out" "${jars[@]}"; cat "$java_home/release" 2>/dev/null; md5sum < "$list"; md5sum < "$0")
if [ -s "$out/run.jsa" ] && [ "$(cat "$out/key" 2>/dev/null)" = "$key" ]; then
    exit 0
fi
rm -f "$out/run.jsa" "$out/key"

# Class-Path entries are relative to the jar's folder; a manifest line holds at most 72 bytes, and a line that goes
# on starts with a space.
relative=$(realpath --relative-to="$out" "${jars[@]}" | tr '\n' ' ')
{
    echo "Manifest-Version: 1.0"
    printf 'Class-Path: %s%s/\n' "$relative" "$(realpath --relative-to="$out" "$classes")" | fold -w 71 | sed '1!s/^/ /'
} > "$out/MANIFEST.MF"
rm -f "$out/classpath.jar"
gunzip -c "$list" > "$out/classes.lst"
if "$java_home/bin/jar" --create --file "$out/classpath.jar" --manifest "$out/MANIFEST.MF" \
    && "$java_home/bin/java" -Xshare:dump -XX:SharedClassListFile="$out/classes.lst" \
        -XX:SharedArchiveFile="$out/run.jsa" -XX:ErrorFile="$out/hs_err_%p.log" \
        -cp "$out/classpath.jar" > "$out/dump.log" 2>&1; then
    echo "$key" > "$out/key"
    echo "[INFO] class-data archive for spring-boot:run written: $out/run.jsa"
else
    cp "$java_home/lib/server/classes.jsa" "$out/run.jsa" 2>/dev/null || rm -f "$out/run.jsa"
    echo "$key" > "$out/key"
    echo "[WARNING] the JDK could not write the class-data archive for spring-boot:run (see $out/dump.log);" \
        "it starts with the JDK's own"
fi
exit 0

#!/usr/bin/env bash
# Time from launching Passerelle to its first UP on /actuator/health, on a data directory that exists
# (a restart) or not yet (a first start: initdb, migrations, first administrator), then stops it.
#
#   bench/start-time.sh --data-directory DIR [--port 18480] [--jar target/passerelle.jar]
#                       [--jvm-opts "-Xmx256m -XX:AOTCache=target/app/passerelle.aot"] [--keep-running]
#
# The server log goes to $TMPDIR/passerelle-start-PORT.log. Prints one line: milliseconds to UP, the JVM's CPU seconds by then and its resident memory (MiB).
# With --keep-running the server is left running and its pid is printed on a second line.
set -euo pipefail

PORT=18480
JAR=target/passerelle.jar
JVM_OPTS=""
DATA=""
KEEP=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --data-directory) DATA="$2"; shift 2 ;;
        --port) PORT="$2"; shift 2 ;;
        --jar) JAR="$2"; shift 2 ;;
        --jvm-opts) JVM_OPTS="$2"; shift 2 ;;
        --keep-running) KEEP=true; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[[ -n "$DATA" ]] || { echo "give --data-directory" >&2; exit 2; }
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
LOG="${TMPDIR:-/tmp}/passerelle-start-$PORT.log"

read -r -a opts <<<"$JVM_OPTS"
start=$(date +%s%N)
"$JAVA" "${opts[@]}" -jar "$JAR" --server.port="$PORT" --passerelle.database.data-directory="$DATA" >"$LOG" 2>&1 &
pid=$!
until curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "the server stopped; see $LOG" >&2; exit 1; }
    sleep 0.05
done
up=$(( ($(date +%s%N) - start) / 1000000 ))
ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
printf 'UP in %d ms, JVM CPU %.1f s, JVM RSS %d MiB\n' "$up" "$(echo "$ticks / $(getconf CLK_TCK)" | bc -l)" "$rss"
if $KEEP; then
    echo "$pid"
    exit 0
fi
kill -TERM "$pid"
wait "$pid" || true

#!/usr/bin/env bash
# Measures the search box's recall through the HTTP API of the server as deployed: starts the jar on
# a fresh data directory with a demo registry of --others persons (the others a search must not be
# confused by), then, with bench/SearchRecall.java, registers and searches the transliteration set
# and the field-like registry (its first --field persons, exported from the test classes), and
# stops the server.
#
#   bench/search-recall.sh [--jar target/passerelle.jar] [--others 1500] [--field 2000]
#
# Needs target/classes and target/test-classes for the field-like registry (./mvnw test-compile).
set -euo pipefail

JAR=""
OTHERS=1500
FIELD=2000
while [[ $# -gt 0 ]]; do
    case "$1" in
        --jar) JAR="$2"; shift 2 ;;
        --others) OTHERS="$2"; shift 2 ;;
        --field) FIELD="$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [[ -z "$JAR" ]]; then
    JAR="$(ls target/passerelle*.jar | grep -v '\.original$' | head -n 1)"
fi
WORK="$(mktemp -d -t passerelle-recall.XXXXXX)"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
APP_PID=""
cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

"$JAVA" -cp target/classes:target/test-classes org.passerelle.people.matching.FieldRegistryExport "$FIELD" \
    >"$WORK/field-registry.tsv"

echo "Starting $JAR on port $PORT with $OTHERS demo persons" >&2
PASSERELLE_DATA_DIR="$WORK/data" PASSERELLE_PORT="$PORT" PASSERELLE_ADMIN_PASSWORD="recall-$(date +%s)-river-stone-lamp" \
    "$JAVA" -jar "$JAR" --server.port="$PORT" --passerelle.demo.enabled=true --passerelle.demo.persons="$OTHERS" \
    --passerelle.demo.consultations-per-person=0 >"$WORK/app.log" 2>&1 &
APP_PID=$!
# the demo registry is loaded once the server is up: wait for the end of the load
until grep -q "vacuumed and analysed after the load\|Demo data not loaded" "$WORK/app.log" 2>/dev/null; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 50 "$WORK/app.log" >&2; exit 1; }
    sleep 2
done

for set in src/test/resources/matching/transliteration-set.tsv "$WORK/field-registry.tsv"; do
    echo "== $(basename "$set")"
    "$JAVA" bench/SearchRecall.java --base-url "http://127.0.0.1:$PORT" --set "$set"
done

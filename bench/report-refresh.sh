#!/usr/bin/env bash
# Measures how the background counting of the reporting facts keeps up with bursts of changes, and
# what reports cost meanwhile: changes N random consultations at once (an update that makes them
# changed, as a late sync or an amendment does), then asks for the report over all sites for a month
# again and again, without waiting for the latest, until it says that nothing is being counted.
# Prints, for each burst, the time until the figures are fresh and the latency of the reports asked
# during the catch-up (p50, p95, max), the background run's own time (fold_s, from its start to the
# moment nothing was left), and checks that each report said how many changes were left;
# first, the same report's latency with nothing to count, for comparison.
#
#   bench/report-refresh.sh --base-url http://127.0.0.1:8080 --db-port PORT [--changes 1,100,1000,10000]
#                           [--user coordination] [--password demo-passerelle-2026] [--first] [--amend]
#
# --first times only the first report (after a start or a load) and how fresh it said it was.
# --amend moves each changed consultation one day later (its facts change, as in an amendment);
# without it the consultations are written again unchanged (as a sync sending them again).
# Needs curl and psql; PORT is the database's (the embedded one logs it at start-up); the database
# password is read from PGPASSWORD (the superuser's, in the data directory's keys).
set -euo pipefail

BASE=http://127.0.0.1:8080
DB_PORT=
CHANGES=1,100,1000,10000
USER_NAME=coordination
PASSWORD=demo-passerelle-2026
FIRST=
CHANGE='occurred_on = occurred_on'
while [ $# -gt 0 ]; do
    case "$1" in
        --base-url) BASE=$2; shift 2 ;;
        --db-port) DB_PORT=$2; shift 2 ;;
        --changes) CHANGES=$2; shift 2 ;;
        --user) USER_NAME=$2; shift 2 ;;
        --password) PASSWORD=$2; shift 2 ;;
        --first) FIRST=1; shift ;;
        --amend) CHANGE='occurred_on = occurred_on + 1'; shift ;;
        *) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
[ -n "$DB_PORT" ] || [ -n "$FIRST" ] || { echo "--db-port is required" >&2; exit 2; }

jar=$(mktemp)
samples=$(mktemp)
trap 'rm -f "$jar" "$samples"' EXIT
curl -s -c "$jar" -b "$jar" "$BASE/api/session" >/dev/null
token=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar")
status=$(curl -s -c "$jar" -b "$jar" -H "X-XSRF-TOKEN: $token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$USER_NAME\",\"password\":\"$PASSWORD\"}" -o /dev/null -w '%{http_code}' "$BASE/api/session")
[ "$status" = 200 ] || { echo "login failed: $status" >&2; exit 1; }
month=$(date -u +%Y-%m)
body=$(mktemp)
trap 'rm -f "$jar" "$samples" "$body"' EXIT

# one report: prints "seconds pending" (pending -1 when the answer said nothing of its freshness)
report() {
    local took code pending
    read -r took code < <(curl -s -b "$jar" -o "$body" -w '%{time_total} %{http_code}\n' "$BASE/api/reports?period=$month$1")
    [ "$code" = 200 ] || { echo "report answered $code" >&2; exit 1; }
    pending=$(grep -o '"pending":[0-9]*' "$body" | head -1 | cut -d: -f2 || true)
    echo "$took ${pending:--1}"
}

percentile() { sort -n | awk -v p="$1" '{v[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; printf "%.0f", v[i]*1000}'; }

if [ -n "$FIRST" ]; then
    read -r took pending < <(report "")
    upto=$(grep -o '"upTo":"[^"]*"' "$body" | head -1 | cut -d'"' -f4 || true)
    printf 'first report: %.0f ms, %s changes being counted, figures up to %s\n' "$(echo "$took * 1000" | bc)" "$pending" "${upto:-never}"
    exit 0
fi

read -r took pending < <(report "&latest=true")
printf 'up to date: %.0f ms (pending %s)\n' "$(echo "$took * 1000" | bc)" "$pending"
# the same report with nothing to count, to compare with the reports during a catch-up
: > "$samples"
for _ in $(seq 1 20); do read -r took pending < <(report ""); echo "$took" >> "$samples"; done
printf 'quiet: 20 reports, p50 %s ms, p95 %s ms, max %s ms\n' \
    "$(percentile 50 < "$samples")" "$(percentile 95 < "$samples")" "$(percentile 100 < "$samples")"
printf '%8s %14s %7s %8s %8s %8s %8s\n' changes fresh_after_s fold_s reports p50_ms p95_ms max_ms
for n in ${CHANGES//,/ }; do
    psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d passerelle -qAtc \
        "update care.encounter set $CHANGE where id in
           (select id from care.encounter where person_id is not null order by random() limit $n)" >/dev/null
    start=$(date +%s.%N)
    : > "$samples"
    while :; do
        read -r took pending < <(report "")
        echo "$took" >> "$samples"
        [ "$pending" = 0 ] && break
        [ "$pending" = -1 ] && { echo "the report does not say how fresh it is" >&2; exit 1; }
        (( $(echo "$(date +%s.%N) - $start > 1800" | bc) )) && { echo "not fresh after 30 min" >&2; break; }
    done
    fresh=$(echo "$(date +%s.%N) - $start" | bc)
    # the background run's own time: from its start to the start of its last batch, and that batch
    fold=$(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d passerelle -qAtc \
        "select extract(epoch from caught_up_at - run_started_at) + last_batch_ms / 1000.0 from reporting.refresh_progress")
    printf '%8d %14.1f %7.1f %8d %8s %8s %8s\n' "$n" "$fresh" "$fold" "$(wc -l < "$samples")" \
        "$(percentile 50 < "$samples")" "$(percentile 95 < "$samples")" "$(percentile 100 < "$samples")"
done

#!/usr/bin/env bash
# Measures what a change to the records costs the next report: changes N random consultations
# (an update that advances their change sequence, as a late sync or an amendment does), then times
# the next report over all sites for a month, which first brings the reporting facts, roll-ups and
# tallies up to date.
#
#   bench/report-refresh.sh --base-url http://127.0.0.1:8080 --db-port PORT [--changes 1,10,100,1000]
#                           [--user coordination] [--password demo-passerelle-2026]
#
# Needs curl and psql; PORT is the database's (the embedded one logs it at start-up).
set -euo pipefail

BASE=http://127.0.0.1:8080
DB_PORT=
CHANGES=1,10,100,1000
USER_NAME=coordination
PASSWORD=demo-passerelle-2026
while [ $# -gt 0 ]; do
    case "$1" in
        --base-url) BASE=$2; shift 2 ;;
        --db-port) DB_PORT=$2; shift 2 ;;
        --changes) CHANGES=$2; shift 2 ;;
        --user) USER_NAME=$2; shift 2 ;;
        --password) PASSWORD=$2; shift 2 ;;
        *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
[ -n "$DB_PORT" ] || { echo "--db-port is required" >&2; exit 2; }

jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
curl -s -c "$jar" -b "$jar" "$BASE/api/session" >/dev/null
token=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar")
status=$(curl -s -c "$jar" -b "$jar" -H "X-XSRF-TOKEN: $token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$USER_NAME\",\"password\":\"$PASSWORD\"}" -o /dev/null -w '%{http_code}' "$BASE/api/session")
[ "$status" = 200 ] || { echo "login failed: $status" >&2; exit 1; }
month=$(date -u +%Y-%m)
report() { curl -s -b "$jar" -o /dev/null -w '%{time_total}' "$BASE/api/reports?period=$month"; }

printf 'up to date: %s s\n' "$(report)"
for n in ${CHANGES//,/ }; do
    psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d passerelle -qAtc \
        "update care.encounter set occurred_on = occurred_on where id in
           (select id from care.encounter where person_id is not null order by random() limit $n)" >/dev/null
    printf '%6d consultations changed: next report %s s, then %s s\n' "$n" "$(report)" "$(report)"
done

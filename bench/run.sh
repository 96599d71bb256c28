#!/usr/bin/env bash
# Benchmarks Passerelle on this machine: time to healthy on a fresh data directory (first start,
# with initdb and migrations) and on the same directory again (second start), resident memory
# after start and under load, throughput and latency under the load driver, and graceful shutdown.
#
#   bench/run.sh [--duration S] [--warmup S] [--concurrency 8,32] [--preload N]
#                [--max-requests N] [--jvm-opts "-Xmx512m"] [--keep-data]
#
# Writes bench/results/<UTC date and time>-summary.json (and the server log beside it).
set -euo pipefail

DURATION=60
WARMUP=15
CONCURRENCY="8,32"
PRELOAD=1000
MAX_REQUESTS=2000000
JVM_OPTS="-Xmx512m"
KEEP_DATA=false
START_TIMEOUT=180
STOP_TIMEOUT=60
JAR=""

usage() {
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'
options:
  --duration S        measured seconds per load run (default 60)
  --warmup S          warm-up seconds per load run, not measured (default 15)
  --concurrency LIST  simulated users, comma-separated for several runs (default 8,32)
  --preload N         people registered before each run's warm-up (default 1000)
  --max-requests N    request budget per load run (default 2000000)
  --jvm-opts "OPTS"   options for the server's JVM (default "-Xmx512m"; "" for the JVM's defaults)
  --jar FILE          the jar to measure (default target/passerelle*.jar, built if missing), e.g. an
                      earlier commit's for a comparison, or target/app/passerelle.jar with
                      --jvm-opts "-Xmx512m -XX:AOTCache=target/app/passerelle.aot" for the start-up cache
  --keep-data         keep the temporary data directory
EOF
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --duration) DURATION="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --concurrency) CONCURRENCY="$2"; shift 2 ;;
        --preload) PRELOAD="$2"; shift 2 ;;
        --max-requests) MAX_REQUESTS="$2"; shift 2 ;;
        --jvm-opts) JVM_OPTS="$2"; shift 2 ;;
        --keep-data) KEEP_DATA=true; shift ;;
        --jar) JAR="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# ---------------------------------------------------------------- JDK 21+

java_major() {
    "$1" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_java() {
    local candidate major
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
        major="$(java_major "$JAVA_HOME/bin/java")"
        if [[ "${major:-0}" -ge 21 ]]; then echo "$JAVA_HOME"; return; fi
    fi
    local best="" best_major=0
    for candidate in /usr/lib/jvm/*/; do
        candidate="${candidate%/}"
        [[ -x "$candidate/bin/java" && -x "$candidate/bin/javac" ]] || continue
        major="$(java_major "$candidate/bin/java")"
        if [[ "${major:-0}" -ge 21 && "$major" -gt "$best_major" ]]; then best="$candidate"; best_major="$major"; fi
    done
    if [[ -n "$best" ]]; then echo "$best"; return; fi
    if command -v java >/dev/null && [[ "$(java_major java)" -ge 21 ]]; then
        dirname "$(dirname "$(readlink -f "$(command -v java)")")"
        return
    fi
    echo "no JDK 21 or later found (set JAVA_HOME)" >&2
    exit 1
}

export JAVA_HOME="$(find_java)"
JAVA="$JAVA_HOME/bin/java"
JAVA_VERSION="$("$JAVA" -version 2>&1 | head -n 1)"
log "JDK: $JAVA_HOME ($JAVA_VERSION)"

# ---------------------------------------------------------------- the jar

find_jar() {
    local jars=()
    for jar in target/passerelle*.jar; do
        [[ -f "$jar" && "$jar" != *.original ]] && jars+=("$jar")
    done
    if [[ ${#jars[@]} -gt 1 ]]; then
        echo "several jars in target/ (${jars[*]}); remove the stale ones" >&2
        exit 1
    fi
    [[ ${#jars[@]} -eq 1 ]] && echo "${jars[0]}"
    return 0
}

JAR="${JAR:-$(find_jar)}"
if [[ -z "$JAR" ]]; then
    log "No jar in target/: building it"
    ./mvnw -q -B -DskipTests package
    JAR="$(find_jar)"
    [[ -n "$JAR" ]] || { echo "the build produced no target/passerelle*.jar" >&2; exit 1; }
fi
log "Jar: $JAR"

# ---------------------------------------------------------------- the server

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"
APP_LOG="$RESULTS/$STAMP-app.log"
WORK="$(mktemp -d -t passerelle-bench.XXXXXX)"
DATA_DIR="$WORK/data"
ADMIN_PASSWORD="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
read -r -a JVM_ARGS <<<"$JVM_OPTS"
APP_PID=""

cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    [[ -n "${SAMPLER_PID:-}" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
    if [[ "$KEEP_DATA" == true ]]; then log "Data kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 40000 ))
        port_in_use "$port" || { echo "$port"; return; }
    done
    echo "no free port found" >&2
    exit 1
}

CLK_TCK="$(getconf CLK_TCK)"
loadavg() { cut -d ' ' -f 1 /proc/loadavg; }
# user + system CPU ticks of a process (fields 14 and 15 of /proc/PID/stat, after the command name)
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0; }
# ... of the embedded PostgreSQL: postmaster, its live children and its exited children
postgres_cpu_ticks() {
    local pidfile="$DATA_DIR/postgres/postmaster.pid" master total pid
    [[ -f "$pidfile" ]] || { echo 0; return; }
    master="$(head -n 1 "$pidfile")"
    total="$(sed 's/.*) //' "/proc/$master/stat" 2>/dev/null | awk '{ print $12 + $13 + $14 + $15 }')"
    for pid in $(pgrep -P "$master" 2>/dev/null); do
        total=$(( ${total:-0} + $(cpu_ticks "$pid") ))
    done
    echo "${total:-0}"
}
cores() { awk -v t="$1" -v ms="$2" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", (ms > 0 ? t / hz / (ms / 1000) : 0) }'; }

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# Proportional set size of the embedded PostgreSQL (postmaster and its children): its processes
# share memory, so their PSS adds up where their RSS would count shared pages many times.
postgres_pss_kb() {
    local pidfile="$DATA_DIR/postgres/postmaster.pid" master total=0 pid pss
    [[ -f "$pidfile" ]] || { echo 0; return; }
    master="$(head -n 1 "$pidfile")"
    for pid in "$master" $(pgrep -P "$master" 2>/dev/null); do
        pss="$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || true)"
        total=$(( total + ${pss:-0} ))
    done
    echo "$total"
}

# Starts the server on the data directory and waits for /actuator/health to say UP.
# Sets APP_PID, PORT, START_MS (process start to UP), RSS_AFTER_START_KB, PG_PSS_AFTER_START_KB.
start_app() {
    PORT="$(free_port)"
    echo "==== start on port $PORT at $(date -u +%FT%TZ)" >>"$APP_LOG"
    local t0 deadline
    t0="$(now_ms)"
    PASSERELLE_DATA_DIR="$DATA_DIR" PASSERELLE_ADMIN_PASSWORD="$ADMIN_PASSWORD" PASSERELLE_PORT="$PORT" \
        "$JAVA" "${JVM_ARGS[@]}" -jar "$JAR" --server.port="$PORT" >>"$APP_LOG" 2>&1 &
    APP_PID=$!
    deadline=$(( t0 + START_TIMEOUT * 1000 ))
    until curl -s --max-time 1 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "the server exited during start; see $APP_LOG" >&2
            APP_PID=""
            exit 1
        fi
        if [[ "$(now_ms)" -gt "$deadline" ]]; then
            echo "the server was not UP after ${START_TIMEOUT}s; see $APP_LOG" >&2
            exit 1
        fi
        sleep 0.05
    done
    START_MS=$(( $(now_ms) - t0 ))
    START_CPU_S="$(awk -v t="$(cpu_ticks "$APP_PID")" -v hz="$CLK_TCK" 'BEGIN { printf "%.1f", t / hz }')"
    START_LOAD="$(loadavg)"
    RSS_AFTER_START_KB="$(rss_kb "$APP_PID")"
    PG_PSS_AFTER_START_KB="$(postgres_pss_kb)"
    log "UP in ${START_MS} ms (JVM CPU ${START_CPU_S} s, load average $START_LOAD; pid $APP_PID, port $PORT); JVM RSS $(( RSS_AFTER_START_KB / 1024 )) MiB," \
        "PostgreSQL PSS $(( PG_PSS_AFTER_START_KB / 1024 )) MiB"
}

# Sends SIGTERM and waits. Sets STOP_MS, EXIT_CODE, CLEAN_STOP and STOP_NOTES.
stop_app() {
    local t0 code=0 postmaster=""
    [[ -f "$DATA_DIR/postgres/postmaster.pid" ]] && postmaster="$(head -n 1 "$DATA_DIR/postgres/postmaster.pid")"
    local log_lines_before
    log_lines_before="$(wc -l <"$APP_LOG")"
    t0="$(now_ms)"
    kill -TERM "$APP_PID"
    local deadline=$(( t0 + STOP_TIMEOUT * 1000 ))
    while kill -0 "$APP_PID" 2>/dev/null && [[ "$(now_ms)" -lt "$deadline" ]]; do sleep 0.05; done
    STOP_NOTES=""
    if kill -0 "$APP_PID" 2>/dev/null; then
        STOP_NOTES="still running ${STOP_TIMEOUT}s after SIGTERM, killed; "
        kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" || code=$?
    STOP_MS=$(( $(now_ms) - t0 ))
    EXIT_CODE="$code"
    APP_PID=""
    local shutdown_log
    shutdown_log="$(tail -n +"$(( log_lines_before + 1 ))" "$APP_LOG")"
    # the JVM exits with 143 (128 + SIGTERM) after running its shutdown hooks; 0 if the app exits itself
    [[ "$code" == 143 || "$code" == 0 ]] || STOP_NOTES+="exit code $code; "
    grep -q 'Graceful shutdown complete' <<<"$shutdown_log" || STOP_NOTES+="no 'Graceful shutdown complete'; "
    grep -q 'Embedded PostgreSQL stopped' <<<"$shutdown_log" || STOP_NOTES+="no 'Embedded PostgreSQL stopped'; "
    grep -q '"level":"ERROR"' <<<"$shutdown_log" && STOP_NOTES+="ERROR lines while stopping; "
    # the postmaster removes its pid file a moment before it exits: give it 5 s
    local pg_deadline=$(( $(now_ms) + 5000 ))
    while [[ -n "$postmaster" ]] && kill -0 "$postmaster" 2>/dev/null && [[ "$(now_ms)" -lt "$pg_deadline" ]]; do
        sleep 0.05
    done
    if [[ -n "$postmaster" ]] && kill -0 "$postmaster" 2>/dev/null; then
        STOP_NOTES+="PostgreSQL (pid $postmaster) still running 5 s after the JVM exited; "
    fi
    if [[ -z "$STOP_NOTES" ]]; then CLEAN_STOP=true; else CLEAN_STOP=false; fi
    log "Stopped in ${STOP_MS} ms, exit code $EXIT_CODE, clean: $CLEAN_STOP ${STOP_NOTES}"
}

# Samples the JVM's RSS every 200 ms and PostgreSQL's PSS every second into files, keeping the max.
start_sampler() {
    local prefix="$1"
    echo 0 >"$prefix.rss"
    echo 0 >"$prefix.pgpss"
    (
        max_rss=0 max_pg=0 tick=0
        while kill -0 "$APP_PID" 2>/dev/null; do
            rss="$(rss_kb "$APP_PID")"
            if [[ "${rss:-0}" -gt "$max_rss" ]]; then max_rss="$rss"; echo "$max_rss" >"$prefix.rss"; fi
            if (( tick % 5 == 0 )); then
                pg="$(postgres_pss_kb)"
                if [[ "$pg" -gt "$max_pg" ]]; then max_pg="$pg"; echo "$max_pg" >"$prefix.pgpss"; fi
            fi
            tick=$(( tick + 1 ))
            sleep 0.2
        done
    ) &
    SAMPLER_PID=$!
}

stop_sampler() {
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
}

count_log() { grep -c "$1" "$APP_LOG" || true; }

# ---------------------------------------------------------------- the benchmark

log "Data directory $DATA_DIR, JVM options: ${JVM_OPTS:-<none, JVM defaults>}"
log "First start (fresh data directory: initdb, migrations, first administrator)"
start_app
FIRST_START_MS="$START_MS"
FIRST_RSS_KB="$RSS_AFTER_START_KB"
FIRST_CPU_S="$START_CPU_S" FIRST_LOAD="$START_LOAD"
FIRST_PG_KB="$PG_PSS_AFTER_START_KB"
FIRST_STARTED_LINE="$(grep -o 'Started PasserelleApplication in [^"]*' "$APP_LOG" | tail -n 1 || true)"

RUNS_JSON=""
TABLE=""
IFS=',' read -r -a LEVELS <<<"$CONCURRENCY"
for users in "${LEVELS[@]}"; do
    log "Load: $users simulated users, ${WARMUP}s warm-up, ${DURATION}s measured"
    errors_before="$(count_log '"level":"ERROR"')"
    warns_before="$(count_log '"level":"WARN"')"
    driver_json="$WORK/driver-$users.json"
    load_before="$(loadavg)"
    jvm_ticks_before="$(cpu_ticks "$APP_PID")"
    pg_ticks_before="$(postgres_cpu_ticks)"
    run_t0="$(now_ms)"
    start_sampler "$WORK/sample-$users"
    PASSERELLE_ADMIN_PASSWORD="$ADMIN_PASSWORD" "$JAVA" bench/LoadDriver.java \
        --base-url "http://127.0.0.1:$PORT" --concurrency "$users" --duration "$DURATION" --warmup "$WARMUP" \
        --preload "$PRELOAD" --max-requests "$MAX_REQUESTS" --json "$driver_json" \
        | tee "$WORK/driver-$users.txt"
    stop_sampler
    run_ms=$(( $(now_ms) - run_t0 ))
    jvm_cores="$(cores $(( $(cpu_ticks "$APP_PID") - jvm_ticks_before )) "$run_ms")"
    pg_cores="$(cores $(( $(postgres_cpu_ticks) - pg_ticks_before )) "$run_ms")"
    load_after="$(loadavg)"
    max_rss="$(cat "$WORK/sample-$users.rss")"
    max_pg="$(cat "$WORK/sample-$users.pgpss")"
    server_errors=$(( $(count_log '"level":"ERROR"') - errors_before ))
    server_warns=$(( $(count_log '"level":"WARN"') - warns_before ))
    log "Max JVM RSS under load $(( max_rss / 1024 )) MiB, max PostgreSQL PSS $(( max_pg / 1024 )) MiB;" \
        "server log: $server_errors ERROR, $server_warns WARN lines; CPU over the whole driver run: JVM $jvm_cores," \
        "PostgreSQL $pg_cores cores; load average $load_before -> $load_after"
    RUNS_JSON+="${RUNS_JSON:+,
}    {\"concurrency\": $users, \"maxRssKb\": $max_rss, \"maxPostgresPssKb\": $max_pg,
     \"serverLogErrors\": $server_errors, \"serverLogWarnings\": $server_warns,
     \"serverJvmCores\": $jvm_cores, \"postgresCores\": $pg_cores, \"driverRunMs\": $run_ms,
     \"loadAverageBefore\": $load_before, \"loadAverageAfter\": $load_after,
     \"driver\": $(sed 's/^/     /' "$driver_json" | sed '1s/^ *//')}"
    TABLE+="$(printf '\n--- %s simulated users: max JVM RSS %d MiB, max PostgreSQL PSS %d MiB, server ERROR lines %d,\n    CPU JVM %s + PostgreSQL %s cores, load average %s -> %s\n' \
        "$users" $(( max_rss / 1024 )) $(( max_pg / 1024 )) "$server_errors" "$jvm_cores" "$pg_cores" \
        "$load_before" "$load_after")
$(sed -n '/^Measured window/,$p' "$WORK/driver-$users.txt")"
done
PEAK_RSS_KB="$(hwm_kb "$APP_PID")"

log "Stopping (SIGTERM)"
stop_app
FIRST_STOP_MS="$STOP_MS" FIRST_EXIT="$EXIT_CODE" FIRST_CLEAN="$CLEAN_STOP" FIRST_NOTES="$STOP_NOTES"

log "Second start (same data directory)"
start_app
SECOND_START_MS="$START_MS"
SECOND_RSS_KB="$RSS_AFTER_START_KB"
SECOND_CPU_S="$START_CPU_S" SECOND_LOAD="$START_LOAD"
SECOND_PG_KB="$PG_PSS_AFTER_START_KB"
SECOND_STARTED_LINE="$(grep -o 'Started PasserelleApplication in [^"]*' "$APP_LOG" | tail -n 1 || true)"
stop_app

json_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
SUMMARY="$RESULTS/$STAMP-summary.json"
cat >"$SUMMARY" <<EOF
{
  "date": "$(date -u +%FT%TZ)",
  "machine": {"cpus": $(nproc), "memoryKb": $(awk '/^MemTotal:/ { print $2 }' /proc/meminfo),
              "kernel": $(json_string "$(uname -r)")},
  "java": $(json_string "$JAVA_VERSION"),
  "jar": $(json_string "$(basename "$JAR")"),
  "jvmOptions": $(json_string "$JVM_OPTS"),
  "options": {"durationSeconds": $DURATION, "warmupSeconds": $WARMUP, "concurrency": $(json_string "$CONCURRENCY"),
              "preload": $PRELOAD, "maxRequests": $MAX_REQUESTS},
  "firstStart": {"msToHealthUp": $FIRST_START_MS, "jvmCpuSeconds": $FIRST_CPU_S, "loadAverage": $FIRST_LOAD,
                 "rssAfterStartKb": $FIRST_RSS_KB,
                 "postgresPssAfterStartKb": $FIRST_PG_KB, "springLine": $(json_string "$FIRST_STARTED_LINE")},
  "load": [
$RUNS_JSON
  ],
  "peakRssKb": $PEAK_RSS_KB,
  "firstStop": {"ms": $FIRST_STOP_MS, "exitCode": $FIRST_EXIT, "clean": $FIRST_CLEAN,
                "notes": $(json_string "$FIRST_NOTES")},
  "secondStart": {"msToHealthUp": $SECOND_START_MS, "jvmCpuSeconds": $SECOND_CPU_S, "loadAverage": $SECOND_LOAD,
                  "rssAfterStartKb": $SECOND_RSS_KB,
                  "postgresPssAfterStartKb": $SECOND_PG_KB, "springLine": $(json_string "$SECOND_STARTED_LINE")},
  "secondStop": {"ms": $STOP_MS, "exitCode": $EXIT_CODE, "clean": $CLEAN_STOP, "notes": $(json_string "$STOP_NOTES")}
}
EOF

cat <<EOF

================ Passerelle benchmark $STAMP ================
machine        $(nproc) CPUs, $(( $(awk '/^MemTotal:/ { print $2 }' /proc/meminfo) / 1024 )) MiB; $JAVA_VERSION
JVM options    ${JVM_OPTS:-<JVM defaults>}
first start    ${FIRST_START_MS} ms to health UP (fresh data directory; JVM CPU ${FIRST_CPU_S} s, load average $FIRST_LOAD)
               JVM RSS $(( FIRST_RSS_KB / 1024 )) MiB, PostgreSQL PSS $(( FIRST_PG_KB / 1024 )) MiB
               ($FIRST_STARTED_LINE)
second start   ${SECOND_START_MS} ms to health UP (same data directory; JVM CPU ${SECOND_CPU_S} s, load average $SECOND_LOAD)
               JVM RSS $(( SECOND_RSS_KB / 1024 )) MiB, PostgreSQL PSS $(( SECOND_PG_KB / 1024 )) MiB
               ($SECOND_STARTED_LINE)
peak JVM RSS   $(( PEAK_RSS_KB / 1024 )) MiB (VmHWM over the first run, load included)
stop           after load: ${FIRST_STOP_MS} ms, exit $FIRST_EXIT, clean $FIRST_CLEAN ${FIRST_NOTES}
               after second start: ${STOP_MS} ms, exit $EXIT_CODE, clean $CLEAN_STOP ${STOP_NOTES}
$TABLE

summary        $SUMMARY
server log     $APP_LOG
EOF

#!/usr/bin/env bash
# Benchmark (not a test): the clerk's inbox at 1,000,000 cases and case intake per second.
# Loads generated cases straight into case-service's database (half of them Hagen's), then measures
# the inbox list (first page and a deep keyset page) with 8 concurrent clerks, then publishes
# ApplicationSubmitted events and measures cases opened and checked per second. Own ports and data.
#
#   deploy/bench/cases.sh [cases] [seconds] [intake-events]     (defaults: 1000000 20 20000)
#   (build first: ./mvnw -B package -DskipTests; needs wrk: apt-get install wrk)
#   AMTSWEG_EXTRA_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/jfr/" profiles the services while it runs (a directory: one recording per process; it must exist).
#
# Targets (issue "case-service"): inbox p99 < 20 ms at 8 clerks on any page; intake >= 950 cases/s. The intake is also
# printed as a share of the raw floor (RawFloor) measured right after it on the same database server and broker.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh
command -v wrk > /dev/null || fail "wrk is needed: apt-get install wrk"
cases="${1:-1000000}" duration="${2:-20}" intake="${3:-20000}"

export AMTSWEG_DATA_DIR="$ROOT/target/bench-cases"
export AMTSWEG_KAFKA_PORT=29392 AMTSWEG_PG_PORT=25732 AMTSWEG_KAFKA="127.0.0.1:29392"
export AMTSWEG_RUN_DIR="$AMTSWEG_DATA_DIR/run" AMTSWEG_IDENTITY_PORT=28380 AMTSWEG_CASE_PORT=28383
export AMTSWEG_ISSUER="http://127.0.0.1:$AMTSWEG_IDENTITY_PORT"
run_dir="$AMTSWEG_RUN_DIR"
trap 'stop_process case-service; stop_process identity-gateway; deploy/local/infra.sh stop > /dev/null 2>&1 || true' EXIT

rm -rf "$AMTSWEG_DATA_DIR"
deploy/local/infra.sh start > /dev/null
mkdir -p "$run_dir"
deploy/local/services.sh start identity-gateway case-service

bench() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "deploy/bench/target/classes:$(cat deploy/bench/target/classpath.txt)" org.amtsweg.bench.CaseBench "$@"; }
jdbc="jdbc:postgresql://127.0.0.1:$AMTSWEG_PG_PORT/amtsweg_case"
say "loading $cases cases"
load="$(bench load "$jdbc" "$cases")"
echo "$load" | head -1
cursor="$(echo "$load" | awk -F= '/^cursor=/ {print $2}')"

token="$(curl -sf "http://127.0.0.1:$AMTSWEG_IDENTITY_PORT/token" -d grant_type=password -d client_id=amtsweg-cli \
    -d username=clerk.hagen -d password=Hagen-Demo-2026 | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
base="http://127.0.0.1:$AMTSWEG_CASE_PORT/cases"
measure() {
    wrk -t2 -c8 -d5s -H "Authorization: Bearer $token" "$2" > /dev/null
    wrk -t2 -c8 -d"${duration}s" --latency -H "Authorization: Bearer $token" "$2" > "$run_dir/wrk.txt"
    echo "$1: $(awk '/Requests\/sec/ {print $2}' "$run_dir/wrk.txt") req/s, p50 $(awk '$1 == "50%" {print $2}' "$run_dir/wrk.txt")," \
         "p99 $(awk '$1 == "99%" {print $2}' "$run_dir/wrk.txt"), non-2xx: $(awk '/Non-2xx/ {print $4}' "$run_dir/wrk.txt")"
}
measure "inbox, first page        " "$base?limit=50"
measure "inbox, status IN_REVIEW  " "$base?limit=50&status=IN_REVIEW"
measure "inbox, deep keyset page  " "$base?limit=50&after=$cursor"
# A service runs for weeks: measure it compiled (JIT), not in its first seconds.
warmup=$(( intake / 4 > 3000 ? intake / 4 : 3000 ))
say "warming up with $warmup ApplicationSubmitted"
bench intake "$AMTSWEG_KAFKA" "$jdbc" "$warmup" > /dev/null
say "publishing $intake ApplicationSubmitted"
bench intake "$AMTSWEG_KAFKA" "$jdbc" "$intake" "jdbc:postgresql://127.0.0.1:$AMTSWEG_PG_PORT/postgres"

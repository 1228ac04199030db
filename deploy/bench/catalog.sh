#!/usr/bin/env bash
# Benchmark (not a test): catalogue reads under concurrent load — search (GET /services?q=) and one
# service (GET /services/{key}) at 32 connections: requests per second and latency percentiles.
# Starts its own broker, database and catalogue on separate ports; a running platform is not touched.
#
#   deploy/bench/catalog.sh [seconds]     (build first: ./mvnw -B package -DskipTests; needs wrk: apt-get install wrk)
#
# Targets (issue "catalog-service"): search p99 < 10 ms, GET /services/{key} p99 < 5 ms at 32 clients.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh
command -v wrk > /dev/null || fail "wrk is needed: apt-get install wrk"
duration="${1:-20}"

export AMTSWEG_DATA_DIR="$ROOT/target/bench-catalog"
export AMTSWEG_KAFKA_PORT=29292 AMTSWEG_PG_PORT=25632 AMTSWEG_KAFKA="127.0.0.1:29292"
export AMTSWEG_RUN_DIR="$AMTSWEG_DATA_DIR/run" AMTSWEG_CATALOG_PORT=28281
run_dir="$AMTSWEG_RUN_DIR"
trap 'stop_process catalog-service; deploy/local/infra.sh stop > /dev/null 2>&1 || true' EXIT

rm -rf "$AMTSWEG_DATA_DIR"
deploy/local/infra.sh start > /dev/null
mkdir -p "$run_dir"
deploy/local/services.sh start catalog-service

base="http://127.0.0.1:$AMTSWEG_CATALOG_PORT"
measure() {
    local label="$1" url="$2"
    wrk -t2 -c32 -d5s "$url" > /dev/null
    wrk -t2 -c32 -d"${duration}s" --latency "$url" > "$run_dir/wrk.txt"
    echo "$label: $(awk '/Requests\/sec/ {print $2}' "$run_dir/wrk.txt") req/s," \
         "p50 $(awk '$1 == "50%" {print $2}' "$run_dir/wrk.txt"), p99 $(awk '$1 == "99%" {print $2}' "$run_dir/wrk.txt")," \
         "non-2xx: $(awk '/Non-2xx/ {print $4}' "$run_dir/wrk.txt")"
}
measure "search 'Wohngeld' in Hagen " "$base/services?q=Wohngeld&ags=05914000"
measure "search typo 'Ummeldungen'  " "$base/services?q=Ummeldungen"
measure "GET /services/wohngeld     " "$base/services/wohngeld"

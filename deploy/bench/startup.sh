#!/usr/bin/env bash
# Benchmark (not a test): how fast each service is ready from its built jar, how much memory it holds
# at rest, and how long the whole platform (broker, database, four services) takes to come up and
# how much it holds. Runs on its own ports and data directory, so a running platform is not touched.
#
#   deploy/bench/startup.sh        (build first: ./mvnw -B package -DskipTests)
#
# Targets (issue "Foundation"): each service ready in <= 3 s and <= 200 MB resident at rest;
# the whole platform up in <= 30 s and <= 1.5 GB.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh

export AMTSWEG_DATA_DIR="$ROOT/target/bench-startup"
export AMTSWEG_KAFKA_PORT=29092 AMTSWEG_PG_PORT=25432
export AMTSWEG_KAFKA="127.0.0.1:$AMTSWEG_KAFKA_PORT"
export AMTSWEG_RUN_DIR="$AMTSWEG_DATA_DIR/run"
export AMTSWEG_IDENTITY_PORT=28080 AMTSWEG_CATALOG_PORT=28081 AMTSWEG_APPLICATION_PORT=28082 AMTSWEG_CASE_PORT=28083
run_dir="$AMTSWEG_RUN_DIR"

# PSS: shared pages split between the processes sharing them, so that the sum is the real footprint.
rss_mb() { awk '/^Pss:/ {printf "%d", $2 / 1024}' "/proc/$1/smaps_rollup"; }
millis() { date +%s%3N; }

cleanup() {
    deploy/local/services.sh stop > /dev/null 2>&1 || true
    deploy/local/infra.sh stop > /dev/null 2>&1 || true
}
trap cleanup EXIT

rm -rf "$AMTSWEG_DATA_DIR"
platform_start=$(millis)
deploy/local/infra.sh start > /dev/null
infra_ready=$(millis)

# One service at a time, so that each start-up time is its own and not shared with the others' on 2 cores.
declare -A ready_ms
for service in identity-gateway catalog-service case-service application-service; do
    started=$(millis)
    deploy/local/services.sh start "$service" 2> /dev/null
    ready_ms[$service]=$(( $(millis) - started ))
done
platform_ready=$(millis)
sleep 10

total=0
printf '\n%-22s %12s %14s\n' "process" "ready (ms)" "PSS at rest"
for service in identity-gateway catalog-service application-service case-service; do
    rss=$(rss_mb "$(cat "$run_dir/$service.pid")")
    total=$((total + rss))
    printf '%-22s %12s %11s MB\n' "$service" "${ready_ms[$service]}" "$rss"
done
for name in kafka postgres; do
    rss=$(rss_mb "$(cat "$run_dir/$name.pid")")
    total=$((total + rss))
    printf '%-22s %12s %11s MB\n' "$name (launcher JVM)" "" "$rss"
done
# The PostgreSQL server processes themselves (postmaster and backends; shared memory counted once per process).
pg_rss=0
for pid in $(pgrep -f "postgres -D $AMTSWEG_DATA_DIR" || true) $(pgrep -P "$(pgrep -f "postgres -D $AMTSWEG_DATA_DIR" | head -1)" 2> /dev/null || true); do
    pg_rss=$((pg_rss + $(rss_mb "$pid")))
done
total=$((total + pg_rss))
printf '%-22s %12s %11s MB\n' "postgres processes" "" "$pg_rss"
printf '\ninfrastructure ready after %d ms; whole platform ready after %d ms; %d MB resident in all\n' \
    $((infra_ready - platform_start)) $((platform_ready - platform_start)) "$total"

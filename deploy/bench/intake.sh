#!/usr/bin/env bash
# Benchmark (not a test): submissions per second end to end — from POST /applications/{id}/submit to
# ApplicationSubmitted read back from the Kafka topic — with validation, routing, outbox relay and
# HTTP included. Starts its own broker, database, identity gateway, catalogue and intake.
#
#   deploy/bench/intake.sh [per-round] [in-flight] [rounds] [warm-up]   (defaults: 5000 32 3 15000; build first: ./mvnw -B package -DskipTests)
#
# The warm-up submissions are not measured: until the JIT compilers of the service and the broker have
# compiled the hot code, which takes tens of seconds under load on two shared cores, the figures say
# more about the compiler than about intake. The rounds show whether the figures have settled.
#   AMTSWEG_EXTRA_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/jfr/" profiles the services while it runs (a directory: one recording per process; it must exist).
#
# Target (issue "application-service"): >= 950 submissions/s at 32 in flight with p99 < 100 ms. After the rounds it measures
# the raw floor (RawFloor) on the same database server and broker and prints the median round as a share of it.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh
count="${1:-5000}" inflight="${2:-32}" rounds="${3:-3}" warmup="${4:-15000}"

export AMTSWEG_DATA_DIR="$ROOT/target/bench-intake"
export AMTSWEG_KAFKA_PORT=29492 AMTSWEG_PG_PORT=25832 AMTSWEG_KAFKA="127.0.0.1:29492"
export AMTSWEG_RUN_DIR="$AMTSWEG_DATA_DIR/run" AMTSWEG_IDENTITY_PORT=28480 AMTSWEG_CATALOG_PORT=28481 AMTSWEG_APPLICATION_PORT=28482
export AMTSWEG_ISSUER="http://127.0.0.1:$AMTSWEG_IDENTITY_PORT" AMTSWEG_CATALOG_URL="http://127.0.0.1:$AMTSWEG_CATALOG_PORT"
run_dir="$AMTSWEG_RUN_DIR"
trap 'for s in application-service catalog-service identity-gateway; do stop_process $s; done; deploy/local/infra.sh stop > /dev/null 2>&1 || true' EXIT

rm -rf "$AMTSWEG_DATA_DIR"
deploy/local/infra.sh start > /dev/null
mkdir -p "$run_dir"
deploy/local/services.sh start identity-gateway catalog-service application-service

# The load generator runs on the same two cores: C1 alone compiles its little code at a fraction of the cost of C2.
java -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "deploy/bench/target/classes:$(cat deploy/bench/target/classpath.txt)" org.amtsweg.bench.IntakeBench \
    "$AMTSWEG_ISSUER" "http://127.0.0.1:$AMTSWEG_APPLICATION_PORT" "$AMTSWEG_KAFKA" "$count" "$inflight" "$rounds" "$warmup" \
    "jdbc:postgresql://127.0.0.1:$AMTSWEG_PG_PORT/postgres"

#!/usr/bin/env bash
# Benchmark (not a test): the whole platform end to end, as command 1 starts it — broker, durable
# PostgreSQL, the services and the portal, with the JVM options of services.sh — and a load
# generator on the same two cores. Citizens submit complete Wohngeld drafts; measured per application:
# the submit's answer, submit -> CaseOpened, -> RegistryCheckCompleted, -> the case on a Hagen clerk's
# live inbox; at each number in flight and at half the peak rate (open loop). Prints the CPU each
# process used per application, the memory each holds under load, and the raw floor on the same
# database server and broker with the platform's figure as a share of it. Own ports and data.
#
#   deploy/bench/pipeline.sh [--scale-out] [per-round] [rounds] [warm-up] [in-flight,...] [clerks]   (defaults: 2000 3 6000 8,32,128 4)
#   --scale-out: a second case-service and a second application-service (own ports, same consumer groups) share
#   the partitions; halfway through the second round at 32 in flight both second instances (citizens and clerks
#   talk to the first ones) are killed with SIGKILL: the run shows that nothing is lost, doubled or reordered
#   while the groups rebalance (it fails otherwise).
#   (build first: ./mvnw -B package -DskipTests)
#   AMTSWEG_PG_STATEMENTS=true loads pg_stat_statements into the benchmark's PostgreSQL: the run then prints the statements that
#   took the most of its time per application (the transactions committed per application are printed always).
#   AMTSWEG_EXTRA_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/jfr/" profiles the services while it runs (a directory: one recording per process; it must exist).
#
# Targets (issue "The whole platform fast end to end"): >= 500 applications/s at 32 in flight (>= 25 % of
# the floor); at half the peak p99 submit answered < 100 ms and p99 submit -> clerk's live inbox < 250 ms;
# each service <= 200 MB resident under load; nothing lost.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh
scale_out=false
if [[ "${1:-}" == "--scale-out" ]]; then scale_out=true; shift; fi
per_round="${1:-2000}" rounds="${2:-3}" warmup="${3:-6000}" in_flight="${4:-8,32,128}" clerks="${5:-4}"
[[ -f deploy/bench/target/classpath.txt ]] || fail "the bench programs are not built; run: ./mvnw -B package -DskipTests"

export AMTSWEG_DATA_DIR="$ROOT/target/bench-pipeline"
export AMTSWEG_KAFKA_PORT=29592 AMTSWEG_PG_PORT=25932 AMTSWEG_KAFKA="127.0.0.1:29592"
export AMTSWEG_RUN_DIR="$AMTSWEG_DATA_DIR/run" AMTSWEG_IDENTITY_PORT=28580 AMTSWEG_CATALOG_PORT=28581
export AMTSWEG_APPLICATION_PORT=28582 AMTSWEG_CASE_PORT=28583 AMTSWEG_PORTAL_PORT=28584 AMTSWEG_USAGE_PORT=28585
run_dir="$AMTSWEG_RUN_DIR"
second() { AMTSWEG_RUN_DIR="$run_dir/second" AMTSWEG_APPLICATION_PORT=28592 AMTSWEG_CASE_PORT=28593 deploy/local/services.sh "$@"; }
trap 'second stop > /dev/null 2>&1 || true; deploy/local/services.sh stop > /dev/null 2>&1 || true; deploy/local/infra.sh stop > /dev/null 2>&1 || true' EXIT

rm -rf "$AMTSWEG_DATA_DIR"
deploy/local/infra.sh start > /dev/null
deploy/local/services.sh start

postmaster="$(pgrep -f "postgres -D $AMTSWEG_DATA_DIR" | head -1)"
processes="identity-gateway=$(cat "$run_dir/identity-gateway.pid"),catalog-service=$(cat "$run_dir/catalog-service.pid")"
processes+=",application-service=$(cat "$run_dir/application-service.pid"),case-service=$(cat "$run_dir/case-service.pid")"
processes+=",usage-service=$(cat "$run_dir/usage-service.pid"),portal=$(cat "$run_dir/portal.pid"),kafka=$(cat "$run_dir/kafka.pid"),postgres=$postmaster"
kill=""
if $scale_out; then
    second start case-service application-service
    processes+=",case-service #2=$(cat "$run_dir/second/case-service.pid"),application-service #2=$(cat "$run_dir/second/application-service.pid")"
    kill="$(cat "$run_dir/second/case-service.pid"),$(cat "$run_dir/second/application-service.pid")"
fi

# The load generator runs on the same two cores: C1 alone compiles its little code at a fraction of the cost of C2.
java -XX:TieredStopAtLevel=1 -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "deploy/bench/target/classes:$(cat deploy/bench/target/classpath.txt)" org.amtsweg.bench.PipelineBench \
    "http://127.0.0.1:$AMTSWEG_IDENTITY_PORT" "http://127.0.0.1:$AMTSWEG_APPLICATION_PORT" "http://127.0.0.1:$AMTSWEG_CASE_PORT" \
    "$AMTSWEG_KAFKA" "jdbc:postgresql://127.0.0.1:$AMTSWEG_PG_PORT/postgres" \
    "$per_round" "$rounds" "$warmup" "$in_flight" "$clerks" "$processes" "$kill"

#!/usr/bin/env bash
# Benchmark (not a test): what clerks with their live inbox open cost case-service while nothing happens —
# its CPU per second with none connected and with N connected, and its memory. One shared reader serves
# them all, so N idle clerks should cost next to nothing. Own ports and data.
#
#   deploy/bench/inbox.sh [clerks] [seconds]     (defaults: 100 30; build first: ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh
clerks="${1:-100}" seconds="${2:-30}"
[[ -f deploy/bench/target/classpath.txt ]] || fail "the bench programs are not built; run: ./mvnw -B package -DskipTests"

export AMTSWEG_DATA_DIR="$ROOT/target/bench-inbox"
export AMTSWEG_KAFKA_PORT=29892 AMTSWEG_PG_PORT=26232 AMTSWEG_KAFKA="127.0.0.1:29892"
export AMTSWEG_RUN_DIR="$AMTSWEG_DATA_DIR/run" AMTSWEG_IDENTITY_PORT=28880 AMTSWEG_CASE_PORT=28883
export AMTSWEG_ISSUER="http://127.0.0.1:$AMTSWEG_IDENTITY_PORT"
run_dir="$AMTSWEG_RUN_DIR"
trap 'deploy/local/services.sh stop > /dev/null 2>&1 || true; deploy/local/infra.sh stop > /dev/null 2>&1 || true' EXIT

rm -rf "$AMTSWEG_DATA_DIR"
deploy/local/infra.sh start > /dev/null
deploy/local/services.sh start identity-gateway case-service
# Past its start-up work (compiling, first scheduler rounds) before the quiet period is measured.
sleep 20
java -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "deploy/bench/target/classes:$(cat deploy/bench/target/classpath.txt)" org.amtsweg.bench.IdleInboxBench \
    "$AMTSWEG_ISSUER" "http://127.0.0.1:$AMTSWEG_CASE_PORT" "$(cat "$run_dir/case-service.pid")" "$clerks" "$seconds"

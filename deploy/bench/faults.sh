#!/usr/bin/env bash
# Fault suite (a benchmark, not a test): the whole platform as command 1 starts and supervises it
# (platform.sh: durable PostgreSQL, the broker, the four services and the portal with the JVM options of
# services.sh), citizens' portals streaming complete Wohngeld submissions (each with its Idempotency-Key,
# retried on every error), and per scenario one part killed with SIGKILL in the middle of the stream and
# brought back by platform.sh's supervisor alone — case-service, application-service, the broker,
# PostgreSQL's postmaster — and poison records on both topics. Then, in the databases and through the API:
# every accepted application has exactly one case, its register check and the citizen's status RECEIVED; no
# reference number twice; the outboxes empty; the dead letters counted. Prints one table; exits non-zero on
# any loss, duplicate, stuck application, defect answer (a 5xx other than 503 with Retry-After, a 4xx),
# unanswered submission, unexpected dead letter or part that needed a hand. Own ports and data.
#
#   deploy/bench/faults.sh [submissions] [per-second] [portals] [scenario,...]
#   (defaults: 1500 50 12 case-service,application-service,broker,postgres,poison; build first: ./mvnw -B package -DskipTests)
#
# Targets (issue #19): all scenarios 0 lost, 0 duplicated, 0 stuck, no 500, no hand; a restarted consumer resumes within 5 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh
submissions="${1:-1500}" per_second="${2:-50}" portals="${3:-12}" scenarios="${4:-case-service,application-service,broker,postgres,poison}"
[[ -f deploy/bench/target/classpath.txt ]] || fail "the bench programs are not built; run: ./mvnw -B package -DskipTests"

export AMTSWEG_DATA_DIR="$ROOT/target/bench-faults"
export AMTSWEG_KAFKA_PORT=29692 AMTSWEG_PG_PORT=26032 AMTSWEG_KAFKA="127.0.0.1:29692"
export AMTSWEG_RUN_DIR="$AMTSWEG_DATA_DIR/run" AMTSWEG_IDENTITY_PORT=28680 AMTSWEG_CATALOG_PORT=28681
export AMTSWEG_APPLICATION_PORT=28682 AMTSWEG_CASE_PORT=28683 AMTSWEG_PORTAL_PORT=28684 AMTSWEG_USAGE_PORT=28685

rm -rf "$AMTSWEG_DATA_DIR"
mkdir -p "$AMTSWEG_RUN_DIR"
# Command 1 in the foreground of its own: it starts everything and then supervises it, as on a developer's machine.
deploy/local/platform.sh up > "$AMTSWEG_DATA_DIR/platform.log" 2>&1 &
platform=$!
trap 'kill -TERM $platform 2> /dev/null; wait $platform 2> /dev/null || true' EXIT
deadline=$((SECONDS + 300))
for port in $AMTSWEG_IDENTITY_PORT $AMTSWEG_CATALOG_PORT $AMTSWEG_APPLICATION_PORT $AMTSWEG_CASE_PORT $AMTSWEG_PORTAL_PORT; do
    until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1; do
        kill -0 $platform 2> /dev/null || fail "platform.sh ended during start-up; see $AMTSWEG_DATA_DIR/platform.log"
        [[ $SECONDS -lt $deadline ]] || fail "the platform was not ready within 300 s; see $AMTSWEG_DATA_DIR/platform.log"
        sleep 0.5
    done
done
say "platform up and supervised (platform.sh, log in $AMTSWEG_DATA_DIR/platform.log)"

# The load generator runs on the same two cores: C1 alone compiles its little code at a fraction of the cost of C2.
java -XX:TieredStopAtLevel=1 -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
    -cp "deploy/bench/target/classes:$(cat deploy/bench/target/classpath.txt)" org.amtsweg.bench.FaultsBench \
    "http://127.0.0.1:$AMTSWEG_IDENTITY_PORT" "http://127.0.0.1:$AMTSWEG_APPLICATION_PORT" "http://127.0.0.1:$AMTSWEG_CASE_PORT" \
    "$AMTSWEG_KAFKA" "jdbc:postgresql://127.0.0.1:$AMTSWEG_PG_PORT/" "$AMTSWEG_DATA_DIR" \
    "$submissions" "$per_second" "$portals" "$scenarios"

#!/usr/bin/env bash
# Benchmark (not a test): the portal's server-rendered pages under a few dozen concurrent users, on the
# platform as command 1 starts it (broker, durable PostgreSQL, the services and the portal, with the JVM
# options of services.sh). Citizens (eID test cards) and Hagen clerks (password) log in through the gateway's
# real login page, each with a session of her own, one after the other over LOGIN-SPREAD seconds (so that their
# sessions renew their tokens at different moments, as real users' do). Then all of them use the portal at once:
# a citizen walks the start page, a search, a service page, a form step of her Wohngeld draft, "Meine Anträge" and
# the mailbox, a clerk her inbox and a case page, each reading every page for a think time (about THINK ms,
# exponentially distributed; 0 clicks on at once and saturates the machine: capacity, not what a person waits),
# and each fetching the portal's static style sheet after her walk: the floor, measured in the same rounds.
# Prints per page p50/p90/p99/max and requests/s, its weight (HTML plus every CSS and JS it references, logo
# excluded, uncompressed) and its p99 as a multiple of the floor's. A warm-up first (no think time, not measured).
# Fails (exit 1) when a page answers anything but 200. Own ports and data.
#
#   deploy/bench/portal.sh [users] [round-s] [rounds] [warm-up-s] [think-ms] [login-spread-s]
#       (defaults: 32 60 3 60 500 240: 32 citizens and 32 clerks, about 10 minutes; build first: ./mvnw -B package -DskipTests)
#   AMTSWEG_EXTRA_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/jfr-portal/" profiles the services while it runs (the directory must exist).
#
# Targets (issue 16 "Citizens and clerks use Amtsweg in a browser", Speed): p99 < 50 ms for every page at a
# few dozen concurrent users; a page weighs < 100 KB without the logo.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh
users="${1:-32}" round_seconds="${2:-60}" rounds="${3:-3}" warmup="${4:-60}" think="${5:-500}" spread="${6:-240}"
[[ -f deploy/bench/target/classpath.txt ]] || fail "the bench programs are not built; run: ./mvnw -B package -DskipTests"

export AMTSWEG_DATA_DIR="$ROOT/target/bench-portal"
export AMTSWEG_KAFKA_PORT=30592 AMTSWEG_PG_PORT=30532 AMTSWEG_KAFKA="127.0.0.1:30592"
export AMTSWEG_RUN_DIR="$AMTSWEG_DATA_DIR/run" AMTSWEG_IDENTITY_PORT=30480 AMTSWEG_CATALOG_PORT=30481
export AMTSWEG_APPLICATION_PORT=30482 AMTSWEG_CASE_PORT=30483 AMTSWEG_PORTAL_PORT=30484 AMTSWEG_USAGE_PORT=30485
trap 'deploy/local/services.sh stop > /dev/null 2>&1 || true; deploy/local/infra.sh stop > /dev/null 2>&1 || true' EXIT

rm -rf "$AMTSWEG_DATA_DIR"
deploy/local/infra.sh start > /dev/null
deploy/local/services.sh start

# The load generator runs on the same two cores: C1 alone compiles its little code at a fraction of the cost of C2.
java -XX:TieredStopAtLevel=1 -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "deploy/bench/target/classes:$(cat deploy/bench/target/classpath.txt)" org.amtsweg.bench.PortalPagesBench \
    "http://127.0.0.1:$AMTSWEG_PORTAL_PORT" "http://127.0.0.1:$AMTSWEG_IDENTITY_PORT" "http://127.0.0.1:$AMTSWEG_APPLICATION_PORT" \
    "$users" "$round_seconds" "$rounds" "$warmup" "$think" "$spread"

#!/usr/bin/env bash
# Command 1 of the README: builds what changed, starts Kafka, PostgreSQL and the four services with
# the demo data (seed catalogue, Hagen and Dortmund, test identities, demo staff), waits until all
# are ready and prints the URLs. Ctrl-C (or 'platform.sh stop') stops everything it started; the
# data stays in .data/ and the next start resumes with it.
#
#   deploy/local/platform.sh [up]   start and stay in the foreground
#   deploy/local/platform.sh start  start and return (for scripts)
#   deploy/local/platform.sh stop | status
set -euo pipefail
source "$(dirname "$0")/lib.sh"
here="$(dirname "$0")"
modules=(event-contracts identity-gateway catalog-service application-service case-service deploy/infra)

build_if_needed() {
    local stale=""
    for module in identity-gateway catalog-service application-service case-service; do
        local jar="$ROOT/$module/target/quarkus-app/quarkus-run.jar"
        if [[ ! -f "$jar" ]] || [[ -n "$(find "$ROOT/$module/src/main" "$ROOT/$module/pom.xml" "$ROOT/event-contracts/src/main" -newer "$jar" -print -quit)" ]]; then
            stale="$stale $module"
        fi
    done
    if [[ -n "$stale" || ! -f "$ROOT/deploy/infra/target/classpath.txt" ]]; then
        say "building:${stale:- infrastructure launcher} (about 2 minutes the first time)"
        (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl "$(IFS=,; echo "${modules[*]}")" -am) \
            || fail "the build failed; run ./mvnw -B package -DskipTests to see why"
    fi
}

start() {
    require_java
    build_if_needed
    "$here/infra.sh" start
    "$here/services.sh" start
    cat <<URLS

Amtsweg is running (profile 'local', demo data):
  identity gateway   http://127.0.0.1:8080/.well-known/openid-configuration
  catalogue          http://127.0.0.1:8081/services?q=Wohngeld&ags=05914000
  intake             http://127.0.0.1:8082/q/swagger-ui
  cases              http://127.0.0.1:8083/q/swagger-ui
  Kafka              127.0.0.1:9092      PostgreSQL  127.0.0.1:5432 (user postgres)
  logs               .data/run/*.log
The README's quick tour walks one application through all four services with curl.
URLS
}

stop() {
    "$here/services.sh" stop
    "$here/infra.sh" stop
}

case "${1:-up}" in
    up)
        trap 'echo; stop; exit 0' INT TERM
        start
        say "press Ctrl-C to stop everything (data is kept in .data/)"
        while true; do sleep 2; done
        ;;
    start) start ;;
    stop) stop ;;
    status)
        "$here/infra.sh" status
        "$here/services.sh" status
        ;;
    *) fail "usage: platform.sh [up|start|stop|status]" ;;
esac

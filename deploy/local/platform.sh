#!/usr/bin/env bash
# Command 1 of the README: builds what changed, starts Kafka, PostgreSQL, the services and the portal with
# the demo data (seed catalogue, Hagen and Dortmund, test identities, demo staff), waits until all
# are ready and prints the URLs. Ctrl-C (or 'platform.sh stop') stops everything it started; the
# data stays in .data/ and the next start resumes with it.
#
#   deploy/local/platform.sh [up]   start and stay in the foreground, restarting a part that dies
#   deploy/local/platform.sh start  start and return (for scripts)
#   deploy/local/platform.sh stop | status
set -euo pipefail
source "$(dirname "$0")/lib.sh"
here="$(dirname "$0")"
modules=(event-contracts messaging resource-server identity-gateway catalog-service application-service case-service usage-service portal deploy/infra)

build_if_needed() {
    local stale=""
    for module in identity-gateway catalog-service application-service case-service usage-service portal; do
        local jar="$ROOT/$module/target/quarkus-app/quarkus-run.jar"
        if [[ ! -f "$jar" ]] || [[ -n "$(find "$ROOT/$module/src/main" "$ROOT/$module/pom.xml" "$ROOT/event-contracts/src/main" "$ROOT/resource-server/src/main" "$ROOT/messaging/src/main" -newer "$jar" -print -quit)" ]]; then
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
    # A start that fails half-way leaves nothing behind: what did start is stopped again, the data stays.
    trap 'say "the start failed; stopping what was started"; stop > /dev/null 2>&1 || true' EXIT
    "$here/infra.sh" start
    "$here/services.sh" start
    trap - EXIT
    cat <<URLS

Amtsweg is running (profile 'local', demo data):
  citizen portal     http://127.0.0.1:8084/            (erika: eID test card, PIN 123456)
  clerk workspace    http://127.0.0.1:8084/sachbearbeitung   (clerk.hagen / Hagen-Demo-2026)
  identity gateway   http://127.0.0.1:8080/.well-known/openid-configuration
  catalogue          http://127.0.0.1:8081/services?q=Wohngeld&ags=05914000
  intake             http://127.0.0.1:8082/q/swagger-ui
  cases              http://127.0.0.1:8083/q/swagger-ui
  usage              http://127.0.0.1:8085/q/swagger-ui   (GET /usage?month=…, role admin)
  Kafka              127.0.0.1:9092      PostgreSQL  127.0.0.1:5432 (user postgres)
  logs               .data/run/*.log
The README's quick tour walks one application through the portal, then through the APIs with curl.
URLS
}

stop() {
    "$here/services.sh" stop
    "$here/infra.sh" stop
}

# A process supervisor's job, for the parts started here: a part that dies (killed, crashed) is started
# again with the same scripts, at most $max_restarts times per part within ten minutes — a part that
# keeps dying needs a person, not a loop. Each restart is logged with the last lines of the dead part's log.
max_restarts=5
supervise() {
    local run_dir="${AMTSWEG_DATA_DIR:-$ROOT/.data}/run"
    declare -A restarts=() window_start=()
    local infra=(kafka) services=(identity-gateway catalog-service application-service case-service usage-service portal)
    [[ -z "${AMTSWEG_PG_HOST:-}" ]] && infra=(postgres kafka)
    while true; do
        sleep 2
        # The infrastructure first: a service cannot become ready while its database or broker is down,
        # so services are only restarted once both answer (a restart before would only count against the bound).
        restart_dead "$run_dir" infra.sh "${infra[@]}"
        infra_answers || continue
        restart_dead "$run_dir" services.sh "${services[@]}"
    done
}

infra_answers() {
    port_in_use "${AMTSWEG_KAFKA_PORT:-9092}" || return 1
    [[ -n "${AMTSWEG_PG_HOST:-}" ]] || port_in_use "${AMTSWEG_PG_PORT:-5432}"
}

# restart_dead RUN_DIR SCRIPT PART... — starts again, with SCRIPT, each PART that is dead and has restarts left.
restart_dead() {
    local run_dir="$1" script="$2"; shift 2
    local dead=()
    for part in "$@"; do
        [[ -f "$run_dir/$part.pid" ]] && kill -0 "$(cat "$run_dir/$part.pid")" 2> /dev/null && continue
        if (( SECONDS - ${window_start[$part]:-0} > 600 )); then window_start[$part]=$SECONDS; restarts[$part]=0; fi
        if (( ${restarts[$part]:-0} >= max_restarts )); then
            (( ${restarts[$part]} == max_restarts )) \
                && say "$part died $max_restarts times within ten minutes; not restarting it again (see $run_dir/$part.log*)"
            restarts[$part]=$((max_restarts + 1))
            continue
        fi
        restarts[$part]=$(( ${restarts[$part]:-0} + 1 ))
        say "$part is not running; restarting it (${restarts[$part]} of $max_restarts); its last log lines:"
        tail -n 5 "$run_dir/$part.log" >&2 2> /dev/null || true
        dead+=("$part")
    done
    (( ${#dead[@]} > 0 )) || return 0
    if [[ "$script" == services.sh ]]; then
        "$here/services.sh" start "${dead[@]}" || say "restarting ${dead[*]} failed; trying again"
    else
        "$here/infra.sh" start || say "restarting ${dead[*]} failed; trying again"
    fi
}

case "${1:-up}" in
    up)
        trap 'echo; stop; exit 0' INT TERM
        start
        say "press Ctrl-C to stop everything (data is kept in .data/); a part that dies is restarted"
        supervise
        ;;
    start) start ;;
    stop) stop ;;
    status)
        "$here/infra.sh" status
        "$here/services.sh" status
        ;;
    *) fail "usage: platform.sh [up|start|stop|status]" ;;
esac

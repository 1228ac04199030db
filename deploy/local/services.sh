#!/usr/bin/env bash
# Starts or stops the Amtsweg services and the portal from their built jars, in dependency order, and waits
# until each one reports ready. Used by platform.sh (local use) and by the end-to-end tests.
#
#   deploy/local/services.sh start [NAME...] | stop | status
#
# 'start' with names starts only those (in dependency order) and waits only for them: the platform's
# supervisor restarts a dead service without waiting on the ones that run.
#
# Environment (defaults in brackets): AMTSWEG_RUN_DIR [.data/run], AMTSWEG_PROFILE [local],
# AMTSWEG_IDENTITY_PORT [8080], AMTSWEG_CATALOG_PORT [8081], AMTSWEG_APPLICATION_PORT [8082],
# AMTSWEG_CASE_PORT [8083], AMTSWEG_PORTAL_PORT [8084], AMTSWEG_USAGE_PORT [8085], AMTSWEG_KAFKA [127.0.0.1:9092], AMTSWEG_PG_HOST/PORT/USER/PASSWORD,
# AMTSWEG_JVM_OPTS [the options below], AMTSWEG_EXTRA_JVM_OPTS [none; e.g. a flight recording for a benchmark].
set -euo pipefail
source "$(dirname "$0")/lib.sh"

run_dir="${AMTSWEG_RUN_DIR:-$ROOT/.data/run}"
profile="${AMTSWEG_PROFILE:-local}"
export AMTSWEG_IDENTITY_PORT="${AMTSWEG_IDENTITY_PORT:-8080}"
export AMTSWEG_CATALOG_PORT="${AMTSWEG_CATALOG_PORT:-8081}"
export AMTSWEG_APPLICATION_PORT="${AMTSWEG_APPLICATION_PORT:-8082}"
export AMTSWEG_CASE_PORT="${AMTSWEG_CASE_PORT:-8083}"
export AMTSWEG_PORTAL_PORT="${AMTSWEG_PORTAL_PORT:-8084}"
export AMTSWEG_USAGE_PORT="${AMTSWEG_USAGE_PORT:-8085}"
export AMTSWEG_ISSUER="${AMTSWEG_ISSUER:-http://127.0.0.1:$AMTSWEG_IDENTITY_PORT}"
export AMTSWEG_CATALOG_URL="${AMTSWEG_CATALOG_URL:-http://127.0.0.1:$AMTSWEG_CATALOG_PORT}"
export AMTSWEG_APPLICATION_URL="${AMTSWEG_APPLICATION_URL:-http://127.0.0.1:$AMTSWEG_APPLICATION_PORT}"
export AMTSWEG_CASE_URL="${AMTSWEG_CASE_URL:-http://127.0.0.1:$AMTSWEG_CASE_PORT}"
# The portal's public address: the gateway registers its callbacks under it.
export AMTSWEG_PORTAL_URL="${AMTSWEG_PORTAL_URL:-http://127.0.0.1:$AMTSWEG_PORTAL_PORT}"
services=(identity-gateway catalog-service application-service case-service usage-service portal)
# Small heaps and the serial collector: each service stays near 200 MB resident on 2 cores. The
# benchmarks start the services through this script, so they measure with the options users run.
# Two malloc arenas instead of eight per core: the JVM's native allocations come from few threads, and each
# arena holds memory of its own (about 10 MB less per service at rest, measured on the gateway).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
jvm_opts="${AMTSWEG_JVM_OPTS:--Xms32m -Xmx192m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -Xss512k -XX:ReservedCodeCacheSize=64m}"

port_of() {
    case "$1" in
        identity-gateway) echo "$AMTSWEG_IDENTITY_PORT" ;;
        catalog-service) echo "$AMTSWEG_CATALOG_PORT" ;;
        application-service) echo "$AMTSWEG_APPLICATION_PORT" ;;
        case-service) echo "$AMTSWEG_CASE_PORT" ;;
        portal) echo "$AMTSWEG_PORTAL_PORT" ;;
        usage-service) echo "$AMTSWEG_USAGE_PORT" ;;
    esac
}

start_service() {
    local name="$1" port; port="$(port_of "$1")"
    if is_running "$name"; then say "$name already running on port $port"; return; fi
    local jar="$ROOT/$name/target/quarkus-app/quarkus-run.jar"
    [[ -f "$jar" ]] || fail "$name is not built ($jar missing); run: ./mvnw -B package -DskipTests"
    require_free_port "$port" "$name"
    mkdir -p "$run_dir"
    rotate_log "$run_dir/$name.log"
    # The class-data archive the build wrote for this jar, if any: the JVM maps the classes instead of loading them
    # (ignored with a warning if it does not fit this JVM). It records the class path as the build ran the jar, from
    # its own directory, so the jar is started from there too.
    local app_dir log cds=""
    app_dir="$(dirname "$jar")"
    log="$(cd "$run_dir" && pwd)/$name.log"
    [[ -f "$app_dir/app-cds.jsa" ]] && cds="-XX:SharedArchiveFile=app-cds.jsa"
    # The instance's name, the same at every restart: its consumers rejoin their groups as the members they were
    # and take their partitions up at once (messaging's ConsumerResumption). Host and port: unique per instance.
    local instance="${AMTSWEG_INSTANCE_ID:-${HOSTNAME:-$(uname -n)}-$port}"
    # shellcheck disable=SC2086 # the options are words
    (cd "$app_dir" && export AMTSWEG_INSTANCE_ID="$instance" \
        && exec nohup java $jvm_opts $cds ${AMTSWEG_EXTRA_JVM_OPTS:-} -Dquarkus.profile="$profile" -jar quarkus-run.jar >> "$log" 2>&1) &
    echo $! > "$run_dir/$name.pid"
}

wait_ready() {
    local name="$1" port; port="$(port_of "$1")"
    local deadline=$((SECONDS + 120))
    until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1; do
        kill -0 "$(cat "$run_dir/$name.pid")" 2> /dev/null || fail "$name exited during start-up; see $run_dir/$name.log"
        [[ $SECONDS -lt $deadline ]] || fail "$name was not ready within 120 s; see $run_dir/$name.log"
        sleep 0.1
    done
    say "$name ready on http://127.0.0.1:$port"
}

case "${1:-status}" in
    start)
        require_java
        command -v curl > /dev/null || fail "curl is required to wait for readiness"
        if [[ $# -gt 1 ]]; then
            for name in "${services[@]}"; do
                [[ " ${*:2} " == *" $name "* ]] || continue
                start_service "$name"
                wait_ready "$name"
            done
            exit 0
        fi
        # The gateway first: the others fetch its discovery document and keys when they start.
        start_service identity-gateway
        wait_ready identity-gateway
        start_service catalog-service
        start_service case-service
        wait_ready catalog-service
        start_service application-service
        start_service portal
        wait_ready case-service
        wait_ready application-service
        # Usage only consumes: it starts once the services whose events it counts run, and nothing waits on it.
        start_service usage-service
        wait_ready portal
        wait_ready usage-service
        ;;
    stop)
        for ((i = ${#services[@]} - 1; i >= 0; i--)); do stop_process "${services[$i]}"; done
        ;;
    status)
        for name in "${services[@]}"; do
            if is_running "$name"; then echo "$name: running (pid $(cat "$run_dir/$name.pid"), port $(port_of "$name"))"; else echo "$name: stopped"; fi
        done
        ;;
    *)
        fail "usage: services.sh start|stop|status"
        ;;
esac

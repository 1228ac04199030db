#!/usr/bin/env bash
# Local infrastructure for Amtsweg: a real Apache Kafka broker (KRaft, one combined node) and a real
# PostgreSQL server (the one named by AMTSWEG_PG_HOST, else an embedded one the project starts).
#
#   deploy/local/infra.sh start [--test]   start what is not running yet, wait until it is ready
#   deploy/local/infra.sh stop  [--test]   stop what this script started (data is kept)
#   deploy/local/infra.sh status [--test]
#
# --test uses separate ports (Kafka 19092, PostgreSQL 15432) and a fresh data directory under
# target/, so running the tests never touches the data of a locally running platform.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

command="${1:-status}"
mode="${2:-}"
if [[ "$mode" == "--test" ]]; then
    # AMTSWEG_TEST_DATA_DIR with the two port variables lets several test runs share one machine.
    data_dir="${AMTSWEG_TEST_DATA_DIR:-$ROOT/target/test-infra}"
    kafka_port="${AMTSWEG_TEST_KAFKA_PORT:-19092}"
    controller_port=$((kafka_port + 1))
    pg_port="${AMTSWEG_TEST_PG_PORT:-15432}"
    db_suffix="_test"
    # The test suite's data is wiped after each run: no fsync there, for speed (LocalPostgres explains).
    pg_durability="-Damtsweg.postgres.durable=false"
else
    data_dir="${AMTSWEG_DATA_DIR:-$ROOT/.data}"
    kafka_port="${AMTSWEG_KAFKA_PORT:-9092}"
    controller_port=$((kafka_port + 1))
    pg_port="${AMTSWEG_PG_PORT:-5432}"
    db_suffix=""
    pg_durability="-Damtsweg.postgres.durable=true"
fi
databases=(amtsweg_identity amtsweg_catalog amtsweg_application amtsweg_case amtsweg_usage)
if [[ -n "$db_suffix" ]]; then
    # Test runs need both: one database per service for its @QuarkusTest, one for the end-to-end platform.
    databases+=(amtsweg_identity_test amtsweg_catalog_test amtsweg_application_test amtsweg_case_test amtsweg_usage_test amtsweg_messaging_test)
    # The end-to-end federation test runs a second gateway as the upstream provider, with its own database.
    databases+=(amtsweg_identity_upstream)
fi
run_dir="$data_dir/run"

infra_classpath() {
    local cp_file="$ROOT/deploy/infra/target/classpath.txt"
    if [[ ! -f "$cp_file" || ! -d "$ROOT/deploy/infra/target/classes" ]]; then
        say "building the infrastructure launcher (first run only)"
        (cd "$ROOT" && ./mvnw -B -q -pl deploy/infra -am package -DskipTests) >&2
    fi
    echo "$ROOT/deploy/infra/target/classes:$(cat "$cp_file")"
}

start_kafka() {
    if is_running kafka && port_in_use "$kafka_port"; then say "Kafka already running on 127.0.0.1:$kafka_port"; return; fi
    # A process that is alive but does not answer is no broker: stop it, then start afresh.
    is_running kafka && { say "Kafka's process does not answer on $kafka_port; restarting it"; stop_process kafka; }
    require_free_port "$kafka_port" "Kafka"
    require_free_port "$controller_port" "the Kafka controller"
    local cp; cp="$(infra_classpath)"
    mkdir -p "$data_dir/kafka" "$run_dir"
    cat > "$run_dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$kafka_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$kafka_port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$data_dir/kafka
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
    if [[ ! -f "$data_dir/kafka/meta.properties" ]]; then
        local cluster_id
        cluster_id="$(java -cp "$cp" kafka.tools.StorageTool random-uuid)"
        java -cp "$cp" kafka.tools.StorageTool format --standalone -t "$cluster_id" \
            -c "$run_dir/server.properties" > "$run_dir/kafka-format.log" 2>&1 \
            || fail "formatting Kafka's storage failed; see $run_dir/kafka-format.log"
    fi
    say "starting Kafka on 127.0.0.1:$kafka_port"
    # C1 only: on a developer's machine or a CI runner the broker shares two or four cores with everything
    # else, and C2 kept one of them busy for minutes after start compiling Kafka's request path, while the
    # code C1 makes at once handles a produce request for about a tenth more than C2's (deploy/bench/intake.sh,
    # measured). AMTSWEG_KAFKA_JVM_OPTS adds options, e.g. a flight recording.
    rotate_log "$run_dir/kafka.log"
    nohup java -Xms256m -Xmx512m -XX:+UseG1GC -XX:TieredStopAtLevel=1 ${AMTSWEG_KAFKA_JVM_OPTS:-} -Dlog4j2.configurationFile=classpath:log4j2.properties \
        -cp "$cp" kafka.Kafka "$run_dir/server.properties" > "$run_dir/kafka.log" 2>&1 &
    echo $! > "$run_dir/kafka.pid"
    wait_for_port "$kafka_port" 90 "Kafka" "$run_dir/kafka.log"
    java -cp "$cp" org.amtsweg.infra.KafkaTopics "127.0.0.1:$kafka_port" \
        || fail "creating the Kafka topics failed"
}

start_postgres() {
    local cp; cp="$(infra_classpath)"
    if [[ -n "${AMTSWEG_PG_HOST:-}" ]]; then
        say "using the PostgreSQL server at $AMTSWEG_PG_HOST:${AMTSWEG_PG_PORT:-5432}"
        java -cp "$cp" org.amtsweg.infra.DatabaseProvisioner "$AMTSWEG_PG_HOST" "${AMTSWEG_PG_PORT:-5432}" \
            "${AMTSWEG_PG_USER:-postgres}" "${AMTSWEG_PG_PASSWORD:-}" "${databases[@]}"
        return
    fi
    if is_running postgres && port_in_use "$pg_port"; then say "PostgreSQL already running on 127.0.0.1:$pg_port"; return; fi
    is_running postgres && { say "PostgreSQL's launcher does not answer on $pg_port; restarting it"; stop_process postgres; }
    mkdir -p "$run_dir"
    say "starting embedded PostgreSQL on 127.0.0.1:$pg_port"
    rotate_log "$run_dir/postgres.log"
    nohup java -Xmx128m -XX:+UseSerialGC $pg_durability -Dlog4j2.configurationFile=classpath:log4j2.properties \
        -cp "$cp" org.amtsweg.infra.LocalPostgres "$data_dir/postgres" "$pg_port" "${databases[@]}" \
        > "$run_dir/postgres.log" 2>&1 &
    echo $! > "$run_dir/postgres.pid"
    wait_for_log_line "$run_dir/postgres.log" "PostgreSQL ready" 120 "PostgreSQL" "$run_dir/postgres.pid"
}

case "$command" in
    start)
        require_java
        if [[ "$mode" == "--test" ]]; then
            # Tests start from nothing, so that no earlier run's data can make them pass or fail.
            stop_process postgres; stop_process kafka
            rm -rf "$data_dir/kafka" "$data_dir/postgres"
        fi
        start_postgres
        start_kafka
        ;;
    stop)
        stop_process kafka
        stop_process postgres
        ;;
    status)
        for name in kafka postgres; do
            if is_running "$name"; then echo "$name: running (pid $(cat "$run_dir/$name.pid"))"; else echo "$name: stopped"; fi
        done
        ;;
    *)
        fail "usage: infra.sh start|stop|status [--test]"
        ;;
esac

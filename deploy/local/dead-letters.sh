#!/usr/bin/env bash
# The dead-letter topics: `dead-letters.sh list TOPIC` shows what waits there (type, id, where from, why);
# `dead-letters.sh redrive TOPIC` sends each waiting event back to the topic it came from, once the cause
# is fixed (each event once: the progress is a consumer group per dead-letter topic).
# The broker: AMTSWEG_KAFKA [127.0.0.1:9092]. Dead-letter topics: case-service.applications.dlq,
# application-service.cases.dlq, application-service.identity.dlq, case-service.identity.dlq.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_java
[[ $# -eq 2 && ( "$1" == list || "$1" == redrive ) ]] || fail "usage: $0 list|redrive DEAD-LETTER-TOPIC"
cp_file="$ROOT/deploy/infra/target/classpath.txt"
if [[ ! -f "$cp_file" || ! -d "$ROOT/deploy/infra/target/classes" ]]; then
    (cd "$ROOT" && ./mvnw -B -q -pl deploy/infra -am package -DskipTests) >&2
fi
exec java -cp "$ROOT/deploy/infra/target/classes:$(cat "$cp_file")" org.amtsweg.infra.DeadLetters "${AMTSWEG_KAFKA:-127.0.0.1:9092}" "$1" "$2"

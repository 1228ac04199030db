#!/usr/bin/env bash
# Command 2 of the README: runs every test. Starts a fresh Kafka broker and PostgreSQL on test ports
# (19092, 15432; data under target/, wiped each run), builds all modules, runs each service's tests
# and then the end-to-end tests against the four running services, and stops the infrastructure.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
here="$(dirname "$0")"

require_java
cd "$ROOT"
./mvnw -B -q install -N -DskipTests
./mvnw -B -q package -pl deploy/infra -am -DskipTests
"$here/infra.sh" start --test
trap '"$here/infra.sh" stop --test' EXIT
./mvnw -B verify "$@"

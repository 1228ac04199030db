#!/usr/bin/env bash
# Command 2 of the README: runs every test. Starts a fresh Kafka broker and PostgreSQL on test ports
# (19092, 15432; data under target/, wiped each run), builds all modules, runs each service's tests,
# the Kubernetes manifests check and then the end-to-end tests against the four running services and the
# portal (in Debian's Chromium, which it installs with apt-get where it is missing), and stops the infrastructure.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
here="$(dirname "$0")"

require_java
require_chromium
cd "$ROOT"
# The Kubernetes manifests check (deploy/kubernetes-check) renders the overlays with kubectl's kustomize (the kubectl
# on the PATH, or KUBECTL, else Debian's kubernetes-client) and issues its database TLS check's certificates with openssl.
[[ -n "${KUBECTL:-}" ]] || require_debian_packages "the Kubernetes manifests check" kubectl -- kubernetes-client
require_debian_packages "the database TLS check" openssl -- openssl
./mvnw -B -q install -N -DskipTests
./mvnw -B -q package -pl deploy/infra -am -DskipTests
"$here/infra.sh" start --test
trap '"$here/infra.sh" stop --test' EXIT
./mvnw -B verify "$@"

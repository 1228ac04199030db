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
# The Kubernetes manifests check (deploy/kubernetes-check) renders the overlays with kubectl's kustomize: the
# kubectl on the PATH (or KUBECTL), else Debian's kubernetes-client, whose kustomize reads the manifests too.
if [[ -z "${KUBECTL:-}" ]] && ! command -v kubectl > /dev/null; then
    say "installing kubectl (Debian's kubernetes-client) for the Kubernetes manifests check"
    sudo_if_needed=(); [[ $EUID -eq 0 ]] || sudo_if_needed=(sudo)
    { "${sudo_if_needed[@]}" apt-get install -y -q kubernetes-client > /dev/null 2>&1 \
        || { "${sudo_if_needed[@]}" apt-get update -q > /dev/null && "${sudo_if_needed[@]}" apt-get install -y -q kubernetes-client > /dev/null; }; } \
        || fail "kubectl is missing and could not be installed: apt-get install kubernetes-client (or set KUBECTL)"
fi
./mvnw -B -q install -N -DskipTests
./mvnw -B -q package -pl deploy/infra -am -DskipTests
"$here/infra.sh" start --test
trap '"$here/infra.sh" stop --test' EXIT
./mvnw -B verify "$@"

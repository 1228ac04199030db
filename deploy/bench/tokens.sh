#!/usr/bin/env bash
# Benchmark (not a test): client-credentials token issuance of the identity gateway — tokens per
# second and latency percentiles at 32 connections, and the gateway's memory afterwards. Starts its
# own broker, database and gateway on separate ports; a running platform is not touched.
#
#   deploy/bench/tokens.sh [seconds]     (build first: ./mvnw -B package -DskipTests; needs wrk: apt-get install wrk)
#
# Target (issue "identity-gateway"): >= 1,300 tokens/s at 32 connections, p99 <= 60 ms, <= 200 MB resident.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh
command -v wrk > /dev/null || fail "wrk is needed: apt-get install wrk"
duration="${1:-30}"

export AMTSWEG_DATA_DIR="$ROOT/target/bench-tokens"
export AMTSWEG_KAFKA_PORT=29192 AMTSWEG_PG_PORT=25532 AMTSWEG_KAFKA="127.0.0.1:29192"
export AMTSWEG_RUN_DIR="$AMTSWEG_DATA_DIR/run" AMTSWEG_IDENTITY_PORT=28180
run_dir="$AMTSWEG_RUN_DIR"
trap 'stop_process identity-gateway; deploy/local/infra.sh stop > /dev/null 2>&1 || true' EXIT

rm -rf "$AMTSWEG_DATA_DIR"
deploy/local/infra.sh start > /dev/null
mkdir -p "$run_dir"
deploy/local/services.sh start identity-gateway

script="$run_dir/client-credentials.lua"
cat > "$script" <<'LUA'
wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic YXBwbGljYXRpb24tc2VydmljZTpsb2NhbC1hcHBsaWNhdGlvbi1zZWNyZXQ="
response = function(status, headers, body)
  if status ~= 200 then wrk.thread:stop() end
end
LUA
url="http://127.0.0.1:$AMTSWEG_IDENTITY_PORT/token"
curl -sf -u application-service:local-application-secret -d grant_type=client_credentials "$url" > /dev/null \
    || fail "the gateway does not issue client-credentials tokens"
say "warming up (10 s)"
wrk -t2 -c32 -d10s -s "$script" "$url" > /dev/null
say "measuring ($duration s, 32 connections)"
wrk -t2 -c32 -d"${duration}s" --latency -s "$script" "$url" | tee "$run_dir/wrk.txt"
pss=$(awk '/^Pss:/ {printf "%d", $2 / 1024}' "/proc/$(cat "$run_dir/identity-gateway.pid")/smaps_rollup")
echo
echo "client_credentials: $(awk '/Requests\/sec/ {print $2}' "$run_dir/wrk.txt") tokens/s," \
     "p50 $(awk '$1 == "50%" {print $2}' "$run_dir/wrk.txt"), p99 $(awk '$1 == "99%" {print $2}' "$run_dir/wrk.txt"), gateway ${pss} MB (PSS)"

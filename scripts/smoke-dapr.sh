#!/usr/bin/env bash
# End to end in Dapr mode for a machine with Dapr and Docker: brokers up, three services with sidecars, the seed
# document's job in through Kafka, its result out with the same key, and the job's trace in Zipkin.
# Usage: scripts/smoke-dapr.sh [--keep]   (--keep leaves services and brokers running)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in dapr docker kcat curl jq; do
  command -v "$tool" >/dev/null || { echo "smoke-dapr: needs $tool on PATH" >&2; exit 2; }
done
docker ps --format '{{.Names}}' | grep -qx dapr_placement || { echo "smoke-dapr: run 'dapr init' first" >&2; exit 2; }

log=$(mktemp -t runwire-dapr.XXXX.log)
cleanup() {
  if [[ "${1:-}" != "--keep" ]]; then
    dapr stop -f dapr/ >/dev/null 2>&1 || true
    docker compose -f dapr/compose.yaml down >/dev/null 2>&1 || true
  fi
}
trap 'cleanup "${KEEP:-}"' EXIT
[[ "${1:-}" == "--keep" ]] && KEEP=--keep

docker stop dapr_redis dapr_zipkin >/dev/null 2>&1 || true
docker compose -f dapr/compose.yaml up -d
echo "waiting for Kafka..."
for _ in $(seq 60); do
  docker compose -f dapr/compose.yaml exec -T kafka /opt/kafka/bin/kafka-topics.sh --bootstrap-server localhost:9092 --list >/dev/null 2>&1 && break
  sleep 2
done
for topic in designer_initialize_job designer_job_result designer_initialize_job_dead_letter; do
  docker compose -f dapr/compose.yaml exec -T kafka /opt/kafka/bin/kafka-topics.sh --bootstrap-server localhost:9092 \
    --create --if-not-exists --topic "$topic" --partitions 3 --replication-factor 1 >/dev/null
done

# Authentication stays on: every daprd sends this token to its app, and every app checks it (docs/security.md).
APP_API_TOKEN=$(openssl rand -base64 24)
export APP_API_TOKEN
echo "starting ingest, executor and adapters with their sidecars (log: $log)"
dapr run -f dapr/ >"$log" 2>&1 &
for port in 5101 5102 5103; do
  for _ in $(seq 120); do curl -fs "http://localhost:$port/healthz/ready" >/dev/null && break; sleep 2; done
  curl -fs "http://localhost:$port/healthz/ready" >/dev/null || { echo "smoke-dapr: service on $port did not become ready" >&2; tail -50 "$log"; exit 1; }
done
sleep 5 # let ingest's sidecar subscribe

key="smoke_$(date +%s)"
trace=$(openssl rand -hex 16)
printf '%s:%s\n' "$key" "$(tr -d '\n' < examples/rul-legacy.json)" \
  | kcat -b localhost:9092 -t designer_initialize_job -P -K: -H "traceparent=00-$trace-$(openssl rand -hex 8)-01"
echo "sent the seed job with key $key and trace $trace"

result=""
for _ in $(seq 60); do
  result=$(kcat -b localhost:9092 -t designer_job_result -C -o beginning -e -q -f '%k\t%s\n' 2>/dev/null | awk -F'\t' -v k="$key" '$1 == k { print $2 }' | tail -1)
  [[ -n "$result" ]] && break
  sleep 2
done
[[ -n "$result" ]] || { echo "smoke-dapr: no result with key $key" >&2; tail -80 "$log"; exit 1; }
status=$(jq -r .result <<<"$result")
echo "result for $key: $status, intercept $(jq -r .output_results_by_output_name.intercept <<<"$result")"
[[ "$status" == "ok" ]] || { echo "$result" | jq . >&2; exit 1; }

sleep 5 # sidecars flush spans in batches
services=$(curl -fs "http://localhost:9411/api/v2/trace/$trace" | jq -r '[.[].localEndpoint.serviceName] | unique | join(",")')
echo "trace $trace in Zipkin: $services  (http://localhost:9411/zipkin/traces/$trace)"
[[ "$services" == *ingest* && "$services" == *executor* ]] || { echo "smoke-dapr: the trace lacks ingest or executor spans" >&2; exit 1; }
echo "smoke-dapr: ok"

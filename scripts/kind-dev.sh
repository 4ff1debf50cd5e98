#!/usr/bin/env bash
# Builds the four images, loads them into a kind cluster and applies the dev overlay (docs/deploy.md).
# Needs docker, kind, kubectl and a cluster with Dapr's control plane (dapr init -k, or its Helm chart).
#   scripts/kind-dev.sh [cluster-name]      (default: kind)
set -euo pipefail
cluster=${1:-kind}
cd "$(dirname "$0")/.."
for service in ingest executor adapters runwire; do
  docker build -f "services/$service/Dockerfile" -t "runwire/$service:dev" .
  kind load docker-image "runwire/$service:dev" --name "$cluster"
done
kubectl apply -k k8s/overlays/dev
kubectl -n runwire-dev rollout status deployment/ingest deployment/executor deployment/adapters --timeout=5m

#!/usr/bin/env bash
# Checks k8s/ offline, after a build (./mall test runs it):
#  1. the generated parts of k8s/base are what the build generates now (k8s/render.sh into a
#     scratch directory, compared with the committed files);
#  2. both overlays render with kustomize (kubectl kustomize; Debian's kubernetes-client when there
#     is no kubectl);
#  3. the rendered objects pass the Kubernetes schemas, the Ingress routes exactly infra/routes.tsv,
#     and alerts and dashboards name only metrics the services export (validate.mjs, with the npm
#     packages kubernetes-models, @kubernetes-models/prometheus-operator and yaml, installed once
#     into $MALL_HOME/cache/k8s-check).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

fail() { printf 'k8s check: %s\n' "$*" >&2; exit 1; }

# shellcheck source=k8s/tools.sh
. "$ROOT/k8s/tools.sh"
k8s_tools || fail "the npm packages it needs could not be installed"

# 1. generated, not edited
"$ROOT/k8s/render.sh" "$SCRATCH/base"
drift=""
for file in "$SCRATCH"/base/services/*.yaml "$SCRATCH/base/ingress.yaml" "$SCRATCH/base/view-jobs.yaml"; do
  committed="$ROOT/k8s/base/${file#"$SCRATCH/base/"}"
  if ! cmp -s "$file" "$committed"; then
    drift+=" ${committed#"$ROOT/"}"
    diff -u "$committed" "$file" | head -n 40 >&2 || true
  fi
done
[ -z "$drift" ] || fail "these differ from what the build generates (run k8s/render.sh and commit):$drift"

# 2. kustomize
# any kubectl renders these kustomizations (Debian's kubernetes-client too)
command -v kubectl >/dev/null || k8s_install kubernetes-client || fail "kubectl is needed to render k8s/overlays"
for overlay in dev prod; do
  kubectl kustomize "$ROOT/k8s/overlays/$overlay" >"$SCRATCH/$overlay.yaml" || fail "k8s/overlays/$overlay does not render"
done

# 3. schemas, routes, metric names
for overlay in dev prod; do
  echo "k8s/overlays/$overlay:"
  node "$K8S_TOOLS/validate.mjs" --routes "$ROOT/infra/routes.tsv" --sources "$ROOT" "$SCRATCH/$overlay.yaml"
done

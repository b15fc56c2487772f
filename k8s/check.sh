#!/usr/bin/env bash
# Checks k8s/ offline, after a build (./mall test runs it):
#  1. the generated parts of k8s/base are what the build generates now (k8s/render.sh into a
#     scratch directory, compared with the committed files);
#  2. both overlays render with kustomize (kubectl kustomize; Debian's kubernetes-client when there
#     is no kubectl);
#  3. the rendered objects pass the Kubernetes schemas, the Ingress routes exactly infra/routes.tsv,
#     and alerts and dashboards name only metrics the services export (validate.mjs, with the npm
#     packages kubernetes-models, @kubernetes-models/prometheus-operator and yaml, installed once
#     into $MALL_HOME/cache/k8s-check);
#  4. the Helm chart k8s/helm/mall lints strictly and renders (helm-java, Helm's own library, from
#     k8s/helm-check), with its defaults and with the prod overlay's values, and what it renders
#     passes the same validation.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

fail() { printf 'k8s check: %s\n' "$*" >&2; exit 1; }

# shellcheck source=k8s/tools.sh
. "$ROOT/k8s/tools.sh"
k8s_tools || fail "the npm packages it needs could not be installed"

# 1. generated, not edited
"$ROOT/k8s/render.sh" "$SCRATCH/base" "$SCRATCH/chart"
drift=""
# compare <generated file> <committed file>: notes and shows a difference
compare() {
  if ! cmp -s "$1" "$2"; then
    drift+=" ${2#"$ROOT/"}"
    diff -u "$2" "$1" | head -n 40 >&2 || true
  fi
}
for file in "$SCRATCH"/base/services/*.yaml "$SCRATCH/base/ingress.yaml" "$SCRATCH/base/view-jobs.yaml"; do
  compare "$file" "$ROOT/k8s/base/${file#"$SCRATCH/base/"}"
done
committed_chart=$(cd "$ROOT/k8s/helm/mall" && find charts templates -type f | sort)
rendered_chart=$(cd "$SCRATCH/chart" && find charts templates -type f | sort)
[ "$committed_chart" = "$rendered_chart" ] || drift+=" k8s/helm/mall (files: $(comm -3 <(echo "$committed_chart") <(echo "$rendered_chart") | tr -d '\t' | tr '\n' ' '))"
for file in $rendered_chart; do
  if [ -f "$ROOT/k8s/helm/mall/$file" ]; then compare "$SCRATCH/chart/$file" "$ROOT/k8s/helm/mall/$file"; fi
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

# 4. the Helm chart, rendered by Helm's own code
"$ROOT/mvnw" -B -q -f "$ROOT/k8s/helm-check/pom.xml" compile exec:java \
  -Dexec.args="$ROOT/k8s/helm/mall mall mall $SCRATCH/helm.yaml $ROOT/k8s/helm/prod-values.yaml $SCRATCH/helm-prod.yaml" \
  || fail "k8s/helm/mall does not lint or render"
for values in helm helm-prod; do
  echo "k8s/helm/mall ($values.yaml):"
  node "$K8S_TOOLS/validate.mjs" --routes "$ROOT/infra/routes.tsv" --sources "$ROOT" "$SCRATCH/$values.yaml"
done

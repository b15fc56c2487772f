# The npm packages k8s/render.sh and k8s/check.sh use, installed once into $MALL_HOME/cache/k8s-check
# with the scripts beside them. Sourced; sets K8S_TOOLS.
K8S_TOOLS="${MALL_HOME:-$ROOT/.mall}/cache/k8s-check"
# Debian's packages for what is missing (infra/local/lib.sh's apt_install, as the servers' scripts)
k8s_install() {
  (
    # shellcheck source=infra/local/lib.sh
    . "$ROOT/infra/local/lib.sh"
    apt_install "$@"
  )
}

k8s_tools() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    k8s_install nodejs npm || { echo "k8s: node and npm are needed (Debian: apt-get install nodejs npm)" >&2; return 1; }
  fi
  if [ ! -d "$K8S_TOOLS/node_modules/kubernetes-models" ] || [ ! -d "$K8S_TOOLS/node_modules/yaml" ]; then
    mkdir -p "$K8S_TOOLS"
    npm install --silent --no-audit --no-fund --prefix "$K8S_TOOLS" \
      kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0 yaml@2.9.1 >/dev/null \
      || { echo "k8s: could not install kubernetes-models and yaml from the npm registry" >&2; return 1; }
  fi
  # the scripts run where their packages are
  cp "$ROOT/k8s/validate.mjs" "$ROOT/k8s/normalize.mjs" "$ROOT/k8s/normalize-chart.mjs" "$K8S_TOOLS/"
}

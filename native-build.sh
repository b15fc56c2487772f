#!/usr/bin/env bash
# Builds every Mall service as a native executable, then its container image
# (services/<name>/src/main/docker/Dockerfile.native, a micro base image).
#
# The executables need GraalVM or Mandrel: a local one named by GRAALVM_HOME, or the Mandrel
# builder image run by docker or podman. The images need docker or podman. With neither, this
# script says what is missing and stops before building anything.
#
# Usage: ./native-build.sh [--services user,order,...] [--registry HOST] [--group NAME] [--tag TAG]
#                          [--no-images] [--push] [--sources-only]
#   --sources-only  Quarkus's native build steps without GraalVM (what ./mall test checks): no
#                   executable, no image, but every step that would refuse a native build runs
set -euo pipefail

ROOT=$(cd "$(dirname "$0")" && pwd)
ALL=(user product order payment shipping cart review notification)
services=("${ALL[@]}")
registry=registry.mall.local
group=mall
tag=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)
images=true
push=false
sources_only=false

say() { printf '%s\n' "$*"; }
fail() { printf 'native-build: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case $1 in
    --services) IFS=, read -r -a services <<<"${2:?--services needs a list}"; shift 2 ;;
    --registry) registry=${2:?}; shift 2 ;;
    --group) group=${2:?}; shift 2 ;;
    --tag) tag=${2:?}; shift 2 ;;
    --no-images) images=false; shift ;;
    --push) push=true; shift ;;
    --sources-only) sources_only=true; images=false; shift ;;
    -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option $1 (see --help)" ;;
  esac
done
for service in "${services[@]}"; do
  [[ " ${ALL[*]} " == *" $service "* ]] || fail "no service '$service' (known: ${ALL[*]})"
done

# A container runtime that answers, if any: docker, then podman.
runtime=""
for candidate in docker podman; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" info >/dev/null 2>&1; then
    runtime=$candidate
    break
  fi
done

native_args=(-Dquarkus.native.enabled=true -Dquarkus.package.jar.enabled=false)
if ! $sources_only; then
  # images for a cluster export their traces (the exporter is chosen at build time; the collector's
  # address comes from mall-config)
  native_args+=(-Dquarkus.otel.traces.exporter=cdi)
fi
if $sources_only; then
  native_args+=(-Dquarkus.native.sources-only=true)
  say "native sources only: Quarkus's native build steps, no GraalVM needed"
elif [ -n "${GRAALVM_HOME:-}" ] && [ -x "$GRAALVM_HOME/bin/native-image" ]; then
  say "native executables with the local GraalVM/Mandrel at $GRAALVM_HOME"
elif [ -n "$runtime" ]; then
  say "native executables in the Mandrel builder image, run by $runtime"
  native_args+=(-Dquarkus.native.container-build=true -Dquarkus.native.container-runtime="$runtime")
else
  cat >&2 <<EOF
native-build: nothing here can build a native executable. It needs one of:
  - GraalVM or Mandrel for Java 17 (with native-image), named by GRAALVM_HOME
    (e.g. https://github.com/graalvm/mandrel/releases, then export GRAALVM_HOME=/opt/mandrel);
  - docker or podman with a running engine, to use the Mandrel builder image.
Found: GRAALVM_HOME=${GRAALVM_HOME:-unset}; docker: $(command -v docker >/dev/null && echo "client only, no engine answers" || echo "none"); podman: $(command -v podman >/dev/null && echo "does not answer" || echo "none").
What this machine can still check: ./native-build.sh --sources-only
EOF
  exit 1
fi
if $images && [ -z "$runtime" ]; then
  fail "building images needs docker or podman with a running engine (or pass --no-images)"
fi

modules=$(printf 'services/%s,' "${services[@]}")
say "building ${services[*]}"
"$ROOT/mvnw" -B -f "$ROOT/pom.xml" package -DskipTests -pl "${modules%,}" -am "${native_args[@]}"

if ! $images; then
  say "done: executables (or native sources) under services/<name>/target"
  exit 0
fi
for service in "${services[@]}"; do
  image="$registry/$group/$service:$tag"
  say "image $image"
  "$runtime" build -f "$ROOT/services/$service/src/main/docker/Dockerfile.native" -t "$image" "$ROOT/services/$service"
  if $push; then
    "$runtime" push "$image"
  fi
done
say "done: ${#services[@]} native images tagged $registry/$group/<service>:$tag"

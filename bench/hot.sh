#!/usr/bin/env bash
# ./mall bench hot: the four hot read paths and each one's service liveness, straight at the
# services (the edge's per-address limit would answer 429), with wrk: 2 threads, 50 connections,
# each path warmed first, then measured. Prints and keeps (bench/results/<date>-hot/summary.md)
# each path's requests/s, p50, p99 and errors, and its share of its own service's /q/health/live
# throughput in the same run: what the path costs beyond answering HTTP at all.
#
# Usage: bench/hot.sh [--warm SECONDS] [--seconds SECONDS] [--connections N]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WARM=15 SECONDS_EACH=20 CONNECTIONS=50
while [ $# -gt 0 ]; do
  case $1 in
    --warm) WARM=$2; shift 2 ;;
    --seconds) SECONDS_EACH=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    *) echo "usage: bench/hot.sh [--warm S] [--seconds S] [--connections N]" >&2; exit 2 ;;
  esac
done
fail() { printf 'bench hot: %s\n' "$*" >&2; exit 1; }

if ! command -v wrk >/dev/null; then
  ( . "$ROOT/infra/local/lib.sh"; apt_install wrk ) || fail "wrk is needed (Debian: apt-get install wrk)"
fi
for port in 8081 8082 8086; do
  [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ] \
    || fail "the service on port $port is not ready; start Mall with ./mall up"
done

OUT="$ROOT/bench/results/$(date -u +%F)-hot"
mkdir -p "$OUT"
RUN=$(find "$OUT" -maxdepth 1 -name 'run-*.md' | wc -l)
RUN=$((RUN + 1))
RAW="$OUT/run-$RUN"
mkdir -p "$RAW"

# a shopper of its own, signed in, with one line in the cart
email="hot-$(date +%s)-$RANDOM@bench.mall.local" password="bench-Passw0rd-hot"
curl -sf -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"hot path\"}" http://127.0.0.1:8081/api/v1/users \
  || fail "could not register a shopper"
token() {
  curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" \
    http://127.0.0.1:8081/api/v1/auth/login | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'
}
TOKEN=$(token)
[ -n "$TOKEN" ] || fail "could not sign in"
listing=$(curl -sf 'http://127.0.0.1:8082/api/v1/products?size=1')
product=$(printf '%s' "$listing" | sed -n 's/.*"items":\[{"id":"\([^"]*\)".*/\1/p')
sku=$(curl -sf "http://127.0.0.1:8082/api/v1/products/$product" | sed -n 's/.*"variants":\[{"sku":"\([^"]*\)".*/\1/p')
[ -n "$product" ] && [ -n "$sku" ] || fail "the catalog is empty (./mall up loads the demo catalog)"
curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"sku\":\"$sku\",\"quantity\":1}" http://127.0.0.1:8086/api/v1/cart/lines || fail "could not add $sku to the cart"

# name|service port|url|authorised
PATHS=(
  "product detail|8082|http://127.0.0.1:8082/api/v1/products/$product|no"
  "search 운동화|8082|http://127.0.0.1:8082/api/v1/products?q=%EC%9A%B4%EB%8F%99%ED%99%94&size=20|no"
  "cart read|8086|http://127.0.0.1:8086/api/v1/cart|yes"
  "profile read|8081|http://127.0.0.1:8081/api/v1/users/me|yes"
)

# runs wrk on a URL; prints "requests/s p50-ms p99-ms errors"
measure() {
  local url=$1 authorised=$2 file=$3 header=()
  [ "$authorised" = yes ] && header=(-H "Authorization: Bearer $TOKEN")
  wrk -t2 -c"$CONNECTIONS" -d"${WARM}s" "${header[@]}" "$url" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "${header[@]}" "$url" >"$file"
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses/ { errors += $NF }
    /Socket errors/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.1f %.1f %d\n", rps, p50, p99, errors + 0 }' "$file"
}

declare -A LIVE
summary="$OUT/run-$RUN.md"
{
  echo "# ./mall bench hot, run $RUN ($(date -u '+%F %H:%M') UTC)"
  echo
  echo "wrk, 2 threads, $CONNECTIONS connections, ${WARM} s warm-up then ${SECONDS_EACH} s measured per path, straight at each service."
  echo
  echo "| path | req/s | p50 ms | p99 ms | errors | share of its service's /q/health/live |"
  echo "|---|---|---|---|---|---|"
} >"$summary"
for port in 8082 8086 8081; do
  read -r rps p50 p99 errors < <(measure "http://127.0.0.1:$port/q/health/live" no "$RAW/live-$port.txt")
  LIVE[$port]=$rps
  echo "| /q/health/live :$port | $rps | $p50 | $p99 | $errors | 100 % |" >>"$summary"
done
for entry in "${PATHS[@]}"; do
  IFS='|' read -r name port url authorised <<<"$entry"
  [ "$authorised" = yes ] && TOKEN=$(token)
  read -r rps p50 p99 errors < <(measure "$url" "$authorised" "$RAW/${name// /-}.txt")
  share=$(awk -v a="$rps" -v b="${LIVE[$port]}" 'BEGIN { printf "%.0f", (b > 0 ? 100 * a / b : 0) }')
  echo "| $name | $rps | $p50 | $p99 | $errors | $share % |" >>"$summary"
done
cat "$summary"
echo "kept in ${summary#"$ROOT/"} (wrk's own output in ${RAW#"$ROOT/"})"

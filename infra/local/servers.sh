#!/usr/bin/env bash
# Starts, stops and reports the real servers Mall runs against on this machine, all on 127.0.0.1:
#
#   servers.sh up [name...]       start what is not running (install or fetch what is missing)
#   servers.sh down [name...]     stop what this script started (and nothing else)
#   servers.sh status [name...]   a table: server, port, pid, state
#   servers.sh pids [name...]     "server pid" lines for the ones this script started
#
# Names: postgres redis kafka mongo smtp edge (default: all). Idempotent: a server that already
# listens on its port is used as it is. State, logs and pids live under $MALL_HOME (.mall/).
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=infra/local/lib.sh
. "$HERE/lib.sh"
for server in postgres redis kafka mongo smtp edge; do
  # shellcheck disable=SC1090
  . "$HERE/$server.sh"
done

ALL=(postgres redis kafka mongo smtp edge)
declare -A PORTS=([postgres]=5432 [redis]=6379 [kafka]=9092 [mongo]=27017 [smtp]=2525 [edge]=8080)

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }

check_names() {
  local name
  for name in "$@"; do
    [ -n "${PORTS[$name]:-}" ] || { complain "unknown server '$name' (known: ${ALL[*]})"; exit 2; }
  done
}

cmd_up() {
  local name failed=()
  for name in "$@"; do "${name}_up" || failed+=("$name"); done
  if [ ${#failed[@]} -gt 0 ]; then complain "not started: ${failed[*]}"; return 1; fi
}

cmd_down() {
  local index
  # reverse order: the edge first, PostgreSQL last
  for ((index = $# ; index > 0; index--)); do "${!index}_down"; done
}

cmd_status() {
  local name pid state
  printf '%-10s %-6s %-8s %s\n' SERVER PORT PID STATE
  for name in "$@"; do
    pid=$("${name}_pid")
    if port_open "${PORTS[$name]}"; then
      if [ -n "$pid" ]; then state=up; else state="up (not started by mall)"; fi
    else
      state=down
    fi
    printf '%-10s %-6s %-8s %s\n' "$name" "${PORTS[$name]}" "${pid:--}" "$state"
  done
}

cmd_pids() {
  local name pid
  for name in "$@"; do
    pid=$("${name}_pid")
    [ -n "$pid" ] && printf '%s %s\n' "$name" "$pid"
  done
  return 0
}

main() {
  local command=${1:-}
  shift || true
  [ $# -gt 0 ] || set -- "${ALL[@]}"
  check_names "$@"
  case $command in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    status) cmd_status "$@" ;;
    pids) cmd_pids "$@" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"

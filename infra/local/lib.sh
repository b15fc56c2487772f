# Shared helpers of the local server scripts. Sourced, never run.
# Everything binds 127.0.0.1; state lives under $MALL_HOME (default <checkout>/.mall).

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$LOCAL_DIR/../.." && pwd)
MALL_HOME=${MALL_HOME:-$ROOT/.mall}
RUN_DIR=$MALL_HOME/run
LOG_DIR=$MALL_HOME/logs
LIB_DIR=$MALL_HOME/lib
START_TIMEOUT=${MALL_SERVER_START_TIMEOUT:-120}

mkdir -p "$RUN_DIR" "$LOG_DIR" "$LIB_DIR"

say() { printf '%s\n' "$*"; }
# One clear line on stderr, and the caller's function fails.
complain() { printf 'servers: %s\n' "$*" >&2; return 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# The pid this script recorded for a server, if that process still lives.
recorded_pid() {
  local file="$RUN_DIR/$1.pid" pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file" 2>/dev/null || true)
  pid_alive "$pid" && printf '%s' "$pid"
  return 0
}

# wait_for_port NAME PORT [PID]: until the port answers; fails early when PID dies.
wait_for_port() {
  local name=$1 port=$2 pid=${3:-} deadline=$((SECONDS + START_TIMEOUT))
  until port_open "$port"; do
    if [ -n "$pid" ] && ! pid_alive "$pid"; then
      complain "$name exited while starting; last lines of $LOG_DIR/$name.log:" || true
      tail -n 25 "$LOG_DIR/$name.log" >&2 || true
      return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      complain "$name did not open port $port within ${START_TIMEOUT}s; see $LOG_DIR/$name.log" || true
      tail -n 25 "$LOG_DIR/$name.log" >&2 || true
      return 1
    fi
    sleep 0.3
  done
}

# stop_recorded NAME: stop the process this script started (TERM, then KILL after 20 s).
stop_recorded() {
  local name=$1 pid waited=0
  pid=$(recorded_pid "$name")
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    while pid_alive "$pid" && [ $waited -lt 80 ]; do sleep 0.25; waited=$((waited + 1)); done
    if pid_alive "$pid"; then kill -9 "$pid" 2>/dev/null || true; fi
    say "  $name: stopped"
  fi
  rm -f "$RUN_DIR/$name.pid"
}

# start_java NAME PORT CLASSPATH MAIN [JVM and program args...]: a detached JVM with its log.
start_java() {
  local name=$1 port=$2 classpath=$3
  shift 3
  setsid java -cp "$classpath" "$@" </dev/null >"$LOG_DIR/$name.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$RUN_DIR/$name.pid"
  wait_for_port "$name" "$port" "$pid" || { stop_recorded "$name" >/dev/null; return 1; }
  say "  $name: started on 127.0.0.1:$port (pid $pid, log $LOG_DIR/$name.log)"
}

# fetch_jars NAME: resolve infra/local/servers/NAME/pom.xml's dependencies from Maven Central
# into $LIB_DIR/NAME, once per version of that pom.
fetch_jars() {
  local name=$1 pom="$LOCAL_DIR/servers/$1/pom.xml" dir="$LIB_DIR/$1" stamp
  stamp=$(cksum <"$pom" | cut -d' ' -f1)
  if [ -f "$dir/.fetched" ] && [ "$(cat "$dir/.fetched")" = "$stamp" ]; then return 0; fi
  command -v java >/dev/null || complain "java not found: install a JDK 17 (apt-get install -y openjdk-17-jdk-headless)" || return 1
  say "  $name: fetching its jars from Maven Central (once)"
  rm -rf "$dir"
  if ! "$ROOT/mvnw" -B -q -f "$pom" dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$dir" >"$LOG_DIR/$name-fetch.log" 2>&1; then
    tail -n 20 "$LOG_DIR/$name-fetch.log" >&2
    complain "$name: could not fetch its jars (Maven Central reachable?); log: $LOG_DIR/$name-fetch.log"
    return 1
  fi
  echo "$stamp" >"$dir/.fetched"
}

# apt_install PACKAGE...: installs Debian packages without letting their maintainer scripts start
# system-wide daemons (we start our own, bound to 127.0.0.1, with state under $MALL_HOME).
apt_install() {
  command -v apt-get >/dev/null || complain "$* missing and no apt-get here: install $* with your package manager" || return 1
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || complain "$* missing: run 'sudo apt-get install -y $*' as an administrator" || return 1
    sudo="sudo"
  fi
  say "  installing $* (apt-get)"
  local policy=/usr/sbin/policy-rc.d added=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy" && added=1
  fi
  local status=0
  {
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
  } >"$LOG_DIR/apt.log" 2>&1 || status=$?
  [ -n "$added" ] && $sudo rm -f "$policy"
  if [ $status -ne 0 ]; then
    tail -n 15 "$LOG_DIR/apt.log" >&2
    complain "apt-get install $* failed; log: $LOG_DIR/apt.log"
    return 1
  fi
}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

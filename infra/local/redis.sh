# Redis 6379: Debian's redis-server, our own instance with its data under $MALL_HOME/redis.
# Sourced by servers.sh.

REDIS_PORT=6379

redis_up() {
  if port_open "$REDIS_PORT"; then say "  redis: already listening on 127.0.0.1:$REDIS_PORT"; return 0; fi
  command -v redis-server >/dev/null || apt_install redis-server || return 1
  mkdir -p "$MALL_HOME/redis"
  # volatile-ttl: when full, Redis drops the keys closest to expiring first, which are new guest
  # carts (an hour), then other guest data (a week); signed-in carts (90 days) go last
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes \
    --daemonize yes --pidfile "$RUN_DIR/redis.pid" --logfile "$LOG_DIR/redis.log" \
    --dir "$MALL_HOME/redis" --save 300 10 --appendonly no --maxmemory 256mb \
    --maxmemory-policy volatile-ttl \
    || { complain "redis: redis-server would not start; see $LOG_DIR/redis.log"; return 1; }
  wait_for_port redis "$REDIS_PORT" || return 1
  say "  redis: started on 127.0.0.1:$REDIS_PORT (pid $(recorded_pid redis), log $LOG_DIR/redis.log)"
}

redis_down() { stop_recorded redis; }
redis_pid() { recorded_pid redis; }

# MongoDB protocol 27017: mongo-java-server from Maven Central (see servers/mongo). The H2 file
# backend keeps ./mall up's data under $MALL_HOME/mongo; MALL_MONGO_BACKEND=memory keeps nothing
# (what ./mall test asks for). MALL_MONGO_HEAP sets its heap limit (default 2g). Sourced by servers.sh.

MONGO_PORT=27017

mongo_up() {
  if port_open "$MONGO_PORT"; then say "  mongo: already listening on 127.0.0.1:$MONGO_PORT"; return 0; fi
  fetch_jars mongo || return 1
  local backend=${MALL_MONGO_BACKEND:-h2} args
  case $backend in
    h2) mkdir -p "$MALL_HOME/mongo"; args=(h2 "$MALL_HOME/mongo/mall.mv") ;;
    memory) args=(memory) ;;
    *) complain "mongo: MALL_MONGO_BACKEND must be h2 or memory, not '$backend'"; return 1 ;;
  esac
  # the H2 backend caches pages on the heap: a 100,000-product catalog needs more than 512 MB
  start_java mongo "$MONGO_PORT" "$LIB_DIR/mongo/*" -Xms64m "-Xmx${MALL_MONGO_HEAP:-2g}" -XX:+UseSerialGC \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    "$LOCAL_DIR/servers/mongo/MongoServerLauncher.java" "$MONGO_PORT" "${args[@]}" || return 1
  echo "$backend" >"$RUN_DIR/mongo.backend"
}

mongo_down() { stop_recorded mongo; rm -f "$RUN_DIR/mongo.backend"; }
mongo_pid() { recorded_pid mongo; }

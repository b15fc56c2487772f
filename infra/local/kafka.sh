# Kafka 9092: the Apache Kafka broker from Maven Central (see servers/kafka/pom.xml), one KRaft
# node; its storage is formatted once under $MALL_HOME/kafka. Sourced by servers.sh.

KAFKA_PORT=9092

kafka_up() {
  if port_open "$KAFKA_PORT"; then say "  kafka: already listening on 127.0.0.1:$KAFKA_PORT"; return 0; fi
  fetch_jars kafka || return 1
  local home="$MALL_HOME/kafka" config="$MALL_HOME/kafka/server.properties"
  mkdir -p "$home/data"
  { cat "$LOCAL_DIR/servers/kafka/server.properties"; printf 'log.dirs=%s\n' "$home/data"; } >"$config"
  local classpath="$LIB_DIR/kafka/*"
  local logging=(-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.showDateTime=true
    -Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info)
  if [ ! -f "$home/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(java -cp "$classpath" "${logging[@]}" kafka.tools.StorageTool random-uuid 2>>"$LOG_DIR/kafka.log") \
      && java -cp "$classpath" "${logging[@]}" kafka.tools.StorageTool format --cluster-id "$cluster_id" \
           --config "$config" >>"$LOG_DIR/kafka.log" 2>&1 \
      || { tail -n 20 "$LOG_DIR/kafka.log" >&2; complain "kafka: formatting the storage failed"; return 1; }
  fi
  start_java kafka "$KAFKA_PORT" "$classpath" -Xms128m -Xmx512m -XX:+UseG1GC "${logging[@]}" \
    kafka.Kafka "$config"
}

kafka_down() { stop_recorded kafka; }
kafka_pid() { recorded_pid kafka; }

# PostgreSQL 5432: Debian's packages, a dedicated cluster named "mall" with its settings in a
# conf.d drop-in, and one database and role per service that keeps its data in PostgreSQL.
# Sourced by servers.sh.

PG_PORT=5432
PG_CLUSTER=mall
PG_SERVICES=(user order payment shipping notification)

pg_version() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && basename "$(dirname "$(dirname "$dir")")"
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

pg_cluster_exists() { [ -f "/etc/postgresql/$1/$PG_CLUSTER/postgresql.conf" ]; }

# The data folder the cluster's configuration names.
pg_cluster_data() { sed -n "s/^data_directory = '\(.*\)'.*/\1/p" "/etc/postgresql/$1/$PG_CLUSTER/postgresql.conf"; }

# A cluster whose data folder is gone ($MALL_HOME removed to start afresh, or the checkout that
# made it deleted) cannot start: forget it, so it is made again.
pg_forget_orphan() {
  local version=$1 data
  pg_cluster_exists "$version" || return 0
  data=$(pg_cluster_data "$version")
  as_postgres test -f "$data/PG_VERSION" 2>/dev/null && return 0
  say "  postgres: cluster $version/$PG_CLUSTER has lost its data ($data); making it again"
  as_root pg_dropcluster "$version" "$PG_CLUSTER" >/dev/null 2>&1 || as_root rm -rf "/etc/postgresql/$version/$PG_CLUSTER"
}

# The data lives under $MALL_HOME when the postgres user can reach it there; some home
# folders are closed to other users, and then Debian's usual place is used instead.
pg_data_dir() {
  local dir="$MALL_HOME/postgres"
  mkdir -p "$dir"
  as_root chown postgres:postgres "$dir"
  as_root chmod 700 "$dir"
  if as_postgres test -w "$dir" 2>/dev/null; then
    printf '%s' "$dir/data"
  else
    printf '/var/lib/postgresql/%s/%s' "$1" "$PG_CLUSTER"
  fi
}

pg_create_cluster() {
  local version=$1 data
  data=$(pg_data_dir "$version")
  say "  postgres: creating cluster $version/$PG_CLUSTER (data: $data)"
  as_root pg_createcluster "$version" "$PG_CLUSTER" --port "$PG_PORT" --datadir "$data" \
    --start-conf manual --locale C.UTF-8 -- --auth-local peer --auth-host scram-sha-256 \
    >"$LOG_DIR/postgres-create.log" 2>&1 \
    || { tail -n 15 "$LOG_DIR/postgres-create.log" >&2; complain "postgres: pg_createcluster failed"; return 1; }
  # A disposable development cluster: durability is traded for speed (tests create many
  # databases); listen on loopback only.
  as_root tee "/etc/postgresql/$version/$PG_CLUSTER/conf.d/mall.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
max_connections = 300
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
}

pg_ensure_roles() {
  local sql="" svc
  for svc in "${PG_SERVICES[@]}"; do
    sql+="SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', 'mall_$svc', 'mall_$svc')
          WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mall_$svc') \\gexec
SELECT format('CREATE DATABASE %I OWNER %I', 'mall_$svc', 'mall_$svc')
          WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'mall_$svc') \\gexec
"
  done
  printf '%s' "$sql" | as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres >/dev/null \
    2>"$LOG_DIR/postgres-roles.log" \
    || { cat "$LOG_DIR/postgres-roles.log" >&2; complain "postgres: could not create the mall_<service> roles and databases"; return 1; }
}

postgres_up() {
  local version
  version=$(pg_version)
  if [ -z "$version" ]; then
    apt_install postgresql || return 1
    version=$(pg_version)
  fi
  pg_forget_orphan "$version"
  pg_cluster_exists "$version" || pg_create_cluster "$version" || return 1
  ln -sf "/var/log/postgresql/postgresql-$version-$PG_CLUSTER.log" "$LOG_DIR/postgres.log"
  if port_open "$PG_PORT"; then
    say "  postgres: already listening on 127.0.0.1:$PG_PORT"
  else
    as_root pg_ctlcluster "$version" "$PG_CLUSTER" start \
      || { tail -n 20 "$LOG_DIR/postgres.log" >&2; complain "postgres: cluster $version/$PG_CLUSTER did not start"; return 1; }
    echo "$version" >"$RUN_DIR/postgres.started"
    wait_for_port postgres "$PG_PORT" || return 1
    say "  postgres: started cluster $version/$PG_CLUSTER on 127.0.0.1:$PG_PORT"
  fi
  pg_ensure_roles
}

postgres_down() {
  [ -f "$RUN_DIR/postgres.started" ] || return 0
  as_root pg_ctlcluster "$(cat "$RUN_DIR/postgres.started")" "$PG_CLUSTER" stop -m fast 2>/dev/null || true
  rm -f "$RUN_DIR/postgres.started"
  say "  postgres: stopped"
}

postgres_pid() {
  local version
  [ -f "$RUN_DIR/postgres.started" ] || return 0
  version=$(cat "$RUN_DIR/postgres.started")
  head -n 1 "/var/run/postgresql/$version-$PG_CLUSTER.pid" 2>/dev/null || true
}

#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, sourced by .ci/run:
#   postgres_start  installs the server binaries with apt-get when missing, initdb's a cluster in a temp dir as an
#                   unprivileged user (PostgreSQL refuses to run as root), starts it on a free loopback port, creates a
#                   database and exports MARIACHI_TEST_POSTGRES (an Npgsql connection string) for the tests.
#   postgres_stop   stops the server and removes the temp dir; safe to call when nothing was started.

_pg_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# Runs a command as the server's user: directly when not root, else through runuser (or su).
_pg_run() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$MARIACHI_PG_USER" -- "$@"
  else
    su -s /bin/sh "$MARIACHI_PG_USER" -c "$(printf '%q ' "$@")"
  fi
}

# A loopback port nothing listens on (the server start is retried on another one if it is taken meanwhile).
_pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

postgres_start() {
  local bindir
  if ! bindir="$(_pg_bindir)"; then
    echo "postgres: server binaries not found, installing them with apt-get"
    # No default cluster: this script makes its own.
    if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
      mkdir -p /etc/postgresql-common
      echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bindir="$(_pg_bindir)" || { echo "postgres: no pg_ctl under /usr/lib/postgresql/*/bin after installing" >&2; return 1; }
  fi

  MARIACHI_PG_USER="$(id -un)"
  if [ "$(id -u)" -eq 0 ]; then
    MARIACHI_PG_USER=postgres
    if ! id "$MARIACHI_PG_USER" >/dev/null 2>&1; then
      MARIACHI_PG_USER=mariachi-pg
      id "$MARIACHI_PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$MARIACHI_PG_USER"
    fi
  fi

  MARIACHI_PG_BIN="$bindir"
  MARIACHI_PG_DIR="$(mktemp -d /tmp/mariachi-pg.XXXXXX)"
  export MARIACHI_PG_USER MARIACHI_PG_BIN MARIACHI_PG_DIR
  chown "$MARIACHI_PG_USER" "$MARIACHI_PG_DIR"

  # C locale: byte-order collation, the same order as ordinal string comparison for the tests' ASCII data.
  (cd "$MARIACHI_PG_DIR" && _pg_run "$bindir/initdb" -D "$MARIACHI_PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C >"$MARIACHI_PG_DIR/initdb.log" 2>&1) \
    || { cat "$MARIACHI_PG_DIR/initdb.log" >&2; return 1; }

  local port started=""
  for _ in 1 2 3 4 5; do
    port="$(_pg_free_port)" || break
    # A disposable test server: durability settings off for speed, only loopback TCP and a private socket dir.
    if (cd "$MARIACHI_PG_DIR" && _pg_run "$bindir/pg_ctl" -D "$MARIACHI_PG_DIR/data" -l "$MARIACHI_PG_DIR/server.log" -w -t 60 \
        -o "-p $port -k $MARIACHI_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null); then
      started=1
      break
    fi
  done
  if [ -z "$started" ]; then
    echo "postgres: the server did not start" >&2
    cat "$MARIACHI_PG_DIR/server.log" >&2 || true
    return 1
  fi
  MARIACHI_PG_PORT="$port"
  export MARIACHI_PG_PORT

  (cd "$MARIACHI_PG_DIR" && _pg_run "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres mariachi_test)
  export MARIACHI_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=mariachi_test"
  echo "postgres: $("$bindir/postgres" --version) on 127.0.0.1:$port"
}

postgres_stop() {
  if [ -n "${MARIACHI_PG_DIR:-}" ] && [ -d "$MARIACHI_PG_DIR" ]; then
    if [ -f "$MARIACHI_PG_DIR/data/postmaster.pid" ]; then
      (cd "$MARIACHI_PG_DIR" && _pg_run "$MARIACHI_PG_BIN/pg_ctl" -D "$MARIACHI_PG_DIR/data" -m fast -w stop >/dev/null 2>&1) || true
    fi
    rm -rf "$MARIACHI_PG_DIR"
  fi
  unset MARIACHI_PG_DIR MARIACHI_TEST_POSTGRES
}

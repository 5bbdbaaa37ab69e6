# shellcheck shell=bash
# A throwaway nats-server for the NATS adapter's tests. Source this file, then:
#
#   nats_start   installs nats-server when missing (Debian package), starts it on a free loopback port with
#                JetStream in a temporary directory, waits until it accepts connections, and exports
#                  MARIACHI_TEST_NATS=nats://127.0.0.1:<port>   the server the tests use
#                  MARIACHI_TEST_NATS_SERVER=<path>            the binary, so the reconnect test can run its own
#                                                              server and restart it without touching this one
#   nats_stop    stops that server and removes its directory.
#
# Safe under `set -euo pipefail`; sets no trap (the caller owns its traps). Only the process it started is stopped.

nats_start() {
  local bin
  bin="$(command -v nats-server 2>/dev/null || true)"
  if [ -z "$bin" ] && [ -x /usr/sbin/nats-server ]; then
    bin=/usr/sbin/nats-server
  fi
  if [ -z "$bin" ]; then
    echo "== nats: installing nats-server"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server >/dev/null 2>&1; then
      $sudo apt-get update -qq >/dev/null || { echo "nats: apt-get update failed" >&2; return 1; }
      $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server >/dev/null \
        || { echo "nats: could not install nats-server" >&2; return 1; }
    fi
    bin="$(command -v nats-server 2>/dev/null || echo /usr/sbin/nats-server)"
  fi
  if [ ! -x "$bin" ]; then
    echo "nats: nats-server not found after install" >&2
    return 1
  fi

  NATS_CI_DIR="$(mktemp -d "${TMPDIR:-/tmp}/mariachi-nats.XXXXXX")"
  # -p -1: the server picks a free port and writes it to the ports file, so nothing races for a port.
  "$bin" -a 127.0.0.1 -p -1 -js -sd "$NATS_CI_DIR/jetstream" --ports_file_dir "$NATS_CI_DIR" \
    -l "$NATS_CI_DIR/nats-server.log" &
  NATS_CI_PID=$!

  local url="" attempt
  for attempt in $(seq 1 100); do
    if ! kill -0 "$NATS_CI_PID" 2>/dev/null; then
      echo "nats: nats-server exited at start; its log:" >&2
      cat "$NATS_CI_DIR/nats-server.log" >&2 || true
      return 1
    fi
    url="$(cat "$NATS_CI_DIR"/nats-server_*.ports 2>/dev/null | grep -o 'nats://[0-9.]*:[0-9]*' | head -n 1 || true)"
    if [ -n "$url" ]; then
      break
    fi
    sleep 0.1
  done
  if [ -z "$url" ]; then
    echo "nats: nats-server did not report its port within 10 s" >&2
    nats_stop
    return 1
  fi

  local port="${url##*:}"
  for attempt in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      export MARIACHI_TEST_NATS="nats://127.0.0.1:$port"
      export MARIACHI_TEST_NATS_SERVER="$bin"
      echo "== nats: $("$bin" --version) on $MARIACHI_TEST_NATS (pid $NATS_CI_PID, JetStream in $NATS_CI_DIR)"
      return 0
    fi
    sleep 0.1
  done
  echo "nats: nats-server does not accept connections on port $port" >&2
  nats_stop
  return 1
}

nats_stop() {
  if [ -n "${NATS_CI_PID:-}" ]; then
    kill "$NATS_CI_PID" 2>/dev/null || true
    wait "$NATS_CI_PID" 2>/dev/null || true
    NATS_CI_PID=""
  fi
  if [ -n "${NATS_CI_DIR:-}" ]; then
    rm -rf "$NATS_CI_DIR"
    NATS_CI_DIR=""
  fi
  unset MARIACHI_TEST_NATS MARIACHI_TEST_NATS_SERVER
}

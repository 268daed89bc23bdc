#!/usr/bin/env bash
# The real services Berth runs against on one machine: Docker engine, PostgreSQL, Temporal dev
# server, the host's nginx reverse proxy, BIND (authoritative DNS, infra/scripts/bind.sh), and
# the ACME test CA Pebble (infra/pebble), stripe-mock (Stripe's API double), the mail servers
# (infra/mail/mail.sh: Postfix, Dovecot, OpenDKIM), and the app images.
#   services.sh install   install what is missing (Debian packages, Temporal CLI, stripe-mock)
#   services.sh up [dockerd|postgres|temporal|nginx|bind|pebble|stripe|mail|images]...
#                         start whatever is not running (idempotent), build missing images;
#                         `BERTH_MAIL_DB_NAME=<db> services.sh up mail` points the mail servers
#                         at another database (infra/mail/README.md)
#   services.sh down      stop what `up` started
#   services.sh status    one line per service
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BERTH_HOME=${BERTH_HOME:-$ROOT/.berth}
TEMPORAL_VERSION=${TEMPORAL_VERSION:-v1.5.1}
STRIPE_MOCK_VERSION=${STRIPE_MOCK_VERSION:-v0.203.0}
STRIPE_MOCK_PORT=${BERTH_STRIPE_MOCK_PORT:-12111}
STRIPE_MOCK_HTTPS_PORT=${BERTH_STRIPE_MOCK_HTTPS_PORT:-12112}
TEMPORAL_PORT=${BERTH_TEMPORAL_PORT:-7233}
TEMPORAL_UI_PORT=${BERTH_TEMPORAL_UI_PORT:-8233}
PROXY_PORT=${BERTH_PROXY_HTTP_PORT:-8880}
PROXY_HTTPS_PORT=${BERTH_PROXY_HTTPS_PORT:-8443}
PG_PORT=${BERTH_PG_PORT:-5432}
DNS_PORT=${BERTH_DNS_PORT:-5300}
PEBBLE_PORT=${BERTH_PEBBLE_PORT:-14000}
PEBBLE_MANAGEMENT_PORT=${BERTH_PEBBLE_MANAGEMENT_PORT:-15000}
PEBBLE_TLS_PORT=${BERTH_PEBBLE_TLS_PORT:-5001}
# 90 days, as Let's Encrypt: renewal at 2/3 of the lifetime then happens on day 60.
PEBBLE_VALIDITY=${BERTH_PEBBLE_VALIDITY_SECONDS:-7776000}
PACKAGES=(docker.io nginx postgresql debootstrap chromium chromium-driver curl iproute2 pebble openssl
  postfix postfix-pgsql dovecot-core dovecot-imapd dovecot-lmtpd dovecot-pgsql opendkim opendkim-tools
  busybox)

log() { printf '[services] %s\n' "$*" >&2; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() { # port what seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do listening "$1" && return 0; sleep 0.1; done
  log "$2 did not open port $1 within $3 s"; return 1
}

temporal_bin() {
  if [[ -x $BERTH_HOME/bin/temporal ]]; then echo "$BERTH_HOME/bin/temporal"
  elif command -v temporal >/dev/null; then command -v temporal
  elif [[ -x $HOME/go/bin/temporal ]]; then echo "$HOME/go/bin/temporal"
  fi
}

# Debian's packages start their own default daemons on install when the machine lets them
# (Postfix on port 25, Dovecot on 143 and 993, nginx on 80, named on 53, all interfaces): a
# policy-rc.d forbids that while this script installs; `up` starts Berth's own, on loopback.
POLICY_RC=/usr/sbin/policy-rc.d
no_daemon_starts() {
  [[ -e $POLICY_RC ]] && return 1
  printf '#!/bin/sh\n# Written by Berth services.sh install for the time it installs packages.\nexit 101\n' >"$POLICY_RC"
  chmod 755 "$POLICY_RC"
}

install() {
  local missing=() policy=0
  for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  no_daemon_starts && policy=1 && trap 'rm -f "$POLICY_RC"' EXIT
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  "$ROOT/infra/scripts/bind.sh" install
  if ((policy)); then rm -f "$POLICY_RC"; trap - EXIT; fi
  if [[ -z $(temporal_bin) ]]; then
    log "building the Temporal CLI $TEMPORAL_VERSION from Go modules"
    mkdir -p "$BERTH_HOME/bin"
    GOBIN=$BERTH_HOME/bin go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_VERSION"
  fi
  if [[ -z $(stripe_mock_bin) ]]; then
    log "building stripe-mock $STRIPE_MOCK_VERSION from Go modules"
    mkdir -p "$BERTH_HOME/bin"
    GOBIN=$BERTH_HOME/bin go install "github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION"
  fi
}

stripe_mock_bin() {
  if [[ -x $BERTH_HOME/bin/stripe-mock ]]; then echo "$BERTH_HOME/bin/stripe-mock"
  elif command -v stripe-mock >/dev/null; then command -v stripe-mock
  elif [[ -x $HOME/go/bin/stripe-mock ]]; then echo "$HOME/go/bin/stripe-mock"
  fi
}

dockerd_up() {
  if docker info >/dev/null 2>&1; then return; fi
  # A dockerd that is still shutting down holds its pid file; one that was killed left it behind.
  local pid
  for _ in $(seq 1 150); do
    pid=$(cat /var/run/docker.pid 2>/dev/null) || break
    kill -0 "$pid" 2>/dev/null || { rm -f /var/run/docker.pid; break; }
    sleep 0.2
  done
  log "starting dockerd"
  mkdir -p "$BERTH_HOME/logs"
  # Room for many customers: one /24 bridge network each (the default pools give about 30).
  nohup dockerd --default-address-pool base=10.96.0.0/12,size=24 >"$BERTH_HOME/logs/dockerd.log" 2>&1 &
  for _ in $(seq 1 100); do docker info >/dev/null 2>&1 && return; sleep 0.2; done
  log "dockerd did not start: see $BERTH_HOME/logs/dockerd.log"; return 1
}

postgres_up() {
  if ! listening "$PG_PORT"; then
    log "starting PostgreSQL"
    local version
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
    pg_ctlcluster "$version" main start
    wait_for "$PG_PORT" PostgreSQL 30
  fi
  # The platform's own role and databases: berth (dev) and berth_test (tests).
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='berth'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"CREATE ROLE berth LOGIN PASSWORD 'berth' CREATEDB\""
  # Tests and bench recreate their databases with DROP DATABASE … WITH (FORCE), which must also
  # end an autovacuum worker that happens to be in there: PostgreSQL asks for pg_signal_backend.
  su postgres -c "psql -qc 'GRANT pg_signal_backend TO berth'" >/dev/null 2>&1
  for db in berth berth_test; do
    su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='$db'\"" | grep -q 1 \
      || su postgres -c "createdb -O berth $db"
  done
}

NAMESPACES=(default berth-it berth-e2e berth-bench)
SEARCH_ATTRIBUTES=(BerthCustomerId BerthOrderId BerthSiteId BerthDomain BerthStep)

# The platform's namespace and the test suites' own (so their workflow ids never meet), each
# with Berth's search attributes; works on a server started by someone else, too.
retry() { # tries seconds-between command...
  local n=$1 pause=$2 i
  shift 2
  for ((i = 1; i <= n; i++)); do
    "$@" && return 0
    sleep "$pause"
  done
  return 1
}

temporal_namespaces() {
  local bin=$1 ns a have i
  local t=(--address "127.0.0.1:$TEMPORAL_PORT")
  # The port opens before the frontend answers, and a new namespace takes a few seconds to be
  # usable everywhere: every call is retried for up to 30 s.
  retry 150 0.2 "$bin" operator namespace describe "${t[@]}" -n default >/dev/null 2>&1
  for ns in "${NAMESPACES[@]}"; do
    "$bin" operator namespace describe "${t[@]}" -n "$ns" >/dev/null 2>&1 ||
      retry 30 1 "$bin" operator namespace create "${t[@]}" -n "$ns" >/dev/null 2>&1
    have=""
    for ((i = 0; i < 30; i++)); do
      have=$("$bin" operator search-attribute list "${t[@]}" -n "$ns" 2>/dev/null) && break
      sleep 1
    done
    for a in "${SEARCH_ATTRIBUTES[@]}"; do
      grep -q "$a" <<<"$have" ||
        retry 30 1 "$bin" operator search-attribute create "${t[@]}" -n "$ns" \
          --name "$a" --type Keyword >/dev/null 2>&1 ||
        { log "could not register $a in namespace $ns"; return 1; }
    done
  done
}

temporal_up() {
  local bin
  bin=$(temporal_bin)
  if listening "$TEMPORAL_PORT"; then
    [[ -n $bin ]] && temporal_namespaces "$bin"
    return
  fi
  [[ -n $bin ]] || { log "no temporal CLI: run '$0 install'"; return 1; }
  log "starting Temporal dev server ($bin) on $TEMPORAL_PORT, UI on $TEMPORAL_UI_PORT"
  mkdir -p "$BERTH_HOME/temporal" "$BERTH_HOME/logs"
  nohup "$bin" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" \
    --ui-ip 127.0.0.1 --ui-port "$TEMPORAL_UI_PORT" \
    --db-filename "$BERTH_HOME/temporal/temporal.db" --log-level warn \
    >"$BERTH_HOME/logs/temporal.log" 2>&1 &
  echo $! >"$BERTH_HOME/temporal/pid"
  wait_for "$TEMPORAL_PORT" Temporal 60
  temporal_namespaces "$bin"
}

nginx_up() {
  local prefix=$BERTH_HOME/nginx
  mkdir -p "$prefix"/{sites,logs,tmp,html,tls,acme-challenge/.well-known/acme-challenge}
  cp "$ROOT"/infra/nginx/html/*.html "$prefix/html/"
  sed -e "s#@PREFIX@#$prefix#g" -e "s#@LISTEN@#127.0.0.1:$PROXY_PORT#g" \
    -e "s#@HTTPS_LISTEN@#127.0.0.1:$PROXY_HTTPS_PORT#g" \
    "$ROOT/infra/nginx/nginx.conf.template" >"$prefix/nginx.conf"
  if [[ -f $prefix/nginx.pid ]] && kill -0 "$(cat "$prefix/nginx.pid")" 2>/dev/null; then
    nginx -q -t -c "$prefix/nginx.conf" -p "$prefix" && nginx -s reload -c "$prefix/nginx.conf" -p "$prefix"
    return
  fi
  log "starting nginx on 127.0.0.1:$PROXY_PORT"
  nginx -c "$prefix/nginx.conf" -p "$prefix"
  wait_for "$PROXY_PORT" nginx 10
}

# Stripe's API double: answers every documented call with fixtures, keeps no state.
stripe_up() {
  listening "$STRIPE_MOCK_PORT" && return
  local bin
  bin=$(stripe_mock_bin)
  [[ -n $bin ]] || { log "no stripe-mock: run '$0 install'"; return 1; }
  log "starting stripe-mock on 127.0.0.1:$STRIPE_MOCK_PORT"
  mkdir -p "$BERTH_HOME/stripe-mock" "$BERTH_HOME/logs"
  # stripe-mock also opens HTTPS on :12112 (every interface) unless told where: loopback too.
  nohup "$bin" -http-addr "127.0.0.1:$STRIPE_MOCK_PORT" -https-addr "127.0.0.1:$STRIPE_MOCK_HTTPS_PORT" \
    >"$BERTH_HOME/logs/stripe-mock.log" 2>&1 &
  echo $! >"$BERTH_HOME/stripe-mock/pid"
  wait_for "$STRIPE_MOCK_PORT" stripe-mock 20 || { log "see $BERTH_HOME/logs/stripe-mock.log"; return 1; }
}

bind_up() { "$ROOT/infra/scripts/bind.sh" up; }

mail_up() { "$ROOT/infra/mail/mail.sh" up; }

# Pebble's own HTTPS listener needs a certificate: a small CA of ours (ca.pem, which the worker
# trusts through berth.acme.trusted-ca) signs one for localhost and 127.0.0.1. Made once.
pebble_tls() {
  local dir=$1
  [[ -s $dir/ca.pem && -s $dir/cert.pem && -s $dir/key.pem ]] && return
  log "making a TLS certificate for Pebble's listener in $dir"
  (
    umask 077
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Berth dev Pebble listener CA" \
      -keyout "$dir/ca.key" -out "$dir/ca.pem.tmp" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
      -keyout "$dir/key.pem" -out "$dir/cert.csr" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$dir/cert.ext"
    openssl x509 -req -in "$dir/cert.csr" -CA "$dir/ca.pem.tmp" -CAkey "$dir/ca.key" \
      -CAcreateserial -days 3650 -extfile "$dir/cert.ext" -out "$dir/cert.pem" 2>/dev/null
  )
  rm -f "$dir/cert.csr" "$dir/cert.ext" "$dir/ca.pem.srl"
  chmod 644 "$dir/ca.pem.tmp" "$dir/cert.pem"
  mv "$dir/ca.pem.tmp" "$dir/ca.pem"
}

pebble_up() {
  local dir=$BERTH_HOME/pebble
  if listening "$PEBBLE_PORT"; then return; fi
  command -v pebble >/dev/null || { log "no pebble: run '$0 install'"; return 1; }
  mkdir -p "$dir" "$BERTH_HOME/logs"
  pebble_tls "$dir"
  sed -e "s#@DIR@#$dir#g" -e "s#@PORT@#$PEBBLE_PORT#g" \
    -e "s#@MANAGEMENT_PORT@#$PEBBLE_MANAGEMENT_PORT#g" -e "s#@HTTP_PORT@#$PROXY_PORT#g" \
    -e "s#@TLS_PORT@#$PEBBLE_TLS_PORT#g" -e "s#@VALIDITY@#$PEBBLE_VALIDITY#g" \
    "$ROOT/infra/pebble/pebble-config.json.template" >"$dir/pebble-config.json"
  log "starting Pebble on 127.0.0.1:$PEBBLE_PORT (management $PEBBLE_MANAGEMENT_PORT, DNS 127.0.0.1:$DNS_PORT)"
  PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 PEBBLE_AUTHZREUSE=0 \
    nohup pebble -config "$dir/pebble-config.json" -dnsserver "127.0.0.1:$DNS_PORT" \
    >"$BERTH_HOME/logs/pebble.log" 2>&1 &
  echo $! >"$dir/pid"
  wait_for "$PEBBLE_PORT" Pebble 30 || { log "see $BERTH_HOME/logs/pebble.log"; return 1; }
}

images_up() {
  if [[ -x $ROOT/infra/images/build.sh ]]; then "$ROOT/infra/images/build.sh"; fi
}

up() {
  local services=("$@")
  ((${#services[@]})) || services=(dockerd postgres temporal nginx bind pebble stripe mail images)
  for s in "${services[@]}"; do
    case $s in
      dockerd | postgres | temporal | nginx | bind | pebble | stripe | mail | images) "${s}_up" ;;
      *) log "unknown service $s"; return 2 ;;
    esac
  done
}

down() {
  local prefix=$BERTH_HOME/nginx
  [[ -f $prefix/nginx.pid ]] && nginx -s quit -c "$prefix/nginx.conf" -p "$prefix" 2>/dev/null || true
  [[ -f $BERTH_HOME/temporal/pid ]] && kill "$(cat "$BERTH_HOME/temporal/pid")" 2>/dev/null || true
  rm -f "$BERTH_HOME/temporal/pid"
  [[ -f $BERTH_HOME/pebble/pid ]] && kill "$(cat "$BERTH_HOME/pebble/pid")" 2>/dev/null || true
  rm -f "$BERTH_HOME/pebble/pid"
  [[ -f $BERTH_HOME/stripe-mock/pid ]] && kill "$(cat "$BERTH_HOME/stripe-mock/pid")" 2>/dev/null || true
  rm -f "$BERTH_HOME/stripe-mock/pid"
  "$ROOT/infra/scripts/bind.sh" down
  "$ROOT/infra/mail/mail.sh" down
}

status() {
  docker info >/dev/null 2>&1 && echo "docker     up" || echo "docker     down"
  listening "$PG_PORT" && echo "postgresql up (127.0.0.1:$PG_PORT)" || echo "postgresql down"
  listening "$TEMPORAL_PORT" && echo "temporal   up (127.0.0.1:$TEMPORAL_PORT, UI http://127.0.0.1:$TEMPORAL_UI_PORT)" || echo "temporal   down"
  listening "$PROXY_PORT" && echo "nginx      up (127.0.0.1:$PROXY_PORT)" || echo "nginx      down"
  "$ROOT/infra/scripts/bind.sh" status
  listening "$PEBBLE_PORT" && echo "pebble     up (https://127.0.0.1:$PEBBLE_PORT/dir, management $PEBBLE_MANAGEMENT_PORT)" || echo "pebble     down"
  listening "$STRIPE_MOCK_PORT" && echo "stripe     up (stripe-mock http://127.0.0.1:$STRIPE_MOCK_PORT)" || echo "stripe     down"
  "$ROOT/infra/mail/mail.sh" status
}

case "${1:-}" in
  install) install ;;
  up) shift; up "$@" ;;
  down) down ;;
  status) status ;;
  temporal-bin) temporal_bin ;;
  stripe-mock-bin) stripe_mock_bin ;;
  *) echo "usage: $0 install|up [service...]|down|status" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Berth's authoritative DNS server: BIND 9 on loopback, zones added at run time with rndc and
# changed with TSIG-signed RFC 2136 UPDATEs.
#   bind.sh install   install BIND and its tools if missing (Debian packages)
#   bind.sh up        generate keys, render named.conf, start named unless it runs (idempotent)
#   bind.sh down      stop the named that `up` started
#   bind.sh status    one line
# Files under $BERTH_HOME/bind: named.conf, rndc.key + rndc.conf (control channel), update.key
# (the TSIG key for UPDATEs, read by the worker: berth.dns.tsig-key-file), zones/, named.log.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BERTH_HOME=${BERTH_HOME:-$ROOT/.berth}
DIR=$BERTH_HOME/bind
DNS_PORT=${BERTH_DNS_PORT:-5300}
RNDC_PORT=${BERTH_RNDC_PORT:-9530}
PACKAGES=(bind9 bind9-utils dnsutils)

log() { printf '[bind] %s\n' "$*" >&2; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install() {
  local missing=()
  for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# A key file readable by its owner and group only; named reads it as the bind user.
keygen() { # name file
  [[ -s $2 ]] && return
  (umask 077 && tsig-keygen -a hmac-sha256 "$1" >"$2.tmp")
  mv "$2.tmp" "$2"
}

rndc_cmd() { rndc -c "$DIR/rndc.conf" "$@"; }

up() {
  install
  mkdir -p "$DIR/zones"
  keygen berth-rndc "$DIR/rndc.key"
  keygen berth-update "$DIR/update.key"
  cat >"$DIR/rndc.conf.tmp" <<CONF
include "$DIR/rndc.key";
options { default-key "berth-rndc"; default-server 127.0.0.1; default-port $RNDC_PORT; };
CONF
  mv "$DIR/rndc.conf.tmp" "$DIR/rndc.conf"
  chmod 600 "$DIR/rndc.conf"
  sed -e "s#@DIR@#$DIR#g" -e "s#@PORT@#$DNS_PORT#g" -e "s#@RNDC_PORT@#$RNDC_PORT#g" \
    "$ROOT/infra/bind/named.conf.template" >"$DIR/named.conf"
  named-checkconf "$DIR/named.conf"

  if [[ -f $DIR/named.pid ]] && kill -0 "$(cat "$DIR/named.pid")" 2>/dev/null; then
    rndc_cmd reconfig >/dev/null
    return
  fi
  if listening "$DNS_PORT"; then
    log "port $DNS_PORT is taken by something that is not Berth's named"; return 1
  fi

  local user=bind
  # Run as bind when bind can reach $DIR (every parent directory searchable), else as root.
  if id bind >/dev/null 2>&1 && su -s /bin/sh bind -c "test -x '$BERTH_HOME'" 2>/dev/null; then
    chown root:bind "$DIR" "$DIR/rndc.key" "$DIR/update.key" "$DIR/named.conf"
    chmod 750 "$DIR"
    chmod 640 "$DIR/rndc.key" "$DIR/update.key" "$DIR/named.conf"
    chown -R bind:bind "$DIR/zones"
    chmod 775 "$DIR/zones"
    touch "$DIR/named.log" && chown bind:bind "$DIR/named.log"
    # named writes its pid and lock file into $DIR.
    chmod 770 "$DIR"
  else
    user=root
    chmod 600 "$DIR/rndc.key" "$DIR/update.key"
  fi
  log "starting named as $user on 127.0.0.1:$DNS_PORT (rndc on 127.0.0.1:$RNDC_PORT)"
  nohup named -c "$DIR/named.conf" -u "$user" -f -4 >"$DIR/named.out" 2>&1 &
  local i
  for ((i = 0; i < 100; i++)); do
    listening "$DNS_PORT" && rndc_cmd status >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  log "named did not start: see $DIR/named.out and $DIR/named.log"; return 1
}

down() {
  if [[ -f $DIR/named.pid ]] && kill -0 "$(cat "$DIR/named.pid")" 2>/dev/null; then
    rndc_cmd stop >/dev/null 2>&1 || kill "$(cat "$DIR/named.pid")"
  fi
}

status() {
  listening "$DNS_PORT" && echo "bind       up (127.0.0.1:$DNS_PORT, rndc 127.0.0.1:$RNDC_PORT)" \
    || echo "bind       down"
}

case "${1:-}" in
  install) install ;;
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 install|up|down|status" >&2; exit 2 ;;
esac

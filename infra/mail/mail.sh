#!/usr/bin/env bash
# Berth's mail servers on loopback: Postfix (SMTP 2525, submission 2587), Dovecot (IMAP 1143,
# LMTP, SASL, quota policy), OpenDKIM (milter on 8891) and a small syslog for OpenDKIM's log.
# All state lives in the mail home, $BERTH_HOME/mail; the config is rendered from the templates
# beside this script for one database, which Postfix and Dovecot read through its mail_server_*
# views.
#   mail.sh install   install the Debian packages if missing
#   mail.sh up        render the config, start what is not running, reload what changed; waits
#                     until the servers answer (idempotent; a second `up` changes nothing)
#   mail.sh down      stop what `up` started
#   mail.sh status    one line
# The database: BERTH_MAIL_DB_NAME (default berth), BERTH_MAIL_DB_HOST (127.0.0.1),
# BERTH_MAIL_DB_PORT (5432), BERTH_MAIL_DB_USER (berth), BERTH_MAIL_DB_PASSWORD (berth).
# `BERTH_MAIL_DB_NAME=other mail.sh up` points the running servers at another database.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BERTH_HOME=${BERTH_HOME:-$ROOT/.berth}
MAIL_LINK=$BERTH_HOME/mail
SMTP_PORT=${BERTH_MAIL_SMTP_PORT:-2525}
SUBMISSION_PORT=${BERTH_MAIL_SUBMISSION_PORT:-2587}
IMAP_PORT=${BERTH_MAIL_IMAP_PORT:-1143}
DKIM_PORT=${BERTH_MAIL_DKIM_PORT:-8891}
QUOTA_PORT=${BERTH_MAIL_QUOTA_PORT:-12340}
MAIL_HOSTNAME=${BERTH_MAIL_HOSTNAME:-mail.berth.localhost}
DB_HOST=${BERTH_MAIL_DB_HOST:-127.0.0.1}
DB_PORT=${BERTH_MAIL_DB_PORT:-5432}
DB_NAME=${BERTH_MAIL_DB_NAME:-berth}
DB_USER=${BERTH_MAIL_DB_USER:-berth}
DB_PASSWORD=${BERTH_MAIL_DB_PASSWORD:-berth}
VMAIL_UID=5000
PACKAGES=(postfix postfix-pgsql dovecot-core dovecot-imapd dovecot-lmtpd dovecot-pgsql opendkim
  opendkim-tools busybox)

log() { printf '[mail] %s\n' "$*" >&2; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alive() { # pidfile
  local pid
  [[ -s $1 ]] && read -r pid <"$1" && kill -0 "$pid" 2>/dev/null
}

install() {
  local missing=()
  for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

installed() {
  command -v postfix >/dev/null && command -v dovecot >/dev/null && command -v opendkim >/dev/null \
    && command -v busybox >/dev/null && [[ -e /usr/lib/postfix/postfix-pgsql.so ]] \
    && [[ -e /usr/lib/dovecot/modules/auth/libdriver_pgsql.so || -e /usr/lib/dovecot/modules/libdriver_pgsql.so ]]
}

# Postfix (as postfix), Dovecot (as dovecot and vmail) and OpenDKIM (which checks every directory
# above a key) need a mail home that every user can reach and below no world-writable directory:
# true of a checkout in /work or /home, not of one in /root or /tmp. There the mail home is
# /var/lib/berth/mail-<hash>, and $BERTH_HOME/mail a symlink to it.
path_suits() { # directory
  local d perms
  d=$(realpath -m "$1")
  while [[ $d != / ]]; do
    if [[ -e $d ]]; then
      perms=$(stat -c %a "$d")
      ((8#$perms & 1)) || return 1
      ((8#$perms & 2)) && return 1
    fi
    d=$(dirname "$d")
  done
}

mail_home() { # create?
  if [[ -L $MAIL_LINK ]]; then
    MAIL=$(readlink "$MAIL_LINK")
    [[ $1 == 1 ]] && mkdir -p "$MAIL"
  elif [[ -d $MAIL_LINK || $1 != 1 ]] || path_suits "$BERTH_HOME"; then
    MAIL=$MAIL_LINK
  else
    MAIL=/var/lib/berth/mail-$(printf '%s' "$(realpath -m "$BERTH_HOME")" | sha256sum | cut -c1-12)
    log "$BERTH_HOME is out of reach of the mail servers' users: the mail home is $MAIL, linked from $MAIL_LINK"
    mkdir -p "$MAIL" "$BERTH_HOME"
    ln -s "$MAIL" "$MAIL_LINK"
  fi
  POSTFIX_PID=$MAIL/spool/pid/master.pid
  DOVECOT_PID=$MAIL/run/dovecot/master.pid
  OPENDKIM_PID=$MAIL/run/opendkim.pid
  SYSLOG_PID=$MAIL/run/syslogd.pid
}

# --- config rendering -----------------------------------------------------------------------

# A libpq connection string value: single-quoted, with \ and ' escaped.
pq_quote() {
  local v=${1//\\/\\\\}
  v=${v//\'/\\\'}
  printf "'%s'" "$v"
}

render_vars() {
  local conninfo pghost
  conninfo="host=$(pq_quote "$DB_HOST") port=$(pq_quote "$DB_PORT") dbname=$(pq_quote "$DB_NAME")"
  conninfo+=" user=$(pq_quote "$DB_USER") password=$(pq_quote "$DB_PASSWORD")"
  pghost="inet:$DB_HOST:$DB_PORT"
  # In this order: values from the environment last, so they are never expanded themselves.
  VARS=(HOME "$MAIL" HOSTNAME "$MAIL_HOSTNAME" SMTP_PORT "$SMTP_PORT"
    SUBMISSION_PORT "$SUBMISSION_PORT" IMAP_PORT "$IMAP_PORT" DKIM_PORT "$DKIM_PORT"
    QUOTA_PORT "$QUOTA_PORT" VMAIL_UID "$VMAIL_UID" VMAIL_USER "$VMAIL_USER"
    VMAIL_GROUP "$VMAIL_GROUP" DB_HOSTS "$pghost $pghost $pghost"
    DB_NAME "$DB_NAME" DB_USER "$DB_USER" DB_CONNINFO "$conninfo" DB_PASSWORD "$DB_PASSWORD")
}

render() { # template: sets RENDERED
  local i
  RENDERED=$(<"$1")
  for ((i = 0; i < ${#VARS[@]}; i += 2)); do
    RENDERED=${RENDERED//"@${VARS[i]}@"/"${VARS[i + 1]}"}
  done
}

# Renders a template over dest unless it has that text already. Mode and owner are set before
# the file takes its name, so a password is never readable by others. Returns 0 when changed.
place() { # template dest mode owner
  local new=$2.new
  render "$1"
  if [[ -f $2 && $(<"$2") == "$RENDERED" ]]; then return 1; fi
  (umask 077 && printf '%s\n' "$RENDERED" >"$new")
  chown "$4" "$new"
  chmod "$3" "$new"
  # Postfix loads a map file only once its mtime is in the past (it waits up to 2 s for a file
  # written this very second): date it back, as a re-point must take about a second.
  touch -m -d "@$((EPOCHSECONDS - 10))" "$new"
  mv -f "$new" "$2"
  return 0
}

validate_db_settings() {
  local v
  for v in "$DB_HOST" "$DB_PORT" "$DB_NAME" "$DB_USER"; do
    [[ $v =~ ^[A-Za-z0-9_.-]+$ ]] || { log "invalid database setting '$v' (BERTH_MAIL_DB_*)"; return 2; }
  done
  [[ $DB_PASSWORD != *$'\n'* ]] || { log "BERTH_MAIL_DB_PASSWORD must be one line"; return 2; }
}

# What the servers would be talking to: the database's OID, when PostgreSQL started, and whether
# the mail views exist. When a database was dropped and made again under the same name, or the
# server restarted, every Postfix and Dovecot process holds a dead connection whose first query
# fails (4xx): `up` reloads them when this changes, as it does when the config changes.
db_identity() {
  command -v psql >/dev/null || return 0
  PGPASSWORD=$DB_PASSWORD PGCONNECT_TIMEOUT=3 psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" \
    -d "$DB_NAME" -XqtAc "SELECT d.oid || ' ' || pg_postmaster_start_time() || ' views=' ||
      (to_regclass('mail_server_users') IS NOT NULL
        AND to_regclass('mail_server_suspended_domains') IS NOT NULL) FROM pg_database d
      WHERE d.datname = current_database()" 2>/dev/null || echo error
}

# --- one-time setup -------------------------------------------------------------------------

vmail_user() {
  getent group "$VMAIL_UID" >/dev/null || groupadd -g "$VMAIL_UID" vmail
  getent passwd "$VMAIL_UID" >/dev/null ||
    useradd -u "$VMAIL_UID" -g "$VMAIL_UID" -M -d /nonexistent -s /usr/sbin/nologin -c "Berth mail" vmail
  VMAIL_USER=$(getent passwd "$VMAIL_UID" | cut -d: -f1)
  VMAIL_GROUP=$(getent group "$VMAIL_UID" | cut -d: -f1)
}

directories() {
  mkdir -p "$MAIL"/{postfix,dovecot,opendkim,bin,logs,run,spool,state/postfix,state/dovecot,tls}
  chown postfix:postfix "$MAIL/state/postfix"
  chmod 700 "$MAIL/state/postfix"
  mkdir -p "$MAIL/vmail" "$MAIL/dkim/keys"
  chmod 755 "$MAIL" "$MAIL/run" "$MAIL/logs"
  # Postfix wants its queue directory owned by root; its subdirectories are its own.
  chown root:root "$MAIL/spool"
  chmod 755 "$MAIL/spool"
  chown "$VMAIL_UID:$VMAIL_UID" "$MAIL/vmail"
  chmod 750 "$MAIL/vmail"
  chmod 750 "$MAIL/dkim"
  chmod 700 "$MAIL/dkim/keys"
  # OpenDKIM starts with no domains; Berth fills the tables.
  [[ -e $MAIL/dkim/KeyTable ]] || : >"$MAIL/dkim/KeyTable"
  [[ -e $MAIL/dkim/SigningTable ]] || : >"$MAIL/dkim/SigningTable"
}

# A self-signed certificate for localhost and 127.0.0.1, made once.
tls() {
  local dir=$MAIL/tls
  [[ -s $dir/cert.pem && -s $dir/key.pem ]] && return
  log "making a self-signed TLS certificate for the mail servers in $dir"
  (
    umask 077
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,DNS:$MAIL_HOSTNAME,IP:127.0.0.1" \
      -addext "extendedKeyUsage=serverAuth" \
      -keyout "$dir/key.pem.tmp" -out "$dir/cert.pem.tmp" 2>/dev/null
  )
  chmod 600 "$dir/key.pem.tmp"
  chmod 644 "$dir/cert.pem.tmp"
  mv "$dir/key.pem.tmp" "$dir/key.pem"
  mv "$dir/cert.pem.tmp" "$dir/cert.pem"
}

# --- the servers ------------------------------------------------------------------------------

wait_log() { # file offset extended-regex seconds what
  local i
  for ((i = 0; i < $4 * 10; i++)); do
    tail -c +$(($2 + 1)) "$1" 2>/dev/null | grep -Eq "$3" && return 0
    sleep 0.1
  done
  log "$5: see $1"
  return 1
}

size_of() { stat -c %s "$1" 2>/dev/null || echo 0; }

wait_port() { # port what seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do listening "$1" && return 0; sleep 0.1; done
  log "$2 did not open port $1 within $3 s"
  return 1
}

# Reads the server's greeting on a port: "220 " for SMTP, "* OK" for IMAP.
greets() { # port prefix
  local line
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  IFS= read -r -t 5 line <&3 || line=
  if [[ $2 == 220* ]]; then printf 'QUIT\r\n' >&3; else printf 'a LOGOUT\r\n' >&3; fi
  exec 3<&- 3>&-
  [[ $line == "$2"* ]]
}

# Starts a daemon with its output in logs/start.log: a daemon must not hold the caller's stdout or
# stderr (a test reading `up`'s output until EOF would wait forever), nor the `up` lock.
start() { # what command...
  local what=$1 out=$MAIL/logs/start.log offset
  shift
  offset=$(size_of "$out")
  if ! "$@" >>"$out" 2>&1 </dev/null 9>&-; then
    log "$what did not start:"
    tail -c +$((offset + 1)) "$out" | tail -n 20 >&2
    return 1
  fi
}

port_free_or_ours() { # port what pidfile
  if listening "$1" && ! alive "$3"; then
    log "port $1 is taken by something that is not the $2 of $MAIL (another BERTH_HOME's mail servers? see: ss -ltnp sport = :$1)"
    return 1
  fi
}

# OpenDKIM logs only through syslog(3): a busybox syslogd writes $MAIL/logs/syslog.log, unless
# another syslog daemon already owns /dev/log (then OpenDKIM's lines are in that one's log).
syslog_up() {
  alive "$SYSLOG_PID" && return
  if [[ -S /dev/log ]] && ss -xaH 2>/dev/null | grep -q ' /dev/log '; then
    return
  fi
  busybox syslogd -n -S -O "$MAIL/logs/syslog.log" </dev/null >/dev/null 2>&1 9>&- &
  echo $! >"$SYSLOG_PID"
  local i
  for ((i = 0; i < 30; i++)); do [[ -S /dev/log ]] && return; sleep 0.1; done
  log "busybox syslogd did not create /dev/log: OpenDKIM will log nowhere"
}

opendkim_up() { # changed
  local conf=$MAIL/opendkim/opendkim.conf
  if alive "$OPENDKIM_PID"; then
    if [[ $1 == 1 ]]; then
      log "restarting OpenDKIM (config changed)"
    elif ! listening "$DKIM_PORT"; then
      log "restarting OpenDKIM (it runs but does not listen on $DKIM_PORT)"
    else
      return 0
    fi
    stop_pid "$OPENDKIM_PID" OpenDKIM
  fi
  rm -f "$OPENDKIM_PID"
  port_free_or_ours "$DKIM_PORT" OpenDKIM "$OPENDKIM_PID"
  log "starting OpenDKIM on 127.0.0.1:$DKIM_PORT"
  start OpenDKIM opendkim -x "$conf"
}

dovecot_up() { # changed
  local conf=$MAIL/dovecot/dovecot.conf dlog=$MAIL/logs/dovecot.log offset
  if alive "$DOVECOT_PID"; then
    [[ $1 == 1 ]] || return 0
    offset=$(size_of "$dlog")
    doveadm -c "$conf" reload </dev/null 9>&-
    wait_log "$dlog" "$offset" 'SIGHUP received - reloading configuration' 5 "Dovecot did not reload"
    return
  fi
  port_free_or_ours "$IMAP_PORT" Dovecot "$DOVECOT_PID"
  port_free_or_ours "$QUOTA_PORT" Dovecot "$DOVECOT_PID"
  log "starting Dovecot (IMAP 127.0.0.1:$IMAP_PORT, quota policy 127.0.0.1:$QUOTA_PORT)"
  start "Dovecot (see also $dlog)" dovecot -c "$conf"
}

postfix_up() { # changed
  local dir=$MAIL/postfix
  if alive "$POSTFIX_PID"; then
    [[ $1 == 1 ]] || return 0
    "$MAIL/bin/postfix-reload" </dev/null 9>&-
    return
  fi
  port_free_or_ours "$SMTP_PORT" Postfix "$POSTFIX_PID"
  port_free_or_ours "$SUBMISSION_PORT" Postfix "$POSTFIX_PID"
  log "starting Postfix (SMTP 127.0.0.1:$SMTP_PORT, submission 127.0.0.1:$SUBMISSION_PORT)"
  # `check` makes the queue and data directories with Postfix's owners and modes.
  start "Postfix (see also $MAIL/logs/postfix.log)" postfix -c "$dir" check
  start "Postfix (see also $MAIL/logs/postfix.log)" postfix -c "$dir" start
}

up() {
  installed || { log "Postfix, Dovecot or OpenDKIM is not installed: run 'infra/scripts/services.sh install'"; return 1; }
  validate_db_settings
  mail_home 1
  mkdir -p "$MAIL/run"
  # One `up` at a time (tests may call it from several processes).
  exec 9>"$MAIL/run/up.lock"
  flock -w 120 9 || { log "another 'mail.sh up' holds $MAIL/run/up.lock"; return 1; }

  vmail_user
  directories
  tls
  render_vars

  local t=$HERE pf=0 dc=0 dk=0 m identity
  identity=$(db_identity)
  if [[ $identity == error ]]; then
    log "cannot connect to database $DB_NAME on $DB_HOST:$DB_PORT as $DB_USER: the mail servers stay as they are"
    return 1
  elif [[ $identity == *views=false ]]; then
    log "WARNING: database $DB_NAME lacks mail_server_* views (Flyway's V6 and V8 make them): mail lookups fail until then"
  fi
  if [[ -n $identity && $identity != "$(cat "$MAIL/run/database-identity" 2>/dev/null)" ]]; then
    pf=1
    dc=1
  fi
  place "$t/postfix/main.cf.template" "$MAIL/postfix/main.cf" 644 root:root && pf=1
  place "$t/postfix/master.cf.template" "$MAIL/postfix/master.cf" 644 root:root && pf=1
  for m in domains mailboxes aliases sender-logins suspended; do
    place "$t/postfix/pgsql-$m.cf.template" "$MAIL/postfix/pgsql-$m.cf" 640 root:postfix && pf=1
  done
  place "$t/dovecot/dovecot.conf.template" "$MAIL/dovecot/dovecot.conf" 644 root:root && dc=1
  place "$t/dovecot/dovecot-sql.conf.ext.template" "$MAIL/dovecot/dovecot-sql.conf.ext" 640 root:dovecot && dc=1
  place "$t/dovecot/dovecot-dict-sql.conf.ext.template" "$MAIL/dovecot/dovecot-dict-sql.conf.ext" 640 root:dovecot && dc=1
  place "$t/opendkim/opendkim.conf.template" "$MAIL/opendkim/opendkim.conf" 644 root:root && dk=1
  place "$t/bin/dkim-reload.template" "$MAIL/bin/dkim-reload" 755 root:root || true
  place "$t/bin/postfix-reload.template" "$MAIL/bin/postfix-reload" 755 root:root || true

  syslog_up
  opendkim_up "$dk"
  dovecot_up "$dc"
  postfix_up "$pf"

  wait_port "$DKIM_PORT" OpenDKIM 10
  wait_port "$QUOTA_PORT" "Dovecot's quota policy" 10
  wait_port "$IMAP_PORT" Dovecot 10
  wait_port "$SMTP_PORT" Postfix 10
  wait_port "$SUBMISSION_PORT" Postfix 10
  greets "$IMAP_PORT" "* OK" || { log "Dovecot does not greet on $IMAP_PORT: see $MAIL/logs/dovecot.log"; return 1; }
  greets "$SMTP_PORT" "220 " || { log "Postfix does not greet on $SMTP_PORT: see $MAIL/logs/postfix.log"; return 1; }
  greets "$SUBMISSION_PORT" "220 " || { log "Postfix does not greet on $SUBMISSION_PORT: see $MAIL/logs/postfix.log"; return 1; }
  if ((pf || dc)); then log "mail servers read database $DB_NAME on $DB_HOST:$DB_PORT"; fi
  printf '%s on %s:%s\n' "$DB_NAME" "$DB_HOST" "$DB_PORT" >"$MAIL/run/database"
  printf '%s\n' "$identity" >"$MAIL/run/database-identity"
}

stop_pid() { # pidfile what
  local pid i
  read -r pid 2>/dev/null <"$1" || return 0
  if kill "$pid" 2>/dev/null; then
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && log "$2 (pid $pid) did not stop within 10 s"
  fi
  rm -f "$1"
}

down() {
  mail_home 0
  [[ -d $MAIL ]] || return 0
  if alive "$POSTFIX_PID"; then
    postfix -c "$MAIL/postfix" stop 2>/dev/null || true
  fi
  if alive "$DOVECOT_PID"; then
    doveadm -c "$MAIL/dovecot/dovecot.conf" stop 2>/dev/null || stop_pid "$DOVECOT_PID" Dovecot
  fi
  stop_pid "$OPENDKIM_PID" OpenDKIM
  stop_pid "$SYSLOG_PID" syslogd
}

status() {
  local p missing=()
  mail_home 0
  for p in "$SMTP_PORT" "$SUBMISSION_PORT" "$IMAP_PORT" "$DKIM_PORT"; do listening "$p" || missing+=("$p"); done
  if ((${#missing[@]} == 4)); then
    echo "mail       down"
  elif ((${#missing[@]})); then
    echo "mail       partly up (nothing on ${missing[*]}): see $MAIL/logs"
  else
    echo "mail       up (SMTP 127.0.0.1:$SMTP_PORT, submission $SUBMISSION_PORT, IMAP $IMAP_PORT; database $(cat "$MAIL/run/database" 2>/dev/null || echo '?'))"
  fi
}

case "${1:-}" in
  install) install ;;
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 install|up|down|status" >&2; exit 2 ;;
esac

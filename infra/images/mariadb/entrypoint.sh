#!/bin/bash
# Starts MariaDB as the mysql user. On the first start (an empty /var/lib/mysql) it initialises the
# data directory: root@localhost and mysql@localhost authenticate by unix socket (the OS user inside
# the container), and root also by password when one is given, read from the file named by
# MARIADB_ROOT_PASSWORD_FILE or else from MARIADB_ROOT_PASSWORD. Neither is needed afterwards.
set -euo pipefail

readonly datadir=/var/lib/mysql
readonly init_socket=/tmp/mysqld-init.sock

log() { printf '[berth-mariadb] %s\n' "$*" >&2; }

root_password() {
  if [[ -n ${MARIADB_ROOT_PASSWORD_FILE:-} ]]; then
    [[ -r $MARIADB_ROOT_PASSWORD_FILE ]] || { log "cannot read MARIADB_ROOT_PASSWORD_FILE"; exit 1; }
    local password
    password="$(<"$MARIADB_ROOT_PASSWORD_FILE")"
    printf '%s' "$password"
  else
    printf '%s' "${MARIADB_ROOT_PASSWORD:-}"
  fi
}

set_root_password() {
  local password="$1"
  mariadbd --skip-networking --socket="$init_socket" --pid-file=/tmp/mysqld-init.pid \
    --datadir="$datadir" >/dev/null 2>&1 &
  local pid=$!
  local i
  for i in $(seq 1 60); do
    if mariadb-admin --socket="$init_socket" --silent ping >/dev/null 2>&1; then
      break
    fi
    sleep 0.5
  done
  local escaped=${password//\\/\\\\}
  escaped=${escaped//\'/\'\'}
  printf "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('%s');\n" \
    "$escaped" | mariadb --socket="$init_socket" --batch
  mariadb-admin --socket="$init_socket" shutdown
  wait "$pid" || true
}

initialise() {
  log "initialising an empty data directory"
  # Made aside first, so a start interrupted half-way begins again from scratch.
  local staging="$datadir/.berth-init"
  rm -rf "$staging"
  mkdir -p "$staging"
  local output
  if ! output="$(mariadb-install-db --user=mysql --datadir="$staging" \
    --auth-root-authentication-method=socket --skip-test-db --skip-name-resolve 2>&1)"; then
    printf '%s\n' "$output" >&2
    log "mariadb-install-db failed"
    exit 1
  fi
  local entry
  for entry in "$staging"/*; do
    [[ $(basename "$entry") == mysql ]] || mv "$entry" "$datadir/"
  done
  mv "$staging/mysql" "$datadir/mysql"
  rmdir "$staging"

  local password
  password="$(root_password)"
  if [[ -n $password ]]; then
    set_root_password "$password"
    log "root password set"
  fi
  log "data directory ready"
}

if [[ ${1:-} == mariadbd ]]; then
  if [[ ! -d $datadir/mysql ]]; then
    initialise
  fi
  unset MARIADB_ROOT_PASSWORD MARIADB_ROOT_PASSWORD_FILE
fi
exec "$@"

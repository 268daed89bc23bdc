#!/usr/bin/env bash
# ./berth bench [certificates|mail|backups]: on the real services,
#   (no mode)      paid→live latency of static sites (sequential and concurrent orders) and of
#                  WordPress sites (sequential), the idle memory of a WordPress container and of a
#                  customer's MariaDB, the resident memory of panel and worker, then domain
#                  attached→HTTPS latency, then email, then backups; writes
#                  bench/results/<date>-paid-to-live.md, <date>-attach-to-https.md,
#                  <date>-mailbox-to-inbox.md and <date>-backup-restore.md
#   certificates   only domain attached→HTTPS latency: bench/results/<date>-attach-to-https.md
#   mail           only email (email on→ACTIVE, mailbox created→first IMAP login, SMTP→INBOX,
#                  IMAP logins/s): bench/results/<date>-mailbox-to-inbox.md
#   backups        only backups of a site (back up now→verified, restore→completed, the
#                  site's unavailability during the restore, log reads): <date>-backup-restore.md
# Like the system tests it starts from an empty bench database and removes Berth site
# containers, networks and routes left on this machine, and the bench's DNS zones, the TLS
# files of the shared nginx and the bench's mail domains' DKIM keys and Maildirs; it removes them
# again when it ends. For the mail measurements it points the mail servers at the bench database,
# and back at `berth` when it ends.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export BERTH_HOME=${BERTH_HOME:-$ROOT/.berth}
SERVICES=$ROOT/infra/scripts/services.sh
N=${BERTH_BENCH_ORDERS:-20}
N_WP=${BERTH_BENCH_WORDPRESS_ORDERS:-10}
N_CERT=${BERTH_BENCH_CERTIFICATES:-10}
N_MAILBOXES=${BERTH_BENCH_MAILBOXES:-10}
N_MAILS=${BERTH_BENCH_MAILS:-50}
N_LOGINS=${BERTH_BENCH_LOGINS:-50}
N_WRONG=5
N_BACKUPS=${BERTH_BENCH_BACKUPS:-5}
BACKUP_MB=${BERTH_BENCH_BACKUP_MB:-50}
MODE=${1:-all}
case $MODE in
  all | certificates | mail | backups) ;;
  *) echo "usage: ./berth bench [certificates|mail|backups]" >&2; exit 2 ;;
esac
ADMIN_EMAIL=bench-support@berth.test
ADMIN_PASSWORD=Bench-support-password-1
NAMESPACE=berth-bench

log() { printf '[bench] %s\n' "$*" >&2; }

"$SERVICES" install
"$SERVICES" up
log "building"
(cd "$ROOT" && ./mvnw -q -B package -DskipTests -Dspotless.check.skip=true)

log "resetting the bench database, namespace, site containers, routes, bench zones and TLS files"
# The hosted zones the bench made are the domains of its database: read them before it goes.
bench_zones() {
  su postgres -c "psql -d berth_bench -Atqc 'SELECT DISTINCT name FROM domain'" 2>/dev/null || true
}
reset_certificates() {
  local zone
  for zone in $1; do
    rndc -c "$BERTH_HOME/bind/rndc.conf" delzone -clean "$zone" >/dev/null 2>&1 || true
  done
  rm -f "$BERTH_HOME"/nginx/tls/* "$BERTH_HOME"/nginx/sites/domain-*.conf
}
# The bench's mail domains: their DKIM table lines and keys, and their Maildirs, written by the
# bench's worker into the one mail home the mail servers share.
bench_mail_domains() {
  su postgres -c "psql -d berth_bench -Atqc 'SELECT DISTINCT name FROM mail_domain'" 2>/dev/null || true
}
reset_mail() {
  local home=$BERTH_HOME/mail domain pattern removed=0
  for domain in $1; do
    [[ $domain =~ ^[a-z0-9-]+(\.[a-z0-9-]+)+$ ]] || continue
    pattern=${domain//./\\.}
    [[ -f $home/dkim/SigningTable ]] && sed -i "/^\*@${pattern}[[:space:]]/d" "$home/dkim/SigningTable"
    [[ -f $home/dkim/KeyTable ]] && sed -i "/^[^[:space:]]*[[:space:]]\+${pattern}:/d" "$home/dkim/KeyTable"
    rm -f "$home/dkim/keys/$domain.private"
    rm -rf "${home:?}/vmail/$domain"
    removed=1
  done
  if ((removed)) && [[ -x $home/bin/dkim-reload ]]; then "$home/bin/dkim-reload" >/dev/null 2>&1 || true; fi
}
zones=$(bench_zones)
mail_domains=$(bench_mail_domains)
su postgres -c "psql -qc 'DROP DATABASE IF EXISTS berth_bench WITH (FORCE)'" >/dev/null
su postgres -c "createdb -O berth berth_bench"
"$("$SERVICES" temporal-bin)" workflow terminate --namespace "$NAMESPACE" \
  --query "ExecutionStatus='Running'" --reason "new bench run" --yes >/dev/null 2>&1 || true
reset_sites() {
  for label in io.berth.site io.berth.role=database; do
    docker ps -aq --filter "label=$label" | xargs -r docker rm -f >/dev/null
    docker volume ls -q --filter "label=$label" | xargs -r docker volume rm >/dev/null
  done
  docker network ls -q --filter name=berth-net- | xargs -r docker network rm >/dev/null 2>&1 || true
  rm -f "$BERTH_HOME"/nginx/sites/site-*.conf
  rm -rf "$BERTH_HOME/bench-backups"
  nginx -s reload -c "$BERTH_HOME/nginx/nginx.conf" -p "$BERTH_HOME/nginx"
}
reset_certificates "$zones"
reset_sites
reset_mail "$mail_domains"

export BERTH_DB_URL=jdbc:postgresql://127.0.0.1:5432/berth_bench BERTH_DB_USER=berth BERTH_DB_PASSWORD=berth
export BERTH_TEMPORAL_NAMESPACE=$NAMESPACE BERTH_HOST_ID=bench BERTH_PROXY_PREFIX=$BERTH_HOME/nginx
export BERTH_ADMIN_EMAIL=$ADMIN_EMAIL BERTH_ADMIN_PASSWORD=$ADMIN_PASSWORD
export BERTH_BACKUP_DIR=$BERTH_HOME/bench-backups
mkdir -p "$BERTH_HOME/logs"
java -jar "$(ls "$ROOT"/worker/target/worker-*.jar | grep -v original)" >"$BERTH_HOME/logs/bench-worker.log" 2>&1 &
worker=$!
java -jar "$(ls "$ROOT"/web-panel/target/web-panel-*.jar | grep -v original)" >"$BERTH_HOME/logs/bench-panel.log" 2>&1 &
panel=$!
mail_pointed=0
finish() {
  kill $worker $panel 2>/dev/null
  wait 2>/dev/null
  reset_certificates "$(bench_zones)"
  reset_sites
  reset_mail "$(bench_mail_domains)"
  if ((mail_pointed)); then
    log "pointing the mail servers back at the database berth"
    "$SERVICES" up mail >/dev/null || log "WARNING: the mail servers could not be pointed back at berth: $SERVICES up mail"
  fi
}
trap finish EXIT
for _ in $(seq 1 600); do curl -fs --noproxy "*" -o /dev/null http://127.0.0.1:8080/api/v1/plans && break; sleep 0.2; done

rss_mb() { echo $(($(ps -o rss= -p "$1") / 1024)); }
paid_to_live() {
  local idle_panel idle_worker table wp_table busy_panel busy_worker wp_mib db_mib report
  idle_panel=$(rss_mb $panel); idle_worker=$(rss_mb $worker)

  log "measuring paid→live with $N sequential and $N concurrent orders"
  table=$(java "$ROOT/bench/PaidToLive.java" http://127.0.0.1:8080 8880 "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$N")

  log "measuring paid→WordPress ready with $N_WP sequential orders"
  wp_table=$(java "$ROOT/bench/PaidToLive.java" http://127.0.0.1:8080 8880 "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$N_WP" wordpress)
  busy_panel=$(rss_mb $panel); busy_worker=$(rss_mb $worker)

  log "letting the WordPress sites and their databases idle for 60 s"
  sleep 60
  # Median memory (MiB) of the running containers made from image $1.
  median_mib() {
    local ids
    ids=$(docker ps -q --filter "ancestor=$1")
    [[ -n $ids ]] || { echo "n/a"; return; }
    # shellcheck disable=SC2086
    docker stats --no-stream --format '{{.MemUsage}}' $ids | awk '
      {
        v = $1; unit = v; gsub(/[0-9.]/, "", unit); gsub(/[A-Za-z]/, "", v)
        if (unit == "GiB") v *= 1024; else if (unit == "KiB") v /= 1024; else if (unit == "B") v /= 1048576
        print v
      }' | sort -n | awk '
      { a[NR] = $1 }
      END {
        if (NR == 0) { print "n/a"; exit }
        m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
        printf "%.1f (n=%d)", m, NR
      }'
  }
  wp_mib=$(median_mib berth/wordpress:1)
  db_mib=$(median_mib berth/mariadb:1)

  report=$ROOT/bench/results/$(date +%F)-paid-to-live.md
  {
    echo "# Paid→live, static sites — $(date -u +'%F %H:%M UTC')"
    echo
    echo "Commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB."
    echo "Clock: from the admin API's mark-paid call to the site's first HTTP 200 through nginx."
    echo "Command: \`./berth bench\` (BERTH_BENCH_ORDERS=$N, BERTH_BENCH_WORDPRESS_ORDERS=$N_WP)."
    echo
    echo "$table"
    echo
    echo "| process | RSS idle (MB) | RSS after the runs (MB) |"
    echo "| --- | --- | --- |"
    echo "| panel | $idle_panel | $busy_panel |"
    echo "| worker | $idle_worker | $busy_worker |"
    echo
    echo "## Paid→WordPress ready"
    echo
    echo "Clock: from mark-paid to both the front page and wp-login.php answering 200 through nginx"
    echo "(database, container, WordPress install, route and health check included)."
    echo
    echo "$wp_table"
    echo
    echo "| container, after 60 s idle (docker stats) | median MiB |"
    echo "| --- | --- |"
    echo "| WordPress site | $wp_mib |"
    echo "| customer MariaDB | $db_mib |"
  } >"$report"
  cat "$report"
  log "report: $report"
}

# Domain attached→HTTPS: each sample attaches a fresh hosted domain to a fresh Trial site and
# waits for curl, trusting only Pebble's root of this run, to get 200 over HTTPS on 8443.
attach_to_https() {
  local command=$1 root table status=0 report
  root=$(mktemp)
  curl -fsS --noproxy "*" --cacert "$BERTH_HOME/pebble/ca.pem" -o "$root" https://127.0.0.1:15000/roots/0 || {
    log "Pebble's root is unavailable (management https://127.0.0.1:15000): ./berth services up pebble"
    return 1
  }
  log "measuring domain attached→HTTPS with $N_CERT sequential samples"
  table=$(java "$ROOT/bench/AttachToHttps.java" http://127.0.0.1:8080 8443 "$root" "$N_CERT") || status=$?
  rm -f "$root"
  report=$ROOT/bench/results/$(date +%F)-attach-to-https.md
  {
    echo "# Domain attached→HTTPS — $(date -u +'%F %H:%M UTC')"
    echo
    echo "Commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; CA: Pebble on 127.0.0.1:14000 (HTTP-01)."
    echo "Method: $N_CERT sequential samples through REST API v1 only. Each is a new customer who orders the"
    echo "Trial plan's static site and waits for it ACTIVE, then adds the domain \`b<run><i>.test\` with hosted DNS"
    echo "and waits for its DNS check (status ACTIVE). Clock: from sending \`POST /api/v1/domains/{id}/site\` to the"
    echo "first \`curl --noproxy '*' --cacert <Pebble root> --resolve <name>:8443:127.0.0.1 https://<name>:8443/\`"
    echo "that answers 200 (polled every 100 ms, so up to ~0.1 s late), and, polled alongside, to the first"
    echo "\`GET /api/v1/sites/{id}/certificate\` answering status ISSUED (installed, renewal scheduled). The clock"
    echo "covers the attach update, the route, the certificate workflow's ACME order, HTTP-01 validation,"
    echo "issuance and the nginx install. Percentiles are nearest-rank."
    echo "Command: \`$command\` (BERTH_BENCH_CERTIFICATES=$N_CERT)."
    echo
    echo "$table"
  } >"$report"
  cat "$report"
  log "report: $report"
  ((status == 0)) || log "not every sample was served over HTTPS: see $BERTH_HOME/logs/bench-worker.log"
  return "$status"
}

# Email: one customer with a hosted domain and email on; mailbox created→first IMAP login,
# SMTP on 2525→visible over IMAP on 1143, IMAP logins per second. The mail servers read the bench
# database (migrated by now: the panel answered) until the bench ends.
mailbox_to_inbox() {
  local command=$1 table status=0 report
  log "pointing the mail servers at the database berth_bench"
  mail_pointed=1
  BERTH_MAIL_DB_NAME=berth_bench "$SERVICES" up mail >&2 || {
    log "the mail servers could not be pointed at berth_bench: see $BERTH_HOME/mail/logs/start.log"
    return 1
  }
  log "measuring email with $N_MAILBOXES mailboxes, $N_MAILS messages and $N_LOGINS logins"
  table=$(java "$ROOT/bench/MailboxToInbox.java" http://127.0.0.1:8080 1143 2525 \
    "$N_MAILBOXES" "$N_MAILS" "$N_LOGINS" "$N_WRONG") || status=$?
  report=$ROOT/bench/results/$(date +%F)-mailbox-to-inbox.md
  {
    echo "# Mailbox created→inbox — $(date -u +'%F %H:%M UTC')"
    echo
    echo "Commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;"
    echo "Postfix $(postconf -h mail_version 2>/dev/null || echo '?'), Dovecot $(dovecot --version 2>/dev/null | cut -d' ' -f1 || echo '?'), reading the bench database's mail views."
    echo "Method: REST API v1 and the mail ports on 127.0.0.1 only. One customer orders the Trial plan's"
    echo "static site, adds the hosted domain \`m<run>.test\` (waits for ACTIVE) and turns email on for it."
    echo "The Trial plan allows 2 mailboxes: \`inbox@\` stays for the run, each mailbox sample takes the"
    echo "other slot and is deleted through the API after its sample (a deleted mailbox no longer counts)."
    echo "Mailbox clock: from sending \`POST /api/v1/mail/domains/{id}/mailboxes\` to the API reading ACTIVE"
    echo "(\`GET /api/v1/mail/mailboxes/{id}\` every 20 ms) and to the first plain IMAP \`LOGIN\` answered OK on"
    echo "127.0.0.1:1143, a new connection tried every 20 ms once the API reads ACTIVE (Dovecot answers a"
    echo "refused login only after 2 s and then holds back further logins from the address, so logins are"
    echo "not tried earlier). Delivery clock: from connecting to 127.0.0.1:2525 (plain SMTP, no AUTH:"
    echo "EHLO, MAIL FROM, RCPT TO, DATA) to the 250 after DATA, and to the first \`STATUS INBOX (MESSAGES)\`"
    echo "that counts the message, polled every 10 ms on one logged-in IMAP connection; one message at a"
    echo "time. Logins: one connection each (connect, greeting, LOGIN, LOGOUT), one after the other; each"
    echo "makes Dovecot verify the mailbox's bcrypt hash (cost 10). Percentiles are nearest-rank."
    echo "Command: \`$command\` (BERTH_BENCH_MAILBOXES=$N_MAILBOXES, BERTH_BENCH_MAILS=$N_MAILS, BERTH_BENCH_LOGINS=$N_LOGINS)."
    echo
    echo "$table"
  } >"$report"
  cat "$report"
  log "report: $report"
  ((status == 0)) || log "the mail bench stopped early: see $BERTH_HOME/logs/bench-worker.log and $BERTH_HOME/mail/logs"
  return "$status"
}

# Backups: one Trial static site with BACKUP_MB MiB of random files; back up now→VERIFIED,
# restore→COMPLETED with the front page probed through nginx, the access log read through the API.
backup_restore() {
  local command=$1 table status=0 report
  log "measuring backups and restores of a $BACKUP_MB MiB site, $N_BACKUPS samples"
  table=$(java "$ROOT/bench/BackupRestore.java" http://127.0.0.1:8080 8880 "$BACKUP_MB" "$N_BACKUPS") || status=$?
  report=$ROOT/bench/results/$(date +%F)-backup-restore.md
  {
    echo "# Backup and restore of a site — $(date -u +'%F %H:%M UTC')"
    echo
    echo "Commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;"
    echo "backups stored in a directory on this host (\`berth.backup.dir\`)."
    echo "Method: REST API v1 and nginx on 127.0.0.1 only. One customer orders the Trial plan's static site;"
    echo "random files are written into its volume. Each sample: \`POST /api/v1/sites/{id}/backups\` until the"
    echo "backup reads VERIFIED (archive + checksums + restore to a scratch container and its check), then"
    echo "\`POST /api/v1/backups/{id}/restore\` into the same site until the restore reads COMPLETED (pre-restore"
    echo "backup, checksum check, staging, swap, health check, clean-up), both polled every 50 ms; during the"
    echo "restore the front page is fetched through nginx every 10 ms and the longest run of answers other"
    echo "than 200 is reported; then the last 1000 lines of the site's access log through the API."
    echo "Percentiles are nearest-rank. Command: \`$command\` (BERTH_BENCH_BACKUPS=$N_BACKUPS, BERTH_BENCH_BACKUP_MB=$BACKUP_MB)."
    echo
    echo "$table"
  } >"$report"
  cat "$report"
  log "report: $report"
  ((status == 0)) || log "the backup bench stopped early: see $BERTH_HOME/logs/bench-worker.log"
  return "$status"
}

mkdir -p "$ROOT/bench/results"
case $MODE in
  all)
    paid_to_live
    attach_to_https "./berth bench"
    mailbox_to_inbox "./berth bench"
    backup_restore "./berth bench"
    ;;
  certificates) attach_to_https "./berth bench certificates" ;;
  mail) mailbox_to_inbox "./berth bench mail" ;;
  backups) backup_restore "./berth bench backups" ;;
esac

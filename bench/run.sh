#!/usr/bin/env bash
# ./berth bench: paid→live latency of static sites (sequential and concurrent orders) and the
# resident memory of panel and worker, on the real services. Writes bench/results/<date>-*.md.
# Like the system tests it starts from an empty bench database and removes Berth site
# containers, networks and routes left on this machine.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export BERTH_HOME=${BERTH_HOME:-$ROOT/.berth}
SERVICES=$ROOT/infra/scripts/services.sh
N=${BERTH_BENCH_ORDERS:-20}
ADMIN_EMAIL=bench-support@berth.test
ADMIN_PASSWORD=Bench-support-password-1
NAMESPACE=berth-bench

log() { printf '[bench] %s\n' "$*" >&2; }

"$SERVICES" install
"$SERVICES" up
log "building"
(cd "$ROOT" && ./mvnw -q -B package -DskipTests -Dspotless.check.skip=true)

log "resetting the bench database, namespace, site containers and routes"
su postgres -c "psql -qc 'DROP DATABASE IF EXISTS berth_bench WITH (FORCE)'" >/dev/null
su postgres -c "createdb -O berth berth_bench"
"$("$SERVICES" temporal-bin)" workflow terminate --namespace "$NAMESPACE" \
  --query "ExecutionStatus='Running'" --reason "new bench run" --yes >/dev/null 2>&1 || true
reset_sites() {
  docker ps -aq --filter label=io.berth.site | xargs -r docker rm -f >/dev/null
  docker volume ls -q --filter label=io.berth.site | xargs -r docker volume rm >/dev/null
  docker network ls -q --filter name=berth-net- | xargs -r docker network rm >/dev/null 2>&1 || true
  rm -f "$BERTH_HOME"/nginx/sites/site-*.conf
  nginx -s reload -c "$BERTH_HOME/nginx/nginx.conf" -p "$BERTH_HOME/nginx"
}
reset_sites

export BERTH_DB_URL=jdbc:postgresql://127.0.0.1:5432/berth_bench BERTH_DB_USER=berth BERTH_DB_PASSWORD=berth
export BERTH_TEMPORAL_NAMESPACE=$NAMESPACE BERTH_HOST_ID=bench BERTH_PROXY_PREFIX=$BERTH_HOME/nginx
export BERTH_ADMIN_EMAIL=$ADMIN_EMAIL BERTH_ADMIN_PASSWORD=$ADMIN_PASSWORD
mkdir -p "$BERTH_HOME/logs"
java -jar "$(ls "$ROOT"/worker/target/worker-*.jar | grep -v original)" >"$BERTH_HOME/logs/bench-worker.log" 2>&1 &
worker=$!
java -jar "$(ls "$ROOT"/web-panel/target/web-panel-*.jar | grep -v original)" >"$BERTH_HOME/logs/bench-panel.log" 2>&1 &
panel=$!
trap 'kill $worker $panel 2>/dev/null; wait 2>/dev/null; reset_sites' EXIT
for _ in $(seq 1 600); do curl -fs -o /dev/null http://127.0.0.1:8080/api/v1/plans && break; sleep 0.2; done

rss_mb() { echo $(($(ps -o rss= -p "$1") / 1024)); }
idle_panel=$(rss_mb $panel); idle_worker=$(rss_mb $worker)

log "measuring paid→live with $N sequential and $N concurrent orders"
table=$(java "$ROOT/bench/PaidToLive.java" http://127.0.0.1:8080 8880 "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$N")
busy_panel=$(rss_mb $panel); busy_worker=$(rss_mb $worker)

mkdir -p "$ROOT/bench/results"
report=$ROOT/bench/results/$(date +%F)-paid-to-live.md
{
  echo "# Paid→live, static sites — $(date -u +'%F %H:%M UTC')"
  echo
  echo "Commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB."
  echo "Clock: from the admin API's mark-paid call to the site's first HTTP 200 through nginx."
  echo "Command: \`./berth bench\` (BERTH_BENCH_ORDERS=$N)."
  echo
  echo "$table"
  echo
  echo "| process | RSS idle (MB) | RSS after the runs (MB) |"
  echo "| --- | --- | --- |"
  echo "| panel | $idle_panel | $busy_panel |"
  echo "| worker | $idle_worker | $busy_worker |"
} >"$report"
cat "$report"
log "report: $report"

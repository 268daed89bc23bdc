#!/usr/bin/env bash
# Builds the images Berth runs sites from, on the local Docker engine; no registry needed.
#
#   infra/images/build.sh           build what changed (fast when nothing did)
#   infra/images/build.sh static    only the named app(s)
#
# 1. The base image debian:bookworm-slim: when missing, made with debootstrap and docker import.
# 2. Every infra/images/<app>/Dockerfile becomes berth/<app>:1, unless an image labelled with the
#    hash of that folder's content (and of the base image) already exists.
#
# Environment: BERTH_HOME (default <repo>/.berth; the debootstrap tree is cached under
# $BERTH_HOME/cache), DEBIAN_MIRROR (default http://deb.debian.org/debian).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
BERTH_HOME="${BERTH_HOME:-$repo/.berth}"
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

readonly base_image="debian:bookworm-slim"
readonly image_tag="1"
readonly hash_label="io.berth.image-hash"

log() { printf '[images] %s\n' "$*" >&2; }
die() { printf '[images] error: %s\n' "$*" >&2; exit 1; }

command -v docker >/dev/null || die "docker CLI not found"
docker version --format '{{.Server.Version}}' >/dev/null 2>&1 \
  || die "Docker engine unreachable (is dockerd running? DOCKER_HOST=${DOCKER_HOST:-unset})"

ensure_base() {
  if docker image inspect "$base_image" >/dev/null 2>&1; then
    return
  fi
  command -v debootstrap >/dev/null \
    || die "$base_image is missing and debootstrap is not installed (apt-get install debootstrap)"
  [[ $(id -u) -eq 0 ]] || die "$base_image is missing; debootstrap needs root to build it"

  local cache="$BERTH_HOME/cache"
  local root="$cache/debootstrap-bookworm"
  mkdir -p "$cache"
  if [[ ! -f "$root/.berth-complete" ]]; then
    log "building $base_image with debootstrap into $root (about a minute)"
    rm -rf "$root"
    debootstrap --variant=minbase bookworm "$root" "$DEBIAN_MIRROR" >&2
    rm -f "$root"/var/cache/apt/archives/*.deb
    rm -rf "$root"/var/lib/apt/lists/*
    touch "$root/.berth-complete"
  else
    log "importing $base_image from the cached tree in $root"
  fi
  tar -C "$root" --exclude=./.berth-complete -c . \
    | docker import --change 'CMD ["bash"]' - "$base_image" >/dev/null
  log "imported $base_image"
}

# Hash of everything that goes into an app image: its folder's files (names, modes, content)
# and the id of the base image it is built on.
content_hash() {
  local dir="$1"
  {
    docker image inspect --format '{{.Id}}' "$base_image"
    cd "$dir"
    find . -type f -print0 | LC_ALL=C sort -z | xargs -0 stat --format '%n %a'
    find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
  } | sha256sum | cut -d' ' -f1
}

build_app() {
  local app="$1"
  local dir="$here/$app"
  local image="berth/$app:$image_tag"
  [[ -f "$dir/Dockerfile" ]] || die "no Dockerfile in $dir"

  local hash current
  hash="$(content_hash "$dir")"
  current="$(docker image inspect --format "{{index .Config.Labels \"$hash_label\"}}" "$image" \
    2>/dev/null || true)"
  if [[ "$current" == "$hash" ]]; then
    log "$image is up to date"
    return
  fi

  local same
  same="$(docker images --quiet --filter "label=$hash_label=$hash" | head -n1)"
  if [[ -n "$same" ]]; then
    docker tag "$same" "$image"
    log "$image re-tagged from $same (same content)"
    return
  fi

  local previous
  previous="$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"

  log "building $image"
  local started=$SECONDS
  if docker buildx version >/dev/null 2>&1; then
    docker build --label "$hash_label=$hash" --tag "$image" "$dir" >&2
  else
    DOCKER_BUILDKIT=0 docker build --label "$hash_label=$hash" --tag "$image" "$dir" >&2
  fi
  log "built $image in $((SECONDS - started)) s"

  # The image this build replaces is removed, unless a site's container still uses it.
  if [[ -n "$previous" ]]; then
    docker image rm "$previous" >/dev/null 2>&1 || true
  fi
}

ensure_base

if [[ $# -gt 0 ]]; then
  apps=("$@")
else
  apps=()
  for dockerfile in "$here"/*/Dockerfile; do
    apps+=("$(basename "$(dirname "$dockerfile")")")
  done
fi
for app in "${apps[@]}"; do
  build_app "$app"
done

#!/usr/bin/env bash
# The cluster (npm run cluster, tests/integration/cluster-deployment.test.ts) puts Debian's nginx in
# front of the Strapi instances. Installs it when missing and this user may use apt-get, without
# letting the package start its own service on port 80: the cluster runs its own nginx, on loopback.
set -euo pipefail
NGINX="${NGINX_PATH:-/usr/sbin/nginx}"
[ -x "$NGINX" ] && exit 0
# bookworm: "nginx" is the binary with the stock modules (proxy, upstream keepalive); nginx-light is
# only "nginx" plus an echo module.
if [ "$(id -u)" -ne 0 ]; then
  echo "The cluster needs nginx (Debian package). Install it: sudo apt-get install -y --no-install-recommends nginx" >&2
  exit 1
fi
echo "Installing nginx from Debian's packages (its service is not started)…"
# policy-rc.d answering 101 tells invoke-rc.d / deb-systemd-invoke not to start services
policy=/usr/sbin/policy-rc.d
backup=""
if [ -e "$policy" ]; then
  backup="$(mktemp)"
  cp -p "$policy" "$backup"
fi
restore() {
  if [ -n "$backup" ]; then mv -f "$backup" "$policy"; else rm -f "$policy"; fi
}
trap restore EXIT
printf '#!/bin/sh\nexit 101\n' >"$policy"
chmod 755 "$policy"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
# belt and braces: should the package's nginx run anyway (no policy-rc.d support), stop it
if [ -s /run/nginx.pid ] && kill -0 "$(cat /run/nginx.pid)" 2>/dev/null; then
  "$NGINX" -s quit 2>/dev/null || kill "$(cat /run/nginx.pid)" || true
fi
"$NGINX" -v

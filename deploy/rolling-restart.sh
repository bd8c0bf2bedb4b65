#!/bin/sh
# Restarts the Samachar processes one at a time (a new version after `npm ci && npm run
# build`) so that no write meets a closing process (see deploy/README.md, "Rolling restart":
# each reload closes readers' idle keep-alive connections, which browsers simply reopen). For each process in nginx's upstream file: mark it `down` and
# reload nginx (new workers send it nothing; the old ones finish their requests and close
# their connections to it), wait for the old workers to exit, `systemctl restart` it, wait
# until its /readyz answers 200, take `down` off and reload again. The same steps as
# `npm run bench:cluster -- --restart out-of-nginx` (deploy/cluster.ts, restart with outOfNginx).
#
#   sudo deploy/rolling-restart.sh [/etc/nginx/snippets/samachar-upstream.conf]
#
# Stops at the first process that does not come back within 3 minutes, leaving it marked
# `down` (the others serve); fix it, then run the script again.
set -eu

UPSTREAM="${1:-/etc/nginx/snippets/samachar-upstream.conf}"
PORTS=$(sed -n 's/^[[:space:]]*server 127\.0\.0\.1:\([0-9][0-9]*\)[[:space:];].*/\1/p' "$UPSTREAM")
[ -n "$PORTS" ] || { echo "no 'server 127.0.0.1:PORT' lines in $UPSTREAM" >&2; exit 1; }

# Reloads nginx and waits until the workers of the previous configuration have exited.
reload_nginx() {
  nginx -t -q
  old=$(pgrep -P "$(cat /run/nginx.pid)" -d ' ' || true)
  nginx -s reload
  for _ in $(seq 1 600); do
    still=0
    for pid in $old; do
      if [ -d "/proc/$pid" ]; then still=1; fi
    done
    [ "$still" = 0 ] && return 0
    sleep 0.1
  done
  echo "nginx's old workers did not exit within 60 s" >&2
  return 1
}

for port in $PORTS; do
  echo "samachar@$port: out of nginx"
  sed -i "s/^\([[:space:]]*server 127\.0\.0\.1:$port[[:space:]][^;]*\);/\1 down;/" "$UPSTREAM"
  reload_nginx
  echo "samachar@$port: restarting"
  systemctl restart "samachar@$port"
  ready=0
  for _ in $(seq 1 180); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz"; then ready=1; break; fi
    sleep 1
  done
  if [ "$ready" != 1 ]; then
    echo "samachar@$port is not ready after 3 minutes; it stays out of nginx (journalctl -u samachar@$port)" >&2
    exit 1
  fi
  sed -i "s/^\([[:space:]]*server 127\.0\.0\.1:$port[[:space:]][^;]*\) down;/\1;/" "$UPSTREAM"
  reload_nginx
  echo "samachar@$port: back in nginx"
done
echo "all processes restarted"

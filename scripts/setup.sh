#!/usr/bin/env bash
# Installs everything Airlock needs on a fresh Debian/Ubuntu machine with Node 20:
# the sandbox and network tools from the distribution (runsc, bubblewrap, nftables, iproute2),
# the npm packages (from package-lock.json), and the build in dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v runsc >/dev/null 2>&1 || need+=(runsc)
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
command -v nft >/dev/null 2>&1 || need+=(nftables)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
command -v setpriv >/dev/null 2>&1 || need+=(util-linux)
command -v mkfs.ext4 >/dev/null 2>&1 || need+=(e2fsprogs)   # size-capped persistent workspaces
command -v openssl >/dev/null 2>&1 || need+=(openssl)       # test certificates for egress tests
command -v strace >/dev/null 2>&1 || need+=(strace)         # syscall counts in bench:sandbox
[ -x /usr/bin/python3 ] || need+=(python3)                # the escape suite runs it inside sandboxes, where /root is hidden
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO=""; fi
  if [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; then
    echo "setup: installing ${need[*]} from the distribution's packages"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "setup: missing ${need[*]} and no root or sudo to install them; gVisor/bwrap tiers will be unavailable (see: airlock doctor)" >&2
  fi
fi

# npm packages: reinstall only when package-lock.json changed since the last install.
stamp=node_modules/.airlock-lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing npm packages (better-sqlite3 builds from source: about 90 s)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

echo "setup: building"
npx tsc -p tsconfig.json
chmod +x dist/cli/main.js

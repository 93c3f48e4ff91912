# Shared by the set-up scripts: run as root, or through sudo when not root.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian/Ubuntu packages named that are not installed yet.
apt_ensure() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "Missing system packages: ${missing[*]}. Install them with your package manager (see README)." >&2
    return 1
  fi
  echo "Installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# `npm ci` in a folder when its node_modules is missing or older than its lock file.
npm_ensure() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "Installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}

# The release binary's function order (src-tauri/build.rs): exported for the
# release builds on x86_64 Linux, unless VARDSKAP_LINK_ORDER is set already
# (set it empty to link without it).
startup_order() {
  if [ -z "${VARDSKAP_LINK_ORDER+set}" ] && [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
    export VARDSKAP_LINK_ORDER="$PWD/packaging/linux/startup-order.txt"
  fi
}

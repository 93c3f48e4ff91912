#!/usr/bin/env bash
# The app as a student gets it (part of `make test`): builds the release .deb
# and .rpm (scripts/dist.sh), checks the .deb with lintian and that the .rpm
# ships the same files and needs GTK and WebKitGTK, installs the .deb with
# `apt-get install ./vardskap_….deb`, drives the installed /usr/bin/vardskap
# under Xvfb through tauri-driver on a fresh data folder
# (tests/e2e/installed/), then removes it with `apt-get remove --purge` and
# checks that nothing of it is left. The package is removed on failure too.
# Needs root (or sudo) for apt-get; refuses to touch a vardskap package it did
# not install.
#
#   scripts/test-installed.sh           builds the packages first
#   scripts/test-installed.sh --built   tests the packages already built by
#                                       scripts/release-in-background.sh
#                                       (`make test`)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ROOT=$PWD
PKG=vardskap
say() { printf '\n== %s\n' "$*"; }

if dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q "install ok installed"; then
  echo "A $PKG package is installed already; remove it first (apt-get remove --purge $PKG)." >&2
  exit 1
fi

t0=$(date +%s)
if [ "${1:-}" = --built ]; then
  say "The .deb and .rpm built beside the tests (target/release-build.log)"
  [ -f target/release-build.time ] || { echo "No finished release build: run scripts/release-in-background.sh first, or leave out --built." >&2; exit 1; }
  t_build="$(cat target/release-build.time) s, in the background beside the other tests"
else
  say "Building the .deb and .rpm (release)"
  scripts/dist.sh deb,rpm
  t_build="$(( $(date +%s) - t0 )) s"
fi
deb=$(ls target/release/bundle/deb/${PKG}_*_"$(dpkg --print-architecture)".deb)
rpm=$(ls target/release/bundle/rpm/${PKG}-*."$(uname -m)".rpm)

say "lintian $deb"
# Errors and warnings fail; the package's own overrides carry their reasons.
lintian --fail-on error,warning "$deb"
appstreamcli validate --no-net packaging/linux/se.boras.vardskap.metainfo.xml
desktop-file-validate "target/release/bundle/deb/$(basename "$deb" .deb)/data/usr/share/applications/$PKG.desktop"

work=$(mktemp -d "${TMPDIR:-/tmp}/vardskap-installed-XXXXXX")
installed=""

# No RPM system to install it on here: the .rpm is checked against the .deb
# instead. Same payload (the .deb's copyright file and lintian overrides are
# Debian's own), and it needs what the app links.
say "The .rpm ships what the .deb ships"
# (the .deb's files, not its directories: `dpkg-deb -c` lists like ls -l)
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { sub(/^\.?\/?/, "/", $6); print $6 }' \
  | grep -v -e '^/usr/share/doc/' -e '^/usr/share/lintian/' | sort >"$work/deb-files"
rpm -qlp "$rpm" | sort >"$work/rpm-all"
# rpm lists the directories it owns too; compare the files.
comm -12 "$work/rpm-all" "$work/deb-files" >"$work/both"
if ! diff -u "$work/deb-files" "$work/both"; then
  echo "The .rpm lacks files the .deb has (lines with -)." >&2
  exit 1
fi
# A path only the .rpm lists must be a directory of the .deb's files.
extra=$(comm -23 "$work/rpm-all" "$work/deb-files" | while read -r p; do grep -qF "$p/" "$work/deb-files" || echo "$p"; done)
if [ -n "$extra" ]; then
  echo "The .rpm has files the .deb lacks:" >&2
  echo "$extra" >&2
  exit 1
fi
requires=$(rpm -qp --requires "$rpm")
for lib in 'libgtk-3.so.0()(64bit)' 'libwebkit2gtk-4.1.so.0()(64bit)'; do
  grep -qxF "$lib" <<<"$requires" || { echo "The .rpm does not require $lib" >&2; exit 1; }
done
echo "$(wc -l <"$work/deb-files") files in both; the .rpm requires GTK 3 and WebKitGTK 4.1."
cleanup() {
  local rc=$?
  if [ -n "$installed" ] && dpkg-query -W "$PKG" >/dev/null 2>&1; then
    echo "Removing $PKG after a failure" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq "$PKG" >/dev/null || true
  fi
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT INT TERM

t1=$(date +%s)
say "apt-get install ./$deb"
installed=yes
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$deb"
dpkg -L "$PKG" | sort >"$work/files"
size_kib=$(dpkg-query -W -f='${Installed-Size}' "$PKG")
test -x /usr/bin/vardskap
test -f /usr/lib/vardskap/content/course.toml
test -f /usr/share/applications/vardskap.desktop
for s in 16 24 32 48 64 128 256 512; do test -f "/usr/share/icons/hicolor/${s}x${s}/apps/vardskap.png"; done
# The shared MIME database knows both file types once the package is in.
grep -q 'application/x-vardskap-course:\*\.vdsk$' /usr/share/mime/globs2
grep -q 'application/x-vardskap-class:\*\.vdsk-class$' /usr/share/mime/globs2
grep -q 'application/x-vardskap-course;application/x-vardskap-class;' /usr/share/applications/vardskap.desktop

say "Driving the installed app (tests/e2e/installed)"
# The source tree's content/ is hidden (an empty folder bound over it, in a
# mount namespace of the run's own), so the app can only find the built-in
# course in the package's resources, not through the build's fallback path.
mkdir -p "$work/empty" "$work/home/.local/share" "$work/home/.cache" "$work/home/.config" test-output/e2e
# A home of its own: what the app and its web view write besides the data
# folder lands there, to be listed below.
run_env=(VARDSKAP_E2E_APP=/usr/bin/vardskap VARDSKAP_E2E_ATSPI=0 NO_AT_BRIDGE=1 WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_SKIA_ENABLE_CPU_RENDERING=1 PATH="$PATH" HOME="$work/home"
  XDG_DATA_HOME="$work/home/.local/share" XDG_CACHE_HOME="$work/home/.cache" XDG_CONFIG_HOME="$work/home/.config")
as_root env -u VARDSKAP_CONTENT_DIR -u VARDSKAP_DATA_DIR -u DISPLAY "${run_env[@]}" \
  unshare --mount --propagation private -- sh -c '
  mount --bind "$1" "$2/content" && cd "$2/tests/e2e" &&
  exec setsid timeout --kill-after=10 900 xvfb-run --auto-servernum --server-args="-screen 0 1280x900x24" dbus-run-session -- \
    node --test --test-concurrency=1 --test-reporter=spec installed/' sh "$work/empty" "$ROOT"
echo "Written outside the data folder while it ran (the web view's own folders in \$HOME):"
(cd "$work/home" && find . -mindepth 1 -maxdepth 2 -not -path "./.cache/mesa_shader_cache/*" | sort | sed 's/^/  /')

say "apt-get remove --purge $PKG"
as_root env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq "$PKG"
installed=""
if dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q installed; then
  echo "$PKG is still known to dpkg after the purge" >&2
  exit 1
fi
left=()
while read -r path; do
  # Shared folders (/usr, /usr/share/icons/hicolor/…) stay; the package's own go.
  if [ -d "$path" ]; then
    case "$path" in /usr/lib/vardskap* | /usr/share/doc/vardskap*) [ -e "$path" ] && left+=("$path") ;; esac
  elif [ -e "$path" ] || [ -L "$path" ]; then
    left+=("$path")
  fi
done <"$work/files"
while read -r path; do left+=("$path"); done < <(find /usr /etc /opt /var/lib/dpkg/info -name '*vardskap*' 2>/dev/null)
if grep -q vardskap /usr/share/mime/globs2; then left+=("/usr/share/mime/globs2 (still names vardskap)"); fi
if [ ${#left[@]} -gt 0 ]; then
  echo "Left behind after the purge:" >&2
  printf '  %s\n' "${left[@]}" >&2
  exit 1
fi
echo "Nothing of $PKG is left ($(wc -l <"$work/files") paths were installed)."
t_test=$(( $(date +%s) - t1 ))

say "Figures"
echo ".deb: $(stat -c %s "$deb") bytes ($(basename "$deb"))"
for rpm in target/release/bundle/rpm/${PKG}-*.rpm; do [ -f "$rpm" ] && echo ".rpm: $(stat -c %s "$rpm") bytes ($(basename "$rpm"))"; done
echo "installed size: ${size_kib} KiB"
echo "release build + .deb + .rpm: ${t_build}; install, app test, purge and checks: ${t_test} s"

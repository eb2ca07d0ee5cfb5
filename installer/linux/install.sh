#!/bin/sh
# Install the unpacked DermAssist folder system-wide (run as root from inside the folder):
#   sudo ./install.sh            -> /opt/dermassist, /usr/local/bin/dermassist, menu entry and icon
#   sudo ./install.sh --uninstall
# PREFIX (default /opt/dermassist) and BINDIR (default /usr/local/bin) can be overridden.
set -eu
PREFIX=${PREFIX:-/opt/dermassist}
BINDIR=${BINDIR:-/usr/local/bin}
APPS=${APPS:-/usr/share/applications}
ICONDIR=${ICONDIR:-/usr/share/icons/hicolor/256x256/apps}
HERE=$(cd "$(dirname "$0")" && pwd)

refresh_menus() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$BINDIR/dermassist" "$APPS/dermassist.desktop" "$ICONDIR/dermassist.png"
  rm -rf "$PREFIX"
  refresh_menus
  echo "DermAssist removed (per-user records in ~/.local/share/DermAssist were kept)."
  exit 0
fi
[ -x "$HERE/dermassist" ] || { echo "run this script from the unpacked dermassist folder" >&2; exit 1; }
if [ "$HERE" != "$PREFIX" ]; then
  rm -rf "$PREFIX.new"
  mkdir -p "$(dirname "$PREFIX")"
  cp -a "$HERE" "$PREFIX.new"
  rm -rf "$PREFIX"
  mv "$PREFIX.new" "$PREFIX"
fi
mkdir -p "$BINDIR" "$APPS" "$ICONDIR"
ln -sf "$PREFIX/dermassist" "$BINDIR/dermassist"
install -m 644 "$PREFIX/dermassist.desktop" "$APPS/dermassist.desktop"
install -m 644 "$PREFIX/dermassist.png" "$ICONDIR/dermassist.png"
refresh_menus
echo "DermAssist installed in $PREFIX. Check it with: dermassist --self-test"

#!/bin/sh
# Install the unpacked DermAssist folder system-wide (run as root from inside the folder):
#   sudo ./install.sh              -> /opt/dermassist, /usr/local/bin/dermassist, menu entry and icon
#   sudo ./install.sh --uninstall  (or /opt/dermassist/install.sh --uninstall)
#
# PREFIX (default /opt) is the folder *under which* DermAssist gets a folder of its own,
# PREFIX/dermassist: PREFIX itself is never written to otherwise, nor removed. BINDIR (default
# /usr/local/bin), APPS and ICONDIR name where the command, the menu entry and the icon go;
# REFRESH_MENUS=0 skips updating the desktop's menu and icon caches.
#
# Every file and folder the installer creates is listed in PREFIX/dermassist/.install-manifest;
# --uninstall (and an upgrade, before it copies the new version) removes only what that list
# names, only folders that are then empty, and the command only while it still points to us.
# Per-user records (~/.local/share/DermAssist) are never touched.
set -eu
umask 022  # the program must be readable by every user, whatever root's umask
PREFIX=${PREFIX:-/opt}
BINDIR=${BINDIR:-/usr/local/bin}
APPS=${APPS:-/usr/share/applications}
ICONDIR=${ICONDIR:-/usr/share/icons/hicolor/256x256/apps}
HERE=$(cd "$(dirname "$0")" && pwd)
APPDIR=${PREFIX%/}/dermassist
MANIFEST=$APPDIR/.install-manifest
HEADER="# DermAssist install manifest"

refresh_menus() {
  [ "${REFRESH_MENUS:-1}" = 1 ] || return 0
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "${ICONDIR%/256x256/apps}" || true
}

# Remove what the manifest lists: files and links, then folders that are empty (deepest first).
remove_listed() {
  [ -f "$MANIFEST" ] || return 0
  head -n 1 "$MANIFEST" | grep -qx "$HEADER" || { echo "$MANIFEST is not ours; nothing removed" >&2; exit 1; }
  while IFS= read -r line; do
    kind=${line%% *}; path=${line#* }
    case $kind in
      f) if [ -f "$path" ] && [ ! -L "$path" ]; then rm -f "$path"; fi ;;
      l) # A link inside our folder; the command only while it still points to this installation.
         case $path in
           "$APPDIR"/*) if [ -L "$path" ]; then rm -f "$path"; fi ;;
           *) if [ -L "$path" ] && [ "$(readlink "$path")" = "$APPDIR/dermassist" ]; then rm -f "$path"; fi ;;
         esac ;;
    esac
  done < "$MANIFEST"
  dirs=$(grep '^d ' "$MANIFEST" | cut -c3- | awk '{ print length($0) " " $0 }' | sort -rn | cut -d' ' -f2-)
  rm -f "$MANIFEST"
  printf '%s\n' "$dirs" | while IFS= read -r dir; do [ -z "$dir" ] || rmdir "$dir" 2>/dev/null || true; done
  if [ -d "$APPDIR" ]; then
    echo "kept $APPDIR: it holds files the installer did not put there" >&2
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  if [ ! -f "$MANIFEST" ]; then
    echo "no DermAssist installation in $APPDIR (no $MANIFEST); nothing removed" >&2
    exit 1
  fi
  remove_listed
  refresh_menus
  echo "DermAssist removed (per-user records in ~/.local/share/DermAssist were kept)."
  exit 0
fi

[ -x "$HERE/dermassist" ] || { echo "run this script from the unpacked dermassist folder" >&2; exit 1; }
if [ "$HERE" = "$APPDIR" ]; then
  echo "this is the installed copy; run install.sh from a newly unpacked folder to upgrade" >&2
  exit 1
fi
# A folder named dermassist that this installer did not make belongs to someone else.
if [ -e "$APPDIR" ] && [ ! -f "$MANIFEST" ] && [ -n "$(ls -A "$APPDIR" 2>/dev/null || echo x)" ]; then
  echo "$APPDIR exists and was not made by this installer; move it away or choose another PREFIX" >&2
  exit 1
fi
for target in "$BINDIR/dermassist" "$APPS/dermassist.desktop" "$ICONDIR/dermassist.png"; do
  [ -e "$target" ] || [ -L "$target" ] || continue
  if [ -f "$MANIFEST" ] && { grep -qxF "f $target" "$MANIFEST" || grep -qxF "l $target" "$MANIFEST"; }; then
    continue
  fi
  echo "$target exists and was not installed by this installer; remove it first" >&2
  exit 1
done

remove_listed  # the previous version, if any: only what it installed
new=$(mktemp "${TMPDIR:-/tmp}/dermassist-manifest.XXXXXX")
trap 'rm -f "$new"' EXIT
echo "$HEADER" > "$new"
# Folders that do not exist yet are ours (removed on uninstall when empty); existing ones are not.
for dir in "$APPDIR" "$BINDIR" "$APPS" "$ICONDIR"; do
  d=$dir
  while [ ! -e "$d" ]; do echo "$d"; d=$(dirname "$d"); done | sort | while IFS= read -r m; do
    mkdir "$m"; echo "d $m" >> "$new"
  done
done
cp -a "$HERE/." "$APPDIR/"
# The list comes from the unpacked folder, so nothing that was already in APPDIR is claimed.
(cd "$HERE" && find . -mindepth 1 -type d -print) | sed "s|^\./|d $APPDIR/|" >> "$new"
(cd "$HERE" && find . -mindepth 1 -type l -print) | sed "s|^\./|l $APPDIR/|" >> "$new"
(cd "$HERE" && find . -mindepth 1 -type f -print) | sed "s|^\./|f $APPDIR/|" >> "$new"
ln -s "$APPDIR/dermassist" "$BINDIR/dermassist"; echo "l $BINDIR/dermassist" >> "$new"
install -m 644 "$APPDIR/dermassist.desktop" "$APPS/dermassist.desktop"; echo "f $APPS/dermassist.desktop" >> "$new"
install -m 644 "$APPDIR/dermassist.png" "$ICONDIR/dermassist.png"; echo "f $ICONDIR/dermassist.png" >> "$new"
install -m 644 "$new" "$MANIFEST"
refresh_menus
echo "DermAssist installed in $APPDIR. Check it with: dermassist --self-test"

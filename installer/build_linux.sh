#!/usr/bin/env bash
# Build the Linux one-folder bundle with PyInstaller, then a tarball and a .deb from it.
#
#   installer/build_linux.sh                bundle + tarball + .deb in build/dist/
#   installer/build_linux.sh --bundle-only  just build/dist/dermassist/
#   installer/build_linux.sh --package-only tarball + .deb from the bundle already in build/dist/dermassist/
#
# Needs the project installed in .venv with the dev extra (PyInstaller) and, for the .deb, dpkg-deb.
# PYTHON overrides the interpreter; MAINTAINER the .deb's Maintainer field; BUILD (default build)
# the folder everything is written to.
set -euo pipefail
umask 022  # packaged files must be readable by every user, whatever the caller's umask
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
MAINTAINER=${MAINTAINER:-"DermAssist maintainers <dermassist@example.org>"}
BUILD=${BUILD:-build}
DIST=$BUILD/dist
BUNDLE=$DIST/dermassist
bundle_only=0
package_only=0
[ "${1:-}" = "--bundle-only" ] && bundle_only=1
[ "${1:-}" = "--package-only" ] && package_only=1

if [ "$package_only" = 0 ] && ! compgen -G "models/*.onnx" >/dev/null; then
  echo "WARNING: models/ holds no .onnx model: the bundle will have no model and its self-test will fail" >&2
fi
version=$("$PYTHON" -c "import dermassist; print(dermassist.__version__)")
arch=$(dpkg --print-architecture 2>/dev/null || uname -m)
start=$(date +%s)
if [ "$package_only" = 0 ]; then
  "$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$BUILD/pyinstaller" \
    installer/dermassist.spec
  built=$(date +%s)
  echo "bundle: $BUNDLE, $(du -sm "$BUNDLE" | cut -f1) MB, built in $((built - start)) s"

  # The oldest supported system (Ubuntu 22.04) has glibc 2.35: nothing in the bundle may need a newer one
  # (a library copied from a newer build machine would stop the program there).
  MAX_GLIBC=${MAX_GLIBC:-2.35}
  too_new=""
  while IFS= read -r -d '' f; do
    need=$(objdump -T "$f" 2>/dev/null | awk '/\*UND\*/' | grep -o 'GLIBC_2\.[0-9]*' | sort -uV | tail -1 || true)
    [ -n "$need" ] || continue
    if [ "$(printf '%s\n%s\n' "${need#GLIBC_}" "$MAX_GLIBC" | sort -V | tail -1)" != "$MAX_GLIBC" ]; then
      too_new="$too_new  ${f#"$BUNDLE"/} needs $need\n"
    fi
  done < <(find "$BUNDLE" -type f \( -name '*.so*' -o -name dermassist \) -print0)
  if [ -n "$too_new" ]; then
    printf "FAIL: these files need a glibc newer than %s (exclude them in the spec's SYSTEM_LIBS):\n%b" \
      "$MAX_GLIBC" "$too_new" >&2
    exit 1
  fi
  echo "glibc: every file in the bundle runs with glibc $MAX_GLIBC (Ubuntu 22.04) or newer"
else
  [ -x "$BUNDLE/dermassist" ] || { echo "no bundle in $BUNDLE (build it first)" >&2; exit 1; }
fi
[ "$bundle_only" = 1 ] && exit 0

# Tarball: the bundle folder with the menu entry, the icon, install.sh and the list of system
# packages at its top. The list loses its comments, so `apt-get install $(cat ...)` works on it.
stage=$BUILD/tarball/dermassist
rm -rf "$BUILD/tarball"
mkdir -p "$BUILD/tarball"
cp -al "$BUNDLE" "$stage"
cp installer/linux/dermassist.desktop installer/icons/dermassist.png installer/linux/install.sh "$stage/"
sed 's/#.*//; s/[[:space:]]*$//; /^$/d' installer/debian-runtime-packages.txt > "$stage/debian-runtime-packages.txt"
tarball=$DIST/dermassist-$version-linux-$arch.tar.gz
tar -C "$BUILD/tarball" -czf "$tarball" --owner=0 --group=0 dermassist
echo "tarball: $tarball, $(du -sm "$tarball" | cut -f1) MB"

# .deb: the bundle under /usr/lib/dermassist, /usr/bin/dermassist, the menu entry and the icon.
# Not /opt: dpkg removes a package's folders when they are empty and no other package lists them,
# and /opt is owned by no package, so `apt remove` would take /opt itself away.
root=$BUILD/deb/dermassist_${version}_$arch
rm -rf "$BUILD/deb"
mkdir -p "$root/DEBIAN" "$root/usr/lib" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/256x256/apps"
cp -al "$BUNDLE" "$root/usr/lib/dermassist"
ln -s /usr/lib/dermassist/dermassist "$root/usr/bin/dermassist"
install -m 644 installer/linux/dermassist.desktop "$root/usr/share/applications/dermassist.desktop"
install -m 644 installer/icons/dermassist.png "$root/usr/share/icons/hicolor/256x256/apps/dermassist.png"
depends=$(sed 's/#.*//' installer/debian-runtime-packages.txt | tr -s ' \n' ' ' | xargs | sed 's/ /, /g')
cat > "$root/DEBIAN/control" <<EOF
Package: dermassist
Version: $version
Section: science
Priority: optional
Architecture: $arch
Maintainer: $MAINTAINER
Installed-Size: $(du -sk "$root" | cut -f1)
Depends: $depends
Description: offline dermoscopy decision support for general practitioners
 DermAssist estimates the probability that a dermoscopic image shows a malignant
 lesion with a local ONNX model, prints a PDF referral and sends the images as
 DICOM to a specialized center. Decision support for clinicians, not a diagnosis.
 Self-contained: Python, Qt and the model are bundled under /usr/lib/dermassist.
EOF
cat > "$root/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
EOF
cp "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
sed -i 's/"$1" = configure/"$1" = remove/' "$root/DEBIAN/postrm"
chmod 755 "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
deb=$DIST/dermassist_${version}_$arch.deb
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >/dev/null
echo "deb: $deb, $(du -sm "$deb" | cut -f1) MB"
echo "total build time $(($(date +%s) - start)) s"

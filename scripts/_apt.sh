# Sourced by the set-up scripts: install the Debian packages listed in the given files when we can.
apt_install() {
  pkgs=$(cat "$@" | sed 's/#.*//' | tr -s ' \n' ' ')
  missing=""
  for p in $pkgs; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "Please install these system packages first:$missing" >&2; return 1; fi
  echo "Installing system packages:$missing"
  $SUDO apt-get update -qq
  # Debian's orthanc package would start a system service; the tests start their own server.
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null; $SUDO chmod +x /usr/sbin/policy-rc.d; created_policy=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
  [ "${created_policy:-0}" = 1 ] && $SUDO rm -f /usr/sbin/policy-rc.d
  return 0
}

#!/bin/sh
# Unpacks the atftpd TFTP server from its Debian package into the peer cache, without
# installing it: as packages, atftpd and tftpd-hpa conflict, and the TFTP tests run both.
# Prints the path of the atftpd binary. Idempotent.
#   scripts/peers/tftp-atftpd.sh            -> <repo>/.cache/peers/atftpd/root/usr/sbin/atftpd
#   MPPFW_PEER_CACHE=dir scripts/peers/tftp-atftpd.sh
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
dest="${MPPFW_PEER_CACHE:-$repo/.cache/peers}/atftpd"
bin="$dest/root/usr/sbin/atftpd"
if [ -x "$bin" ]; then
    echo "$bin"
    exit 0
fi
mkdir -p "$dest"
cd "$dest"
rm -f atftpd_*.deb
# apt-get download runs as the _apt user when it can; a root-owned cache dir makes it warn only.
apt-get download atftpd >&2
dpkg -x atftpd_*.deb root
rm -f atftpd_*.deb
"$bin" --help >/dev/null 2>&1 || true
echo "$bin"

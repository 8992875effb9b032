#!/usr/bin/env bash
# The web pages' first answer: time from launching bin/mppfw (a phone run as a service, --no-shell)
# to the first 200 of GET /login, with the web server on (Enable_Protocol Http, a loopback port).
#
# Usage: bench/web.sh [-n RUNS] [-i IMAGE] [-s]
#   RUNS   boots (default 10); IMAGE the laid-out image (default distribution/target/mppfw)
#   -s     HTTPS as a factory phone serves it (Enable_Protocol Https, the self-signed certificate)
# One data dir is set up with -c first (Enable_Protocol Http, Web_Server_Port), then every run
# boots it, polls the page every 10 ms until it answers 200, and stops the phone with SIGTERM.
# Prints one line per run (with the launcher's own "booted N bundles in X ms", -Dmppfw.bench=true)
# and the median.
set -euo pipefail

runs=10
here=$(cd "$(dirname "$0")/.." && pwd)
image=$here/distribution/target/mppfw
scheme=http
protocol=Http
while getopts "n:i:s" opt; do
    case $opt in
        s) scheme=https; protocol=Https ;;
        n) runs=$OPTARG ;;
        i) image=$OPTARG ;;
        *) sed -n '2,11p' "$0"; exit 2 ;;
    esac
done
mppfw=$image/bin/mppfw
[ -x "$mppfw" ] || { echo "no image at $image: build it with ./mvnw -B -pl distribution install" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed (apt-get install curl)" >&2; exit 2; }

work=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$mppfw" --data "$work/data" -c "param:set Enable_Protocol $protocol; param:set Web_Server_Port $port" >/dev/null

times=()
for i in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    MPPFW_JAVA_OPTS=-Dmppfw.bench=true "$mppfw" --data "$work/data" --no-shell >"$work/phone.log" 2>&1 </dev/null &
    pid=$!
    until [ "$(curl -sk -o /dev/null -w '%{http_code}' "$scheme://127.0.0.1:$port/login" || true)" = 200 ]; do
        kill -0 "$pid" 2>/dev/null || { echo "the phone stopped:" >&2; cat "$work/phone.log" >&2; exit 1; }
        sleep 0.01
    done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    times+=("$ms")
    booted=$(sed -n 's/.*booted \([0-9]*\) bundles in \([0-9]*\) ms.*/\2 ms (\1 bundles ACTIVE)/p' "$work/phone.log" | head -1)
    echo "run $i: first page after $ms ms; JVM start to all bundles ACTIVE: ${booted:-not printed}"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    pid=
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print "median " m " ms (min " a[1] ", max " a[NR] ") over " NR " runs"}'

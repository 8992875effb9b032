#!/usr/bin/env bash
# What the SIP bundle costs a running phone: boot time, used Java heap, metaspace and resident
# memory (medians) of the image booted as a service (--no-shell, bin/mppfw's flags, no class-data
# archive), with the bundle and no line configured (the factory state: the stack is not started),
# with one line configured (the stack started, listening on the line's port, registering with a
# registrar that does not answer, so retrying), and without the bundle.
#
# Usage: bench/sip.sh [-n RUNS] IMAGE-WITH-SIP IMAGE-WITHOUT-SIP
#   IMAGE-WITHOUT-SIP is a copy of the image whose etc/bundles.list lacks mppfw-sip.jar. Each run
#   boots a fresh data dir, reads "mppfw: booted N bundles in X ms", waits for the line's UDP port
#   when a line is configured, then runs a full GC (jcmd GC.run) and reads the used heap and
#   metaspace (jcmd GC.heap_info) and VmRSS.
set -euo pipefail
runs=5
while getopts "n:" opt; do
    case $opt in
        n) runs=$OPTARG ;;
        *) sed -n '2,12p' "$0"; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || { sed -n '2,12p' "$0"; exit 2; }
with=$1
without=$2
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
free_port() {
    python3 -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# boot_once IMAGE LINE(on|off) -> "boot-ms cpu-ms heap-kb metaspace-kb rss-kb"
boot_once() {
    local image=$1 line=$2 data=$work/data err=$work/err port=
    rm -rf "$data"
    if [ "$line" = on ]; then
        port=$(free_port)
        MPPFW_CDS=0 "$image/bin/mppfw" --data "$data" -c "param:set Proxy_1_ 127.0.0.1:$(free_port); param:set User_ID_1_ 1001; param:set SIP_Port_1_ $port" \
            </dev/null >/dev/null
    fi
    MPPFW_CDS=0 MPPFW_JAVA_OPTS=-Dmppfw.bench=true "$image/bin/mppfw" --data "$data" --no-shell </dev/null >/dev/null 2>"$err" &
    pid=$!
    local ms=
    for _ in $(seq 1 600); do
        ms=$(sed -n 's/^mppfw: booted [0-9]* bundles in \([0-9]*\) ms (cpu \([0-9]*\) ms)$/\1 \2/p' "$err")
        [ -n "$ms" ] && break
        sleep 0.1
    done
    [ -n "$ms" ] || { echo "no boot report:" >&2; cat "$err" >&2; exit 1; }
    if [ -n "$port" ]; then
        local hex
        hex=$(printf ':%04X ' "$port")
        for _ in $(seq 1 600); do
            grep -q "$hex" /proc/net/udp && break
            sleep 0.1
        done
    fi
    local jpid
    jpid=$(pgrep -P "$pid" java || echo "$pid")
    jcmd "$jpid" GC.run >/dev/null
    local info heap meta rss
    info=$(jcmd "$jpid" GC.heap_info)
    heap=$(echo "$info" | sed -n 's/.*generation.*used \([0-9]*\)K.*/\1/p' | awk '{s += $1} END {print s}')
    meta=$(echo "$info" | sed -n 's/^ *Metaspace *used \([0-9]*\)K.*/\1/p')
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$jpid/status")
    kill "$pid"
    wait "$pid" || true
    pid=
    echo "$ms $heap $meta $rss"
}

median() {
    sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $runs boots each"
echo "| image | boot ms | CPU ms to boot | used heap after a full GC, MB | metaspace used, MB | RSS MB |"
echo "|---|---|---|---|---|---|"
for variant in "with:off" "with:on" "without:off"; do
    image=$with
    [ "${variant%%:*}" = without ] && image=$without
    : >"$work/r"
    for _ in $(seq 1 "$runs"); do
        boot_once "$image" "${variant##*:}" >>"$work/r"
    done
    col() { awk -v c="$1" '{print $c}' "$work/r" | median; }
    mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
    echo "| ${variant%%:*} the bundle, line ${variant##*:} | $(col 1) | $(col 2) | $(mb "$(col 3)") | $(mb "$(col 4)") | $(mb "$(col 5)") |"
done

#!/usr/bin/env bash
# What the parameter catalog costs a running phone: boot time, CPU time to boot, used Java heap
# after a full GC, metaspace and resident memory (medians) of the image booted as a service
# (--no-shell, bin/mppfw's flags, no class-data archive, a fresh data dir each boot), and the time
# the parameter store took to read its catalog (its log line), with three
# catalogs in its config bundle: the catalog's first 96 rows (the phone's size before the whole
# catalog), the shipped one, and the shipped one's rows four times over (the size the guides'
# whole catalog will have). The two other images are copies of IMAGE whose mppfw-config.jar holds
# the other catalog.tsv, made by bench/target/mppfw-bench.jar's CatalogText.
#
# Usage: bench/catalog.sh [-n RUNS] [-i IMAGE]
#   RUNS   boots per image (default 5); IMAGE the laid-out image (default distribution/target/mppfw);
#   build both first: ./mvnw -B package -DskipTests -pl distribution,bench -am
set -euo pipefail

runs=5
here=$(cd "$(dirname "$0")/.." && pwd)
image=$here/distribution/target/mppfw
while getopts "n:i:" opt; do
    case $opt in
        n) runs=$OPTARG ;;
        i) image=$OPTARG ;;
        *) sed -n '2,13p' "$0"; exit 2 ;;
    esac
done
bench=$here/bench/target/mppfw-bench.jar
[ -x "$image/bin/mppfw" ] && [ -f "$bench" ] || { sed -n '2,13p' "$0"; exit 2; }

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

# variant NAME ARGS... -> a copy of the image whose catalog is CatalogText ARGS
variant() {
    local name=$1
    shift
    cp -r "$image" "$work/$name"
    mkdir -p "$work/$name-tsv/org/mppfw/config/internal"
    java -cp "$bench" org.mppfw.bench.CatalogText "$@" 2>/dev/null >"$work/$name-tsv/org/mppfw/config/internal/catalog.tsv"
    jar uf "$work/$name/bundles/mppfw-config.jar" -C "$work/$name-tsv" org/mppfw/config/internal/catalog.tsv
}

# boot_once IMAGE -> "boot-ms cpu-ms heap-kb metaspace-kb rss-kb parameters catalog-read-ms"
boot_once() {
    local img=$1 data=$work/data err=$work/err
    rm -rf "$data"
    MPPFW_CDS=0 MPPFW_JAVA_OPTS=-Dmppfw.bench=true "$img/bin/mppfw" --data "$data" --no-shell -v </dev/null >/dev/null 2>"$err" &
    pid=$!
    local ms=
    for _ in $(seq 1 600); do
        ms=$(sed -n 's/^mppfw: booted [0-9]* bundles in \([0-9]*\) ms (cpu \([0-9]*\) ms)$/\1 \2/p' "$err")
        [ -n "$ms" ] && break
        sleep 0.1
    done
    [ -n "$ms" ] || { echo "no boot report:" >&2; cat "$err" >&2; exit 1; }
    local jpid info heap meta rss params
    jpid=$(pgrep -P "$pid" java || echo "$pid")
    # the attach may time out on a loaded machine: a few attempts
    for _ in 1 2 3 4 5; do jcmd "$jpid" GC.run >/dev/null 2>&1 && break; done || true
    info=$(for _ in 1 2 3 4 5; do jcmd "$jpid" GC.heap_info 2>/dev/null && break; done || true)
    [ -n "$info" ] || { echo "jcmd could not attach to $jpid" >&2; exit 1; }
    heap=$(echo "$info" | sed -n 's/.*generation.*used \([0-9]*\)K.*/\1/p' | awk '{s += $1} END {print s}')
    meta=$(echo "$info" | sed -n 's/^ *Metaspace *used \([0-9]*\)K.*/\1/p')
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$jpid/status")
    params=$(sed -n 's/.*Parameter store ready: \([0-9]*\) parameters.*catalog read in \([0-9]*\) ms.*/\1 \2/p' "$err")
    kill "$pid"
    wait "$pid" || true
    pid=
    echo "$ms $heap $meta $rss $params"
}

median() {
    sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}

variant rows96 rows 96
variant x4 times 4
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $runs boots each, in turn"
echo "| catalog | parameters (8845) | catalog read, ms | boot ms | CPU ms to boot | used heap after a full GC, MB | metaspace used, MB | RSS MB |"
echo "|---|---|---|---|---|---|---|---|"
names=(rows96 shipped x4)
for name in "${names[@]}"; do : >"$work/r-$name"; done
for _ in $(seq 1 "$runs"); do
    for name in "${names[@]}"; do
        img=$work/$name
        [ "$name" = shipped ] && img=$image
        boot_once "$img" >>"$work/r-$name"
    done
done
for name in "${names[@]}"; do
    col() { awk -v c="$1" '{print $c}' "$work/r-$name" | median; }
    mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
    echo "| $name | $(col 6) | $(col 7) | $(col 1) | $(col 2) | $(mb "$(col 3)") | $(mb "$(col 4)") | $(mb "$(col 5)") |"
done

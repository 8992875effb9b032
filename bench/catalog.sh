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
. "$(dirname "$0")/lib.sh"

runs=5
here=$(cd "$(dirname "$0")/.." && pwd)
image=$here/distribution/target/mppfw
parse_options 2,13 n:i: "$@"
bench=$here/bench/target/mppfw-bench.jar
[ -x "$image/bin/mppfw" ] && [ -f "$bench" ] || usage 2,13
make_work_dir

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
    local img=$1 data=$work/data err=$work/err ms mem params
    rm -rf "$data"
    boot_service "$img" "$data" "$err" -v
    ms=$(boot_report "$err")
    [ -n "$ms" ] || { echo "no boot report:" >&2; cat "$err" >&2; exit 1; }
    mem=$(memory_kb "$(java_pid "$pid")")
    params=$(sed -n 's/.*Parameter store ready: \([0-9]*\) parameters.*catalog read in \([0-9]*\) ms.*/\1 \2/p' "$err")
    stop_phone
    echo "$ms $mem $params"
}

variant rows96 rows 96
variant x4 times 4
echo "# $(machine), $runs boots each, in turn"
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
    col() { column_median "$1" "$work/r-$name"; }
    echo "| $name | $(col 6) | $(col 7) | $(col 1) | $(col 2) | $(mb "$(col 3)") | $(mb "$(col 4)") | $(mb "$(col 5)") |"
done

#!/usr/bin/env bash
# Boot benchmark of the firmware image: time from JVM start to all bundles ACTIVE, and the
# resident memory (VmRSS) of the idle phone one second after boot.
#
# Usage: bench/boot.sh [-n RUNS] [-i IMAGE] [VARIANT...]
#   RUNS     boots per variant (default 10)
#   IMAGE    the laid-out image (default distribution/target/mppfw; build it first, this script
#            builds nothing)
#   VARIANT  one of: default-jvm serial serial-c1 serial-c1-small chosen chosen-nocds
#            (default: all of them). Each boots the phone with these JVM flags:
#
#     default-jvm      (none: the JVM's defaults)                    no class-data archive
#     serial           -Xmx64m -XX:+UseSerialGC                      no class-data archive
#     serial-c1        + -XX:TieredStopAtLevel=1                     no class-data archive
#     serial-c1-small  + -Xss256k -XX:CICompilerCount=1 -Xms8m -XX:-UsePerfData
#                      -XX:ReservedCodeCacheSize=16m                 no class-data archive
#     chosen           bin/mppfw's defaults                          with the class-data archive
#     chosen-nocds     bin/mppfw's defaults                          no class-data archive
#
# Every run boots a fresh data dir in interactive mode with stdin held open (the phone idles),
# reads "mppfw: booted N bundles in X ms" (printed with -Dmppfw.bench=true), sleeps 1 s, reads
# VmRSS of the Java runtime (bin/mppfw's child) from /proc/PID/status, then closes stdin (the shell stops the phone at end of input).
# With a class-data archive, one untimed boot writes the archive first and every timed run
# starts from a data dir holding a copy of it (as every boot after the first one does).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

runs=10
here=$(cd "$(dirname "$0")/.." && pwd)
image=$here/distribution/target/mppfw
parse_options 2,20 n:i: "$@"
shift $((OPTIND - 1))
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(default-jvm serial serial-c1 serial-c1-small chosen-nocds chosen)

mppfw=$image/bin/mppfw
[ -x "$mppfw" ] || { echo "no image at $image: build it with ./mvnw -B -pl distribution install" >&2; exit 2; }
chosen_flags=$(sed -n 's/^DEFAULT_JVM_FLAGS="\(.*\)"$/\1/p' "$mppfw")

make_work_dir
# the phone's stdin (fd 7) is closed before it is stopped
trap 'exec 7>&- 2>/dev/null || true; cleanup' EXIT INT TERM

flags_of() {
    case $1 in
        default-jvm) echo "" ;;
        serial) echo "-Xmx64m -XX:+UseSerialGC" ;;
        serial-c1) echo "-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1" ;;
        serial-c1-small) echo "-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss256k -XX:CICompilerCount=1 -Xms8m -XX:-UsePerfData -XX:ReservedCodeCacheSize=16m" ;;
        chosen|chosen-nocds) echo "$chosen_flags" ;;
        *) echo "unknown variant $1" >&2; exit 2 ;;
    esac
}

cds_of() {
    case $1 in chosen) echo 1 ;; *) echo 0 ;; esac
}

# boot_once DATA FLAGS CDS -> writes "MS KB" to $work/result
boot_once() {
    local data=$1 flags=$2 cds=$3
    local fifo=$work/stdin err=$work/err
    rm -f "$fifo"
    mkfifo "$fifo"
    MPPFW_JVM_FLAGS=$flags MPPFW_CDS=$cds MPPFW_JAVA_OPTS=-Dmppfw.bench=true \
        "$mppfw" --data "$data" <"$fifo" >/dev/null 2>"$err" &
    pid=$!
    exec 7>"$fifo"
    local ms
    ms=$(boot_report "$err")
    if [ -z "$ms" ]; then
        echo "the phone did not report its boot:" >&2
        cat "$err" >&2
        exit 1
    fi
    sleep 1
    local kb
    # bin/mppfw runs the Java runtime as its child (it starts it again on a reboot)
    kb=$(rss_kb "$(java_pid "$pid")")
    exec 7>&-
    wait "$pid" || { echo "the phone exited with $?:" >&2; cat "$err" >&2; exit 1; }
    pid=
    echo "$ms $kb" >"$work/result" # wall-ms cpu-ms rss-kb
}

echo "# $(machine), $(java -version 2>&1 | head -1)"
echo "# $runs boots per variant; image $image"
printf '| variant | JVM flags | class-data archive | boot ms median (min-max) | CPU ms to boot median (min-max) | RSS MB median (min-max) |\n'
printf '|---|---|---|---|---|---|\n'
for v in "${variants[@]}"; do
    flags=$(flags_of "$v")
    cds=$(cds_of "$v")
    template=$work/template
    rm -rf "$template"
    mkdir -p "$template"
    if [ "$cds" = 1 ]; then
        boot_once "$template" "$flags" 1 # writes cache/mppfw-*.jsa
        rm -rf "$template/felix-cache" "$template/config" "$template"/*.properties
    fi
    : >"$work/ms"
    : >"$work/cpu"
    : >"$work/kb"
    for _ in $(seq 1 "$runs"); do
        data=$work/data
        rm -rf "$data"
        cp -r "$template" "$data"
        boot_once "$data" "$flags" "$cds"
        read -r ms cpu kb <"$work/result"
        echo "$ms" >>"$work/ms"
        echo "$cpu" >>"$work/cpu"
        echo "$kb" >>"$work/kb"
    done
    read -r tm tmin tmax < <(stats <"$work/ms")
    read -r cm cmin cmax < <(stats <"$work/cpu")
    read -r km kmin kmax < <(stats <"$work/kb")
    printf '| %s | `%s` | %s | %s (%s-%s) | %s (%s-%s) | %s (%s-%s) |\n' "$v" "${flags:-(none)}" \
        "$([ "$cds" = 1 ] && echo yes || echo no)" "$tm" "$tmin" "$tmax" "$cm" "$cmin" "$cmax" \
        "$(mb "$km" 0)" "$(mb "$kmin" 0)" "$(mb "$kmax" 0)"
done

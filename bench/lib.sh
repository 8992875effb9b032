# The pieces the bench/*.sh scripts share; a script sources it after `set -euo pipefail`:
#   . "$(dirname "$0")/lib.sh"

# usage LINES: prints the script's own header lines LINES (a sed range such as 2,12) and exits 2
usage() {
    sed -n "${1}p" "$0"
    exit 2
}

# parse_options LINES OPTSTRING "$@": reads -n RUNS into $runs and -i IMAGE into $image (the
# options OPTSTRING allows; the caller sets their defaults first), anything else prints the usage
# (header lines LINES); the caller then runs: shift $((OPTIND - 1))
parse_options() {
    local lines=$1 optstring=$2 opt
    shift 2
    while getopts "$optstring" opt; do
        case $opt in
            n) runs=$OPTARG ;;
            i) image=$OPTARG ;;
            *) usage "$lines" ;;
        esac
    done
}

# make_work_dir: a temp dir in $work, removed at exit; a phone left running ($pid, and any pid in
# the array $pids) is stopped first
make_work_dir() {
    work=$(mktemp -d)
    pid=
    trap cleanup EXIT INT TERM
}

# stop_pid PID: stops the process PID if it runs, and waits for it
stop_pid() {
    if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
        kill "$1" 2>/dev/null || true
        wait "$1" 2>/dev/null || true
    fi
}

cleanup() {
    local p
    for p in "$pid" ${pids[@]+"${pids[@]}"}; do
        stop_pid "$p"
    done
    rm -rf "$work"
}

# stop_phone: stops the phone $pid and waits for it
stop_phone() {
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=
}

# free_port: a free TCP port of the loopback; free_udp_port: a free UDP one
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
free_udp_port() {
    python3 -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_tcp_port PORT [TRIES [SECONDS]]: waits until PORT of the loopback accepts a connection
# (at most TRIES times SECONDS, default 600 times 0.1 s)
wait_tcp_port() {
    for _ in $(seq 1 "${2:-600}"); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && break
        sleep "${3:-0.1}"
    done
}

# wait_udp_port PORT: waits (at most 60 s) until a UDP socket is bound to PORT
wait_udp_port() {
    local hex
    hex=$(printf ':%04X ' "$1")
    for _ in $(seq 1 600); do
        grep -q "$hex" /proc/net/udp && break
        sleep 0.1
    done
}

# boot_service IMAGE DATA ERR [ARG...]: launches IMAGE as a service (--no-shell, no class-data
# archive, -Dmppfw.bench=true) on the data dir DATA, its stderr in ERR; its pid in $pid
boot_service() {
    local image=$1 data=$2 err=$3
    shift 3
    MPPFW_CDS=0 MPPFW_JAVA_OPTS=-Dmppfw.bench=true "$image/bin/mppfw" --data "$data" --no-shell "$@" \
        </dev/null >/dev/null 2>"$err" &
    pid=$!
}

# boot_report ERR: waits (at most 60 s, while the phone $pid runs) for the launcher's line
# "mppfw: booted N bundles in X ms (cpu Y ms)" in ERR; prints "X Y" (nothing if it did not come)
boot_report() {
    local ms=
    for _ in $(seq 1 600); do
        ms=$(sed -n 's/^mppfw: booted [0-9]* bundles in \([0-9]*\) ms (cpu \([0-9]*\) ms)$/\1 \2/p' "$1")
        [ -n "$ms" ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "$ms"
}

# java_pid PID: the Java runtime bin/mppfw (PID) runs as its child (PID itself if there is none)
java_pid() {
    local child
    child=$(pgrep -P "$1" java | head -1 || true)
    echo "${child:-$1}"
}

# memory_kb PID: runs a full GC in the Java runtime PID (jcmd GC.run), prints its used heap,
# metaspace used (jcmd GC.heap_info) and VmRSS: "heap-kb metaspace-kb rss-kb"
memory_kb() {
    local jpid=$1 info heap meta rss
    # the attach may time out on a loaded machine: a few attempts
    for _ in 1 2 3 4 5; do jcmd "$jpid" GC.run >/dev/null 2>&1 && break; done || true
    info=$(for _ in 1 2 3 4 5; do jcmd "$jpid" GC.heap_info 2>/dev/null && break; done || true)
    [ -n "$info" ] || { echo "jcmd could not attach to $jpid" >&2; exit 1; }
    heap=$(echo "$info" | sed -n 's/.*generation.*used \([0-9]*\)K.*/\1/p' | awk '{s += $1} END {print s}')
    meta=$(echo "$info" | sed -n 's/^ *Metaspace *used \([0-9]*\)K.*/\1/p')
    rss=$(rss_kb "$jpid")
    echo "$heap $meta $rss"
}

# rss_kb PID: the resident memory (VmRSS) of PID in kB
rss_kb() {
    awk '/^VmRSS:/ {print $2}' "/proc/$1/status"
}

# stats: numbers on stdin, one a line -> "median min max"; median: the median alone
stats() {
    sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; print m, a[1], a[NR]}'
}
median() {
    stats | cut -d' ' -f1
}

# mb KB [DECIMALS]: kB in MB (one decimal unless told)
mb() {
    awk -v k="$1" -v d="${2:-1}" 'BEGIN {printf "%." d "f", k / 1024}'
}

# machine: the date, the cores and the load, as the first line of a result says them
machine() {
    echo "$(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# bundle_cost LINES WORD tcp|udp "$@": the whole of a script measuring what a bundle costs a phone
# run as a service, whose usage (header lines LINES) is [-n RUNS] IMAGE-WITH IMAGE-WITHOUT: RUNS
# boots (default 5) with the bundle and WORD off (the factory state), with the bundle and WORD on,
# and without the bundle, in a table of medians. WORD on: before the boot, a command run sets the
# commands the script's on_commands PORT prints, PORT a free tcp or udp port; the boot then waits
# for that port.
bundle_cost() {
    local lines=$1 word=$2 proto=$3 variant image
    shift 3
    runs=5
    parse_options "$lines" n: "$@"
    shift $((OPTIND - 1))
    [ $# -eq 2 ] || usage "$lines"
    make_work_dir
    echo "# $(machine), $runs boots each"
    echo "| image | boot ms | CPU ms to boot | used heap after a full GC, MB | metaspace used, MB | RSS MB |"
    echo "|---|---|---|---|---|---|"
    for variant in "with:off" "with:on" "without:off"; do
        image=$1
        [ "${variant%%:*}" = without ] && image=$2
        : >"$work/r"
        for _ in $(seq 1 "$runs"); do
            cost_boot_once "$image" "${variant##*:}" "$proto" >>"$work/r"
        done
        echo "| ${variant%%:*} the bundle, $word ${variant##*:} | $(column_median 1 "$work/r") | $(column_median 2 "$work/r")" \
            "| $(mb "$(column_median 3 "$work/r")") | $(mb "$(column_median 4 "$work/r")") | $(mb "$(column_median 5 "$work/r")") |"
    done
}

# cost_boot_once IMAGE on|off tcp|udp -> "boot-ms cpu-ms heap-kb metaspace-kb rss-kb": boots a
# fresh data dir, reads the boot report, waits for the port when on, then measures the memory
cost_boot_once() {
    local image=$1 on=$2 proto=$3 data=$work/data err=$work/err port= ms mem
    rm -rf "$data"
    if [ "$on" = on ]; then
        if [ "$proto" = udp ]; then port=$(free_udp_port); else port=$(free_port); fi
        MPPFW_CDS=0 "$image/bin/mppfw" --data "$data" -c "$(on_commands "$port")" </dev/null >/dev/null
    fi
    boot_service "$image" "$data" "$err"
    ms=$(boot_report "$err")
    [ -n "$ms" ] || { echo "no boot report:" >&2; cat "$err" >&2; exit 1; }
    if [ -n "$port" ]; then
        if [ "$proto" = udp ]; then wait_udp_port "$port"; else wait_tcp_port "$port"; fi
    fi
    mem=$(memory_kb "$(java_pid "$pid")")
    echo "$ms $mem"
    stop_phone
}

# column_median N FILE: the median of the Nth column of FILE
column_median() {
    awk -v c="$1" '{print $c}' "$2" | median
}

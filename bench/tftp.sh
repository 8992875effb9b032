#!/usr/bin/env bash
# TFTP download benchmark: the phone's TFTP client against the real clients, in the
# same run, fetching the same 20 MiB file from real servers on 127.0.0.1.
#
# Usage: bench/tftp.sh [-n RUNS] [-w WARMUPS] [-c COMBO_RUNS] [-s SIZE] [-X] [-B]
#   RUNS        timed runs of each client (default 7); medians are reported
#   WARMUPS     untimed runs of ours first (default 5; the table below uses 2 per cell)
#   COMBO_RUNS  timed runs per blksize x windowsize combination (default 3; 0 skips the table)
#   SIZE        file size in bytes (default 20971520 = 20 MiB)
#   -X          skip atftp in the combination table (ours only)
#   -B          do not build (use the classes already in bundles/*/target)
#
# Servers, started here and stopped at exit:
#   tftpd-hpa  127.0.0.1:26969  /usr/sbin/in.tftpd -L -u root -a 127.0.0.1:26969 -s ROOT
#   atftpd     127.0.0.1:26970  atftpd --daemon --no-fork --port 26970 --bind-address 127.0.0.1
#                               --user root.root --logfile LOG ROOT
#              (atftpd is unpacked from its Debian package by scripts/peers/tftp-atftpd.sh)
# Clients, each run writes the file and has its SHA-256 checked (outside the timing):
#   ours       bench/TftpBench.java: TftpTransport.exchange(GET tftp://...) in one warmed-up
#              JVM, into the transport's spool file; default = the TftpConfig defaults
#              (blksize 1428, windowsize 8, timeout 1, tsize); plain = options off; the
#              default case is timed again with the phone image's JVM flags (bin/mppfw)
#   atftp      atftp -g -r F -l OUT --option "blksize B" --option "windowsize W" 127.0.0.1 PORT
#   curl       curl -s -o OUT --tftp-blksize B tftp://127.0.0.1:PORT/F   (no windowsize support)
#   lock-step 512: tftp (tftp-hpa client, no options at all), curl --tftp-no-options,
#              atftp without options, ours with options off
# External clients are timed as whole processes (wall clock, one process per run).
# Then a blksize x windowsize table on atftpd (the only server here that grants windowsize),
# ours and atftp side by side; atftp runs are cut at 20 s (atftp collapses at 8192 x 16).
# Loopback has a 64 KiB MTU: blksize above 1472 does not fragment here as it would on Ethernet.
set -euo pipefail

runs=7
warmups=5
combo_runs=3
size=20971520
combo_atftp=1
build=1
while getopts "n:w:c:s:XB" opt; do
    case $opt in
        n) runs=$OPTARG ;;
        w) warmups=$OPTARG ;;
        c) combo_runs=$OPTARG ;;
        s) size=$OPTARG ;;
        X) combo_atftp=0 ;;
        B) build=0 ;;
        *) sed -n '2,12p' "$0"; exit 2 ;;
    esac
done

host=127.0.0.1
hpa_port=26969
atftpd_port=26970
file=fw.bin

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
    local p
    for p in "${pids[@]}"; do
        pkill -P "$p" 2>/dev/null || true # tftpd-hpa serves each request in a child
        kill "$p" 2>/dev/null || true
    done
    for p in "${pids[@]}"; do
        wait "$p" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cd "$repo"

for tool in /usr/sbin/in.tftpd atftp curl tftp; do
    command -v "$tool" >/dev/null || { echo "$tool missing: install the packages of scripts/packages/tftp.txt" >&2; exit 2; }
done
atftpd=$(scripts/peers/tftp-atftpd.sh)

# --- build and class path -------------------------------------------------------------------
goals=package
[ "$build" = 1 ] || goals=validate
if ! ./mvnw -B -ntp -o -DskipTests -pl bundles/tftp -am $goals dependency:build-classpath \
        -Dmdep.outputFile="$work/cp.txt" >"$work/mvn.log" 2>&1; then
    # the dependency plugin may be missing from the local repository: fetch it once
    ./mvnw -B -ntp -DskipTests -pl bundles/tftp -am $goals dependency:build-classpath \
        -Dmdep.outputFile="$work/cp.txt" >"$work/mvn.log" 2>&1 || { tail -40 "$work/mvn.log" >&2; exit 1; }
fi
cp="$repo/bundles/api/target/classes:$repo/bundles/tftp/target/classes:$(cat "$work/cp.txt")"

# --- servers --------------------------------------------------------------------------------
mkdir -p "$work/root" "$work/spool" "$work/out"
head -c "$size" /dev/urandom >"$work/root/$file"
chmod -R a+rX "$work/root"
sha=$(sha256sum "$work/root/$file" | cut -d' ' -f1)

/usr/sbin/in.tftpd -L -u root -a "$host:$hpa_port" -s "$work/root" >"$work/tftpd-hpa.out" 2>&1 &
pids+=($!)
"$atftpd" --daemon --no-fork --port "$atftpd_port" --bind-address "$host" --user root.root \
    --logfile "$work/atftpd.log" "$work/root" >"$work/atftpd.out" 2>&1 &
pids+=($!)
for port in $hpa_port $atftpd_port; do
    for ((i = 0; i < 100; i++)); do
        ss -Hlun "src $host:$port" | grep -q . && break
        sleep 0.1
    done
    ss -Hlun "src $host:$port" | grep -q . || { echo "no server on $host:$port" >&2; cat "$work"/*.out >&2; exit 1; }
done

# --- helpers --------------------------------------------------------------------------------
# the JVM flags of the phone image (bin/mppfw), e.g. C1 only: ours is timed with them too
phone_flags=$(sed -n 's/^DEFAULT_JVM_FLAGS="\(.*\)"$/\1/p' "$repo/distribution/src/main/image/bin/mppfw")
ours() { # [JVM_FLAGS=...] ours PORT WARMUPS RUNS SPEC... -> RESULT lines
    local port=$1 w=$2 n=$3
    shift 3
    # shellcheck disable=SC2086
    java ${JVM_FLAGS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" "$repo/bench/TftpBench.java" \
        "tftp://$host:$port/$file" "$sha" "$work/spool" "$w" "$n" "$@" | grep -E '^(RESULT|FAIL)'
}
# ext N LIMIT CMD... : runs CMD (which writes $work/out/f) N times, prints the median wall time
# in ms; "fail" when a run fails or the file is wrong, ">LIMIT" when a run is cut at LIMIT s
ext() {
    local n=$1 limit=$2 i s e rc
    shift 2
    for ((i = 0; i < n; i++)); do
        rm -f "$work/out/f"
        s=$EPOCHREALTIME
        rc=0
        timeout "$limit" "$@" >/dev/null 2>&1 || rc=$?
        e=$EPOCHREALTIME
        if [ "$rc" = 124 ]; then echo ">${limit}000"; return; fi
        if [ "$rc" != 0 ] || [ "$(sha256sum <"$work/out/f" | cut -d' ' -f1)" != "$sha" ]; then echo fail; return; fi
        awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f\n", (e - s) * 1000 }'
    done | sort -g | awk '/^[>f]/ { print; bad = 1; exit } { a[NR] = $1 }
        END { if (bad) exit; if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
field() { awk -v s="$1" -v f="$2" '$1 == "RESULT" && $2 == s { print $f; exit } $1 == "FAIL" && $2 == s { print "fail"; exit }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else print "-" }'; }
atftp_get() { # atftp_get PORT B W : B or W 0 leaves that option out
    local args=()
    [ "$2" = 0 ] || args+=(--option "blksize $2")
    [ "$3" = 0 ] || args+=(--option "windowsize $3")
    ext "${ext_runs:-$runs}" "${ext_limit:-120}" atftp -g -r "$file" -l "$work/out/f" "${args[@]}" "$host" "$1"
}

echo "# bench/tftp.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $size-byte file, $host"
echo "# load before: $(uptime | sed 's/.*load average/load average/')"
echo "# $(java -version 2>&1 | sed -n 2p); tftpd-hpa $(/usr/sbin/in.tftpd -V 2>&1 | head -1 | awk '{print $2}' | tr -d ,); \
atftpd $("$atftpd" --version 2>&1 | head -1 | sed 's/atftp-//; s/ .*//'); $(atftp --version 2>&1 | head -1); \
$(curl --version | head -1 | cut -d' ' -f1-2); tftp-hpa $(dpkg-query -W -f '${Version}' tftp-hpa 2>/dev/null)"
echo "# CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cores"

# --- ours vs the others, default options ----------------------------------------------------
declare -A res
for server in tftpd-hpa atftpd; do
    port=$hpa_port
    [ "$server" = atftpd ] && port=$atftpd_port
    out=$(ours "$port" "$warmups" "$runs" default plain)
    res[$server,ours]=$(field default 3 <<<"$out")
    res[$server,ours_neg]=$(field default 8 <<<"$out" | tr _ ' ')
    res[$server,ours_rtx]=$(field default 7 <<<"$out")
    res[$server,ours_plain]=$(field plain 3 <<<"$out")
    res[$server,ours_phone]=$(JVM_FLAGS=$phone_flags ours "$port" "$warmups" "$runs" default | field default 3)
    res[$server,atftp]=$(atftp_get "$port" 1428 8)
    res[$server,curl]=$(ext "$runs" 120 curl -s -o "$work/out/f" --tftp-blksize 1428 "tftp://$host:$port/$file")
    res[$server,tftp512]=$(ext "$runs" 120 tftp -m binary "$host" "$port" -c get "$file" "$work/out/f")
    res[$server,curl512]=$(ext "$runs" 120 curl -s -o "$work/out/f" --tftp-no-options "tftp://$host:$port/$file")
    res[$server,atftp512]=$(atftp_get "$port" 0 0)
done
echo "# load after the client comparison: $(uptime | sed 's/.*load average/load average/')"

echo
echo "## $size bytes, median wall time in ms ($runs runs each)"
echo
echo "| client | tftpd-hpa | atftpd |"
echo "| --- | ---: | ---: |"
echo "| ours, defaults (blksize 1428, windowsize 8) | ${res[tftpd-hpa,ours]} | ${res[atftpd,ours]} |"
echo "| ours, defaults, phone JVM flags ($phone_flags) | ${res[tftpd-hpa,ours_phone]} | ${res[atftpd,ours_phone]} |"
echo "| atftp --option \"blksize 1428\" --option \"windowsize 8\" | ${res[tftpd-hpa,atftp]} | ${res[atftpd,atftp]} |"
echo "| curl --tftp-blksize 1428 | ${res[tftpd-hpa,curl]} | ${res[atftpd,curl]} |"
echo "| lock-step 512: tftp (tftp-hpa) | ${res[tftpd-hpa,tftp512]} | ${res[atftpd,tftp512]} |"
echo "| lock-step 512: curl --tftp-no-options | ${res[tftpd-hpa,curl512]} | ${res[atftpd,curl512]} |"
echo "| lock-step 512: atftp, no options | ${res[tftpd-hpa,atftp512]} | ${res[atftpd,atftp512]} |"
echo "| lock-step 512: ours, options off | ${res[tftpd-hpa,ours_plain]} | ${res[atftpd,ours_plain]} |"
echo "| ours: what was negotiated | ${res[tftpd-hpa,ours_neg]} | ${res[atftpd,ours_neg]} |"
echo "| ours: retransmissions in the timed runs | ${res[tftpd-hpa,ours_rtx]} | ${res[atftpd,ours_rtx]} |"
echo "| **ours ÷ atftp, time** (goal ≤ 1.0) | $(ratio "${res[tftpd-hpa,ours]}" "${res[tftpd-hpa,atftp]}") | $(ratio "${res[atftpd,ours]}" "${res[atftpd,atftp]}") |"
echo "| ours (phone JVM) ÷ atftp, time | $(ratio "${res[tftpd-hpa,ours_phone]}" "${res[tftpd-hpa,atftp]}") | $(ratio "${res[atftpd,ours_phone]}" "${res[atftpd,atftp]}") |"
echo "| ours ÷ curl, time | $(ratio "${res[tftpd-hpa,ours]}" "${res[tftpd-hpa,curl]}") | $(ratio "${res[atftpd,ours]}" "${res[atftpd,curl]}") |"
for server in tftpd-hpa atftpd; do
    best=$(printf '%s\n' "${res[$server,tftp512]}" "${res[$server,curl512]}" "${res[$server,atftp512]}" "${res[$server,ours_plain]}" \
        | grep -E '^[0-9.]+$' | sort -g | head -1)
    res[$server,speedup]=$(ratio "$best" "${res[$server,ours]}")
done
echo "| **fastest lock-step 512 ÷ ours, time** (goal ≥ 5) | ${res[tftpd-hpa,speedup]} | ${res[atftpd,speedup]} |"

# --- blksize x windowsize on atftpd ---------------------------------------------------------
[ "$combo_runs" -gt 0 ] || exit 0
blksizes=(512 1428 4096 8192 65464)
windows=(1 4 8 16 32)
specs=()
for b in "${blksizes[@]}"; do for w in "${windows[@]}"; do specs+=("${b}x$w"); done; done
out=$(ours "$atftpd_port" 2 "$combo_runs" "${specs[@]}")
echo
echo "## atftpd, blksize × windowsize: ours / atftp, median ms ($combo_runs runs; ours' retransmissions in brackets)"
echo
printf '| blksize \\ windowsize |'
for w in "${windows[@]}"; do printf ' %s |' "$w"; done
echo
printf '| --- |'
for w in "${windows[@]}"; do printf ' ---: |'; done
echo
for b in "${blksizes[@]}"; do
    printf '| %s |' "$b"
    for w in "${windows[@]}"; do
        o=$(field "${b}x$w" 3 <<<"$out")
        r=$(field "${b}x$w" 7 <<<"$out")
        t=-
        if [ "$combo_atftp" = 1 ]; then
            t=$(ext_runs=$combo_runs ext_limit=20 atftp_get "$atftpd_port" "$b" "$w")
        fi
        printf ' %s [%s] / %s |' "$o" "${r:-}" "$t"
    done
    echo
done
echo
echo "# load after: $(uptime | sed 's/.*load average/load average/')"

#!/usr/bin/env bash
# The web pages' first answer: time from launching bin/mppfw (a phone run as a service, --no-shell)
# to the first 200 of GET /login, with the web server on (Enable_Protocol Http, a loopback port).
#
# Usage: bench/web.sh [-n RUNS] [-i IMAGE]... [-s]
#   RUNS   boots per image (default 10); IMAGE a laid-out image (default distribution/target/mppfw).
#   Several -i compare images: their boots take turns (image 1, image 2, ..., image 1, ...), so that
#   the machine's other work falls on each alike.
#   -s     HTTPS as a factory phone serves it (Enable_Protocol Https, the self-signed certificate)
# One data dir per image is set up with -c first (Enable_Protocol Http, Web_Server_Port) and one
# untimed power-on (which writes the class-data archive at its exit, as a phone's first boot does),
# then every run boots it, polls the page every 10 ms until it answers 200, and stops the phone
# with SIGTERM.
# Prints one line per run (the CPU time the Java runtime had used when the page answered, and the
# launcher's own "booted N bundles in X ms (cpu Y ms)", -Dmppfw.bench=true) and, per image, the
# medians and ranges. On a shared machine the CPU times say more than the wall times.
set -euo pipefail

. "$(dirname "$0")/lib.sh"
runs=10
here=$(cd "$(dirname "$0")/.." && pwd)
images=()
scheme=http
protocol=Http
while getopts "n:i:s" opt; do
    case $opt in
        s) scheme=https; protocol=Https ;;
        n) runs=$OPTARG ;;
        i) images+=("$OPTARG") ;;
        *) usage 2,18 ;;
    esac
done
[ ${#images[@]} -gt 0 ] || images=("$here/distribution/target/mppfw")
for image in "${images[@]}"; do
    [ -x "$image/bin/mppfw" ] || { echo "no image at $image: build it with ./mvnw -B -pl distribution install" >&2; exit 2; }
done
command -v curl >/dev/null || { echo "curl is needed (apt-get install curl)" >&2; exit 2; }

make_work_dir

port=$(free_port)
# boot_until_page IMAGE DATA: launches a power-on, returns once GET /login answers 200 (pid in $pid)
boot_until_page() {
    MPPFW_JAVA_OPTS=-Dmppfw.bench=true "$1/bin/mppfw" --data "$2" --no-shell >"$work/phone.log" 2>&1 </dev/null &
    pid=$!
    until [ "$(curl -sk -o /dev/null -w '%{http_code}' "$scheme://127.0.0.1:$port/login" || true)" = 200 ]; do
        kill -0 "$pid" 2>/dev/null || { echo "the phone stopped:" >&2; cat "$work/phone.log" >&2; exit 1; }
        sleep 0.01
    done
}

for k in "${!images[@]}"; do
    "${images[$k]}/bin/mppfw" --data "$work/data$k" -c "param:set Enable_Protocol $protocol; param:set Web_Server_Port $port" >/dev/null
    # one untimed power-on, as the phone's first: it writes the class-data archive at its exit
    boot_until_page "${images[$k]}" "$work/data$k"
    stop_phone
done

# CPU time (user + system) of the Java runtime that bin/mppfw ($1) runs as its child, in ms
jvm_cpu_ms() {
    awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$(java_pid "$1")/stat"
}

# spread: numbers on stdin -> "median ms (min MIN, max MAX)"
spread() {
    local m lo hi
    read -r m lo hi < <(stats)
    echo "$m ms (min $lo, max $hi)"
}

for i in $(seq 1 "$runs"); do
    for k in "${!images[@]}"; do
        start=$(date +%s%N)
        boot_until_page "${images[$k]}" "$work/data$k"
        ms=$(( ($(date +%s%N) - start) / 1000000 ))
        cpu=$(jvm_cpu_ms "$pid")
        echo "$ms" >>"$work/page$k"
        echo "$cpu" >>"$work/cpu$k"
        booted=$(sed -n 's/.*booted \([0-9]*\) bundles in \([0-9]*\) ms.*/\2/p' "$work/phone.log" | head -1)
        echo "${booted:-0}" >>"$work/boot$k"
        echo "image $((k + 1)) run $i: first page after $ms ms (cpu $cpu ms); $(grep -o 'booted .*' "$work/phone.log" | head -1)"
        stop_phone
    done
done
for k in "${!images[@]}"; do
    echo "image $((k + 1)) (${images[$k]}), $runs runs: first page median $(spread <"$work/page$k"), its CPU time $(spread <"$work/cpu$k");" \
        "JVM start to all ACTIVE median $(spread <"$work/boot$k")"
done

#!/usr/bin/env bash
# Power-on to first profile applied: the phone boots (bin/mppfw --no-shell, the image's default
# JVM flags and class-data archive) with Profile_Rule pointing at a local nginx and
# Resync_Random_Delay 0, resyncs at power-up and applies the profile. The resync component logs
# "first profile applied N ms after JVM start" (an info line of its logger, which this script turns
# on alone); beside it, the time curl takes to fetch the same profile from the same nginx.
#
# Usage: bench/first-resync.sh [-n RUNS] [-i IMAGE]     (default 10 runs, distribution/target/mppfw)
# Build the image first (./mvnw -B -DskipTests package); nginx comes from scripts/test's packages.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
runs=10
here=$(cd "$(dirname "$0")/.." && pwd)
image=$here/distribution/target/mppfw
parse_options 2,10 n:i: "$@"
mppfw=$image/bin/mppfw
[ -x "$mppfw" ] || { echo "no image at $image: build it with ./mvnw -B -DskipTests package" >&2; exit 2; }

make_work_dir
pids=()

port=$(free_port)
mkdir -p "$work/www"
{
    echo '<device><flat-profile>'
    for i in $(seq 1 200); do echo "  <GPP_A>value $i</GPP_A>"; done
    echo '  <Resync_Periodic>7200</Resync_Periodic>'
    echo '</flat-profile></device>'
} >"$work/www/profile.xml"
user=; [ "$(id -u)" = 0 ] && user="user root root;"
cat >"$work/nginx.conf" <<CONF
daemon off; worker_processes 1; pid $work/nginx.pid; error_log $work/error.log; $user
events { worker_connections 32; }
http { access_log off; client_body_temp_path $work/tb; proxy_temp_path $work/tp; fastcgi_temp_path $work/tf;
  uwsgi_temp_path $work/tu; scgi_temp_path $work/ts;
  server { listen 127.0.0.1:$port; root $work/www; location / { } } }
CONF
nginx -p "$work" -c "$work/nginx.conf" &
pids+=($!)
wait_tcp_port "$port" 100 0.05

# first_profile_ms DATA PID: waits until the phone PID has applied its first profile, prints the
# milliseconds after JVM start its log gives (empty if the phone stopped or 30 s passed)
first_profile_ms() {
    local ms=
    for _ in $(seq 1 600); do
        ms=$(sed -n 's/^.* first profile applied \([0-9]*\) ms after JVM start$/\1/p' "$1/log/phone.log" 2>/dev/null)
        [ -n "$ms" ] && break
        kill -0 "$2" 2>/dev/null || break
        sleep 0.05
    done
    echo "$ms"
}

# a data dir as after the phone's first boot: the rule set, one resync done, and the class-data
# archive written at the exit of that first power-on (so it holds the classes a resync loads; a
# command run writes none)
template=$work/template
MPPFW_JAVA_OPTS= "$mppfw" --data "$template" -c "param:set Profile_Rule http://127.0.0.1:$port/profile.xml
param:set Resync_Random_Delay 0
prov:resync" >/dev/null
rm -rf "$template/log" # the command run logs its own "first profile applied"
"$mppfw" --data "$template" --no-shell </dev/null >/dev/null 2>&1 &
pid=$!
[ -n "$(first_profile_ms "$template" "$pid")" ] || { echo "no first profile at the first power-on" >&2; exit 1; }
stop_phone
rm -rf "$template/felix-cache" "$template/log"

: >"$work/ms"
for _ in $(seq 1 "$runs"); do
    data=$work/data
    rm -rf "$data"
    cp -r "$template" "$data"
    err=$work/err
    # the info line is in the phone's own log, the ring in the data dir
    "$mppfw" --data "$data" --no-shell </dev/null >/dev/null 2>"$err" &
    pid=$!
    ms=$(first_profile_ms "$data" "$pid")
    stop_pid "$pid"
    pid=
    [ -n "$ms" ] || { echo "no first profile:" >&2; cat "$err" >&2; exit 1; }
    echo "$ms" >>"$work/ms"
done

: >"$work/curl"
for _ in $(seq 1 "$runs"); do
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/profile.xml" | awk '{printf "%.1f\n", $1 * 1000}' >>"$work/curl"
done
read -r m mn mx < <(stats <"$work/ms")
read -r c cn cx < <(stats <"$work/curl")
echo "# $(machine), $(java -version 2>&1 | head -1), $runs runs"
echo "| what | median ms (min-max) |"
echo "|---|---|"
echo "| phone: JVM start to first profile applied (nginx, 203-element profile) | $m ($mn-$mx) |"
echo "| curl: the same profile from the same nginx | $c ($cn-$cx) |"

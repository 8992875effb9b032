#!/usr/bin/env bash
# Download benchmark of the phone's HTTP client against curl, in the same run: one file (20 MiB
# of random bytes by default) from nginx on 127.0.0.1, over HTTP and over HTTPS (TLS with a test
# CA made here), median of several runs each. Goal: the phone's median <= 1.5 x curl's.
#
# Usage: bench/http.sh [-n RUNS] [-w WARMUP] [-s MIB] [-j "JVM FLAGS"]
#   RUNS    timed downloads per client and scheme (default 9)
#   WARMUP  untimed downloads first (default 3)
#   MIB     file size in MiB (default 20)
#   FLAGS   JVM flags of the phone's side (default: bin/mppfw's DEFAULT_JVM_FLAGS, as the phone runs)
#
# The phone's side is org.mppfw.http.internal.HttpBench (bundles/http test sources): in one JVM it
# downloads WARMUP times, then times RUNS downloads through HttpExchanger, the code path of a
# resync or upgrade (a new client and connection per exchange, body streamed through the limits).
# JVM start-up is not counted. curl is timed by its own %{time_total} (connect, TLS, transfer;
# not its process start), writing to /dev/null. Both check the size of every download; the first
# download of each is checked against the file's SHA-256.
#
# Needs: nginx, curl, openssl, python3 (scripts/packages/http.txt), JDK 17, and the http bundle
# with its test classes built first: ./mvnw -B -ntp verify -pl bundles/http -am
# (this script builds nothing; it asks Maven, offline, only for the dependency class path).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

runs=9
warmup=3
mib=20
here=$(cd "$(dirname "$0")/.." && pwd)
jvm_flags=$(sed -n 's/^DEFAULT_JVM_FLAGS="\(.*\)"$/\1/p' "$here/distribution/src/main/image/bin/mppfw")
while getopts "n:w:s:j:" opt; do
    case $opt in
        n) runs=$OPTARG ;;
        w) warmup=$OPTARG ;;
        s) mib=$OPTARG ;;
        j) jvm_flags=$OPTARG ;;
        *) usage 2,22 ;;
    esac
done

classes=$here/bundles/http/target/classes
tests=$here/bundles/http/target/test-classes
api=$here/bundles/api/target/classes
[ -f "$tests/org/mppfw/http/internal/HttpBench.class" ] && [ -d "$api" ] || {
    echo "build first: ./mvnw -B -ntp verify -pl bundles/http -am" >&2; exit 2; }

make_work_dir
pids=()

echo "== load before: $(uptime)"

# --- class path: our classes first, then the bundle's dependencies (never another mppfw build's jars)
( cd "$here" && ./mvnw -B -ntp -o -pl bundles/http dependency:build-classpath \
    -Dmdep.outputFile="$work/deps.txt" -Dmdep.includeScope=test >"$work/mvn.log" 2>&1 ) || {
    cat "$work/mvn.log" >&2; exit 1; }
deps=$(tr ':' '\n' <"$work/deps.txt" | grep -v '/mppfw-' | paste -sd: -)
cp="$tests:$classes:$api:$deps"

# --- test PKI and the file
mkdir -p "$work/pki" "$work/www"
(
    cd "$work/pki"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj "/CN=Bench CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
    openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=localhost"
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >server.ext
    openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 2 \
        -extfile server.ext
) >"$work/pki.log" 2>&1
size=$((mib * 1024 * 1024))
head -c "$size" /dev/urandom >"$work/www/fw.bin"
sha=$(sha256sum "$work/www/fw.bin" | cut -d' ' -f1)

# --- nginx
http_port=$(free_port)
https_port=$(free_port)
user_line=
[ "$(id -u)" -eq 0 ] && user_line="user root root;"
cat >"$work/nginx.conf" <<EOF
daemon off; worker_processes 1; pid $work/nginx.pid; error_log $work/error.log;
$user_line
events { worker_connections 64; }
http {
  types { application/octet-stream bin; }
  log_format bench '\$request \$status \$body_bytes_sent \$ssl_protocol \$ssl_cipher "\$http_user_agent"';
  access_log $work/access.log bench;
  sendfile on; tcp_nopush on;
  client_body_temp_path $work/tb; proxy_temp_path $work/tp; fastcgi_temp_path $work/tf;
  uwsgi_temp_path $work/tu; scgi_temp_path $work/ts;
  server {
    listen 127.0.0.1:$http_port; listen 127.0.0.1:$https_port ssl;
    ssl_certificate $work/pki/server.crt; ssl_certificate_key $work/pki/server.key;
    root $work/www;
  }
}
EOF
nginx -p "$work" -c "$work/nginx.conf" &
pids+=($!)
for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$http_port/" && break
    sleep 0.1
done

# --- runs
results=()
for scheme in http https; do
    port=$http_port
    [ "$scheme" = https ] && port=$https_port
    url="$scheme://127.0.0.1:$port/fw.bin"

    got=$(curl -sS --cacert "$work/pki/ca.crt" "$url" | sha256sum | cut -d' ' -f1)
    [ "$got" = "$sha" ] || { echo "curl: wrong body from $url" >&2; exit 1; }
    for _ in $(seq $((warmup > 1 ? warmup - 1 : 0))); do
        curl -sS --cacert "$work/pki/ca.crt" -o /dev/null "$url"
    done
    : >"$work/curl-$scheme.txt"
    for i in $(seq "$runs"); do
        out=$(curl -sS --cacert "$work/pki/ca.crt" -o /dev/null -w '%{size_download} %{time_total}' "$url")
        [ "${out% *}" = "$size" ] || { echo "curl: short body ($out)" >&2; exit 1; }
        echo "${out#* }" | awk '{ printf "%.1f\n", $1 * 1000 }' >>"$work/curl-$scheme.txt"
    done
    curl_ms=$(median <"$work/curl-$scheme.txt")

    # shellcheck disable=SC2086
    java $jvm_flags -cp "$cp" org.mppfw.http.internal.HttpBench "$url" "$runs" "$warmup" "$size" "$sha" \
        "$work/pki/ca.crt" 2>"$work/java-$scheme.err" | tee "$work/java-$scheme.txt" >/dev/null || {
        cat "$work/java-$scheme.err" >&2; exit 1; }
    ours_ms=$(sed -n 's/^median \(.*\) ms$/\1/p' "$work/java-$scheme.txt")

    ratio=$(awk -v a="$ours_ms" -v b="$curl_ms" 'BEGIN { printf "%.2f", a / b }')
    echo "== $scheme curl runs (ms): $(paste -sd' ' "$work/curl-$scheme.txt")"
    echo "== $scheme ours runs (ms): $(sed -n 's/^run [0-9]* \(.*\) ms$/\1/p' "$work/java-$scheme.txt" | paste -sd' ')"
    results+=("$(printf '| %-5s | %8.1f | %8.1f | %5s |' "$scheme" "$curl_ms" "$ours_ms" "$ratio")")
done

tls=$(grep -m1 -o 'TLSv[0-9.]* [A-Z0-9_-]*' "$work/access.log" || true)
tls_java=$(grep 'Cisco-CP' "$work/access.log" | grep -m1 -o 'TLSv[0-9.]* [A-Z0-9_-]*' || true)
echo
echo "file: $mib MiB, runs: $runs timed after $warmup warm-up, medians"
echo "phone JVM flags: ${jvm_flags:-(none)}; $(java -version 2>&1 | head -1); $(curl --version | head -1 | cut -d' ' -f1-2); $(nginx -v 2>&1)"
echo "TLS negotiated: curl $tls; phone $tls_java"
echo "| scheme | curl ms | ours ms | ours/curl |"
echo "|---|---|---|---|"
printf '%s\n' "${results[@]}"
echo "== load after: $(uptime)"

#!/usr/bin/env bash
# Profile decryption benchmark: the phone's decoding pipeline against the real tools,
# in the same run, on the same 20 MiB files.
#
# Usage: bench/crypto.sh [-n RUNS] [-w WARMUPS] [-j NODE_RUNS] [-s SIZE] [-B]
#   RUNS       timed runs of each measurement (default 15); medians are reported
#   WARMUPS    untimed runs before ours are timed, each checked by SHA-256 (default 30)
#   NODE_RUNS  timed runs of http_ece, which is slow (default 3, after one checked warm-up)
#   SIZE       plaintext bytes (default 20971520 = 20 MiB)
#   -B         do not build (use the classes already in bundles/*/target)
#
# (a) AES-256-CBC, `openssl enc -aes-256-cbc -k` format:
#     ours    bench/CryptoBench.java cbc: ProfileDecoding.open (what ProfileCodec.decode runs)
#             reading the file to the end, in one warmed-up JVM; timed twice: with java's
#             default flags (C2) and with the phone image's flags (DEFAULT_JVM_FLAGS of
#             bin/mppfw, which stop at C1), and once more with those flags minus
#             -XX:TieredStopAtLevel=1 ("phone-C2")
#     openssl `openssl enc -d -aes-256-cbc -k PASS -in FILE -out /dev/null`, one process per
#             run; also run on a 100-byte file to give its start-up cost, which is subtracted
#             for the "net" figure
# (b) RFC 8188 aes128gcm, rs 4096 (the phone's default record size and http_ece's):
#     ours    bench/CryptoBench.java ece, the same pipeline with Content-Encoding aes128gcm
#     openssl `openssl speed -elapsed -mr -seconds 3 -evp aes-128-gcm -decrypt -bytes N` for
#             N = 4096 (one record) and 16384 (its best case): raw GCM, no framing, no I/O
#     http_ece the npm package (RFC 8188's reference code) in node: ece.decrypt() of the
#             file's bytes already in memory, timed in-process
# plus the bare JDK ciphers (jca-cbc, jca-gcm) as the floor under our pipeline.
#
# The 20 MiB plaintext is an XML profile (base64 text under <flat-profile>): the CBC decoder
# picks the EVP_BytesToKey digest by looking for a profile start, so random bytes would not do.
# The CBC file is made by openssl itself; the aes128gcm file by our encoder, and http_ece's
# decryption of it is checked against the plaintext's SHA-256.
# Needs: JDK 17, openssl, node and the npm package http_ece in .cache/npm (scripts/test installs
# it: npm install --prefix .cache/npm http_ece). Writes only to a temporary directory, removed
# at exit.
set -euo pipefail

runs=15
warmups=30
node_runs=3
size=20971520
build=1
while getopts "n:w:j:s:B" opt; do
    case $opt in
        n) runs=$OPTARG ;;
        w) warmups=$OPTARG ;;
        j) node_runs=$OPTARG ;;
        s) size=$OPTARG ;;
        B) build=0 ;;
        *) sed -n '2,12p' "$0"; exit 2 ;;
    esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cd "$repo"

# --- build and class path -------------------------------------------------------------------
goals=package
[ "$build" = 1 ] || goals=validate
if ! ./mvnw -B -ntp -o -DskipTests -pl bundles/crypto -am $goals dependency:build-classpath \
        -Dmdep.outputFile="$work/cp.txt" >"$work/mvn.log" 2>&1; then
    # the dependency plugin may be missing from the local repository: fetch it once
    ./mvnw -B -ntp -DskipTests -pl bundles/crypto -am $goals dependency:build-classpath \
        -Dmdep.outputFile="$work/cp.txt" >"$work/mvn.log" 2>&1 || { tail -40 "$work/mvn.log" >&2; exit 1; }
fi
cp="$repo/bundles/api/target/classes:$repo/bundles/crypto/target/classes:$(cat "$work/cp.txt")"
# the JVM flags of the phone image (bin/mppfw), e.g. C1 only: ours is timed with them too
phone_flags=$(sed -n 's/^DEFAULT_JVM_FLAGS="\(.*\)"$/\1/p' "$repo/distribution/src/main/image/bin/mppfw")
bench() { java -cp "$cp" "$repo/bench/CryptoBench.java" "$@"; }
# the same without the C1-only flag: what the phone would get with C2
c2_flags=$(echo "$phone_flags" | sed 's/-XX:TieredStopAtLevel=1//; s/  */ /g; s/^ //; s/ $//')
# shellcheck disable=SC2086
bench_phone() { java $phone_flags -cp "$cp" "$repo/bench/CryptoBench.java" "$@"; }
# shellcheck disable=SC2086
bench_c2() { java $c2_flags -cp "$cp" "$repo/bench/CryptoBench.java" "$@"; }

# --- helpers --------------------------------------------------------------------------------
# time_runs N CMD... : runs CMD N times, prints each wall time in ms (one per line)
time_runs() {
    local n=$1 i s e
    shift
    for ((i = 0; i < n; i++)); do
        s=$EPOCHREALTIME
        "$@" >/dev/null 2>&1
        e=$EPOCHREALTIME
        awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f\n", (e - s) * 1000 }'
    done
}
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
result() { awk -v n="$1" '$1 == "RESULT" && $2 == n { print $3; exit }'; }
mbps() { awk -v b="$1" -v ms="$2" 'BEGIN { v = b / ms / 1000; printf(v < 10 ? "%.2f" : "%.0f", v) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# --- data -----------------------------------------------------------------------------------
pass=bench-secret
ikm=bench-ikm-16byte # http_ece takes an explicit key of exactly 16 bytes; ours reads the IKM as UTF-8
head -c $((size * 3 / 4)) /dev/urandom | base64 -w 76 >"$work/b64"
{ printf '<flat-profile>\n'; cat "$work/b64" "$work/b64"; } | head -c "$size" >"$work/plain.xml" || true
rm -f "$work/b64"
[ "$(stat -c %s "$work/plain.xml")" = "$size" ]
printf '<flat-profile><Resync_On_Reset>Yes</Resync_On_Reset></flat-profile>\n' >"$work/tiny.xml"
sha=$(sha256sum "$work/plain.xml" | cut -d' ' -f1)
openssl enc -aes-256-cbc -salt -k "$pass" -in "$work/plain.xml" -out "$work/plain.cbc" 2>/dev/null
openssl enc -aes-256-cbc -salt -k "$pass" -in "$work/tiny.xml" -out "$work/tiny.cbc" 2>/dev/null
[ "$(openssl enc -d -aes-256-cbc -k "$pass" -in "$work/plain.cbc" 2>/dev/null | sha256sum | cut -d' ' -f1)" = "$sha" ]
bench ece-encrypt "$work/plain.xml" "$work/plain.ece" "$ikm" 4096

echo "# bench/crypto.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $size bytes of plaintext"
echo "# load before: $(uptime | sed 's/.*load average/load average/')"
echo "# $(java -version 2>&1 | sed -n 2p); $(openssl version); node $(node --version 2>/dev/null || echo missing)"
echo "# CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cores"

# --- (a) AES-256-CBC ------------------------------------------------------------------------
ours_cbc=$(bench cbc "$work/plain.cbc" "$pass" "$sha" "$warmups" "$runs" | result ours-cbc)
ossl_cbc=$(time_runs "$runs" openssl enc -d -aes-256-cbc -k "$pass" -in "$work/plain.cbc" -out /dev/null | median)
ossl_start=$(time_runs "$runs" openssl enc -d -aes-256-cbc -k "$pass" -in "$work/tiny.cbc" -out /dev/null | median)
ossl_net=$(awk -v a="$ossl_cbc" -v b="$ossl_start" 'BEGIN { printf "%.3f", a - b }')
jca_cbc=$(bench jca-cbc "$size" "$warmups" "$runs" | result jca-cbc)
phone_cbc=$(bench_phone cbc "$work/plain.cbc" "$pass" "$sha" "$warmups" "$runs" | result ours-cbc)
phone_jca_cbc=$(bench_phone jca-cbc "$size" "$warmups" "$runs" | result jca-cbc)
c2_cbc=$(bench_c2 cbc "$work/plain.cbc" "$pass" "$sha" "$warmups" "$runs" | result ours-cbc)

# --- (b) aes128gcm --------------------------------------------------------------------------
ours_ece=$(bench ece "$work/plain.ece" "$ikm" "$sha" "$warmups" "$runs" | result ours-ece)
jca_gcm=$(bench jca-gcm "$size" 4096 "$warmups" "$runs" | result jca-gcm-rs4096)
phone_ece=$(bench_phone ece "$work/plain.ece" "$ikm" "$sha" "$warmups" "$runs" | result ours-ece)
phone_jca_gcm=$(bench_phone jca-gcm "$size" 4096 "$warmups" "$runs" | result jca-gcm-rs4096)
c2_ece=$(bench_c2 ece "$work/plain.ece" "$ikm" "$sha" "$warmups" "$runs" | result ours-ece)
c2_jca_gcm=$(bench_c2 jca-gcm "$size" 4096 "$warmups" "$runs" | result jca-gcm-rs4096)
speed() {
    openssl speed -elapsed -mr -seconds 3 -evp aes-128-gcm -decrypt -bytes "$1" 2>/dev/null \
        | awk -F: '$1 == "+F" { printf "%.0f", $4 / 1e6 }'
}
ossl_gcm_4k=$(speed 4096)
ossl_gcm_16k=$(speed 16384)
node_ms=
if [ "$node_runs" -gt 0 ] && [ -d "$repo/.cache/npm/node_modules/http_ece" ] && command -v node >/dev/null; then
    cat >"$work/ece-bench.js" <<'EOF'
// node ece-bench.js IKM FILE SHA256 RUNS: one checked warm-up, then RUNS timed ece.decrypt()
const ece = require('http_ece'), fs = require('fs'), crypto = require('crypto');
const [ikm, file, sha, runs] = process.argv.slice(2);
const body = fs.readFileSync(file);
const params = { version: 'aes128gcm', key: Buffer.from(ikm, 'utf8') };
const got = crypto.createHash('sha256').update(ece.decrypt(body, params)).digest('hex');
if (got !== sha) { console.error('http_ece: SHA-256 ' + got + ' is not ' + sha); process.exit(1); }
const ms = [];
for (let i = 0; i < +runs; i++) {
  const t0 = process.hrtime.bigint();
  ece.decrypt(body, params);
  ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  console.log('RUN http_ece ' + ms[i].toFixed(3));
}
ms.sort((a, b) => a - b);
const m = ms.length % 2 ? ms[(ms.length - 1) / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
console.log('RESULT http_ece ' + m.toFixed(3));
EOF
    node_ms=$(NODE_PATH="$repo/.cache/npm/node_modules" node "$work/ece-bench.js" "$ikm" "$work/plain.ece" "$sha" "$node_runs" \
        | result http_ece)
fi

# --- report ---------------------------------------------------------------------------------
echo "# load after: $(uptime | sed 's/.*load average/load average/')"
echo
speed_ratio() { awk -v b="$size" -v ms="$1" -v t="$2" 'BEGIN { printf "%.2f", b / ms / 1000 / t }'; }
echo "JVM: \"default\" = java with no flags (C2, G1); \"phone\" = the image's flags: $phone_flags;"
echo "\"phone-C2\" = the image's flags without -XX:TieredStopAtLevel=1: $c2_flags"
echo
echo "| measurement | median ms | MB/s | ours ÷ theirs (throughput) | goal |"
echo "| --- | ---: | ---: | ---: | --- |"
echo "| openssl enc -d, whole process | $ossl_cbc | $(mbps "$size" "$ossl_cbc") | | |"
echo "| openssl enc -d, minus its start-up ($ossl_start ms on a 100-byte file) | $ossl_net | $(mbps "$size" "$ossl_net") | | |"
echo "| ours, AES-256-CBC decode, default JVM | $ours_cbc | $(mbps "$size" "$ours_cbc") | $(ratio "$ossl_cbc" "$ours_cbc") whole / $(ratio "$ossl_net" "$ours_cbc") net | ≥ 0.7 |"
echo "| ours, AES-256-CBC decode, phone JVM | $phone_cbc | $(mbps "$size" "$phone_cbc") | $(ratio "$ossl_cbc" "$phone_cbc") whole / $(ratio "$ossl_net" "$phone_cbc") net | ≥ 0.7 |"
echo "| ours, AES-256-CBC decode, phone-C2 JVM | $c2_cbc | $(mbps "$size" "$c2_cbc") | $(ratio "$ossl_cbc" "$c2_cbc") whole / $(ratio "$ossl_net" "$c2_cbc") net | ≥ 0.7 |"
echo "| JDK AES/CBC alone, in memory, default / phone JVM | $jca_cbc / $phone_jca_cbc | $(mbps "$size" "$jca_cbc") / $(mbps "$size" "$phone_jca_cbc") | | |"
echo "| openssl speed aes-128-gcm -decrypt, 4096-byte blocks | | $ossl_gcm_4k | | |"
echo "| openssl speed aes-128-gcm -decrypt, 16384-byte blocks | | $ossl_gcm_16k | | |"
echo "| ours, aes128gcm rs 4096 decode, default JVM | $ours_ece | $(mbps "$size" "$ours_ece") | $(speed_ratio "$ours_ece" "$ossl_gcm_4k") (4096) / $(speed_ratio "$ours_ece" "$ossl_gcm_16k") (16384) | ≥ 0.5 |"
echo "| ours, aes128gcm rs 4096 decode, phone JVM | $phone_ece | $(mbps "$size" "$phone_ece") | $(speed_ratio "$phone_ece" "$ossl_gcm_4k") (4096) / $(speed_ratio "$phone_ece" "$ossl_gcm_16k") (16384) | ≥ 0.5 |"
echo "| ours, aes128gcm rs 4096 decode, phone-C2 JVM | $c2_ece | $(mbps "$size" "$c2_ece") | $(speed_ratio "$c2_ece" "$ossl_gcm_4k") (4096) / $(speed_ratio "$c2_ece" "$ossl_gcm_16k") (16384) | ≥ 0.5 |"
if [ -n "$node_ms" ]; then
    echo "| http_ece (node $(node --version)), ece.decrypt in memory | $node_ms | $(mbps "$size" "$node_ms") | default JVM $(ratio "$node_ms" "$ours_ece"), phone JVM $(ratio "$node_ms" "$phone_ece") | |"
else
    echo "| http_ece | not run (-j 0, or node or .cache/npm/node_modules/http_ece missing) | | | |"
fi
echo "| JDK AES/GCM alone, init+doFinal per 4096-byte record, in memory, default / phone / phone-C2 JVM | $jca_gcm / $phone_jca_gcm / $c2_jca_gcm | $(mbps "$size" "$jca_gcm") / $(mbps "$size" "$phone_jca_gcm") / $(mbps "$size" "$c2_jca_gcm") | | |"

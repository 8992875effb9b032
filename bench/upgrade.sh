#!/usr/bin/env bash
# Firmware upgrade benchmarks on loopback, against nginx:
#   - the service gap while one bundle (the display) is swapped in a running phone, seen by a
#     probe bundle's service listener, and the whole upgrade (download start -> committed) of a
#     12 MB image, RUNS times upgrade + rollback in one phone (UpgradeBenchmarkIT);
#   - the power-cut torture with POINTS points (KillDuringUpgradeIT; CI runs 50): every point of the
#     phone's fault hook (each swap step, each state write, the slot install, the check) for two
#     images, one of which replaces api, config and upgrade, the rest SIGKILL at random moments.
# Both run the built image (distribution/target/mppfw) as a child process.
#
# Usage: bench/upgrade.sh [-n RUNS] [-p POINTS] [-B]
#   RUNS    upgrades + rollbacks measured (default 10)
#   POINTS  power-cut points of the torture in all (default 200; 0 skips it)
#   -B      do not build the bundles first (use the ones in the local repository)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=10 points=200 build=1
while getopts "n:p:B" o; do
    case $o in
        n) runs=$OPTARG ;;
        p) points=$OPTARG ;;
        B) build=0 ;;
        *) sed -n 2,15p "$0"; exit 2 ;;
    esac
done
am=-am
[ "$build" = 1 ] || am=
tests=UpgradeBenchmarkIT
[ "$points" = 0 ] || tests="$tests,KillDuringUpgradeIT"
./mvnw -B -ntp verify -pl distribution $am -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test="$tests" -Dmppfw.bench.upgrade=true -Dmppfw.bench.runs="$runs" -Dmppfw.torture.points="$points" \
    | grep -E "Tests run:|BUILD|ERROR" || true
reports=distribution/target/failsafe-reports
grep -h "^BENCH" "$reports"/org.mppfw.launcher.UpgradeBenchmarkIT-output.txt 2>/dev/null || echo "no benchmark output"
if [ "$points" != 0 ]; then
    grep -h -e "^power cuts during an upgrade" -e "fault-hook points" \
        "$reports"/org.mppfw.launcher.KillDuringUpgradeIT-output.txt 2>/dev/null || echo "no torture output (see $reports)"
fi

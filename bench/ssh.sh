#!/usr/bin/env bash
# What the SSH bundle costs a running phone: boot time, used Java heap, metaspace and resident
# memory (medians) of the image booted as a service (--no-shell, bin/mppfw's flags, no class-data archive),
# with the SSH bundle and SSH off (the factory state), with SSH on (listening; host key made
# at that boot), and without the bundle.
#
# Usage: bench/ssh.sh [-n RUNS] IMAGE-WITH-SSH IMAGE-WITHOUT-SSH
#   IMAGE-WITHOUT-SSH is a copy of the image whose etc/bundles.list lacks mppfw-ssh.jar and
#   sshd-osgi.jar. Each run boots a fresh data dir, reads "mppfw: booted N bundles in X ms",
#   waits for the SSH port when SSH is on, then runs a full GC (jcmd GC.run) and reads the used
#   heap and metaspace (jcmd GC.heap_info) and VmRSS.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# on_commands PORT: the commands that set SSH on, its port $1
on_commands() {
    echo "param:set SSH_Access Yes; param:set SSH_Password bench-pw; param:set SSH_Port $1"
}

bundle_cost 2,12 SSH tcp "$@"

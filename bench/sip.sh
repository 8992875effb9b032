#!/usr/bin/env bash
# What the SIP bundle costs a running phone: boot time, used Java heap, metaspace and resident
# memory (medians) of the image booted as a service (--no-shell, bin/mppfw's flags, no class-data
# archive), with the bundle and no line configured (the factory state: the stack is not started),
# with one line configured (the stack started, listening on the line's port, registering with a
# registrar that does not answer, so retrying), and without the bundle.
#
# Usage: bench/sip.sh [-n RUNS] IMAGE-WITH-SIP IMAGE-WITHOUT-SIP
#   IMAGE-WITHOUT-SIP is a copy of the image whose etc/bundles.list lacks mppfw-sip.jar. Each run
#   boots a fresh data dir, reads "mppfw: booted N bundles in X ms", waits for the line's UDP port
#   when a line is configured, then runs a full GC (jcmd GC.run) and reads the used heap and
#   metaspace (jcmd GC.heap_info) and VmRSS.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# on_commands PORT: the commands that set one line (a registrar that does not answer), its SIP port $1
on_commands() {
    echo "param:set Proxy_1_ 127.0.0.1:$(free_udp_port); param:set User_ID_1_ 1001; param:set SIP_Port_1_ $1"
}

bundle_cost 2,12 line udp "$@"

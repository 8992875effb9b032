package org.mppfw.tftp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the TFTP transport (PID {@code org.mppfw.tftp}). */
@ObjectClassDefinition(name = "TFTP transport", description = "Options and retransmission of the TFTP client")
public @interface TftpConfig {

    /** The PID. */
    String PID = "org.mppfw.tftp";

    @AttributeDefinition(name = "Options", description = "Ask for options at all (RFC 2347); false sends plain RFC 1350 requests")
    boolean options() default true;

    @AttributeDefinition(name = "Block size", description = "blksize asked for (RFC 2348), 8..65464, 0 to leave it out. "
            + "1428 fills an Ethernet frame without IP fragmentation, with room for a tunnel header")
    int blksize() default 1428;

    @AttributeDefinition(name = "Window size", description = "windowsize asked for (RFC 7440), 1..65535, 0 to leave it out")
    int windowsize() default 8;

    @AttributeDefinition(name = "Server timeout", description = "timeout asked for in seconds (RFC 2349), 1..255, 0 to leave it out")
    int timeout() default 1;

    @AttributeDefinition(name = "Transfer size", description = "Ask for tsize on reads and announce it on writes (RFC 2349)")
    boolean tsize() default true;

    @AttributeDefinition(name = "Retries", description = "Consecutive timeouts tolerated before a transfer fails")
    int retries() default 7;

    @AttributeDefinition(name = "Initial retransmission timeout (ms)")
    int initialRtoMillis() default 1000;

    @AttributeDefinition(name = "Minimum retransmission timeout (ms)")
    int minRtoMillis() default 200;

    @AttributeDefinition(name = "Maximum retransmission timeout (ms)")
    int maxRtoMillis() default 8000;

    @AttributeDefinition(name = "First source port", description = "Source ports used when the server is not on port 69; 0 for any")
    int sourcePortFirst() default 53240;

    @AttributeDefinition(name = "Last source port")
    int sourcePortLast() default 53245;

    @AttributeDefinition(name = "Memory spool (bytes)", description = "Downloads larger than this go to a temporary file in the bundle's data area")
    int memorySpool() default 262144;
}

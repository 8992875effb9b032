package org.mppfw.tftp.internal;

import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;

/** Builds the {@link TransportException}s of a transfer. */
final class Failures {

    private Failures() {
    }

    /** A server's ERROR packet: "File not found" (code 1) is class B, anything else C. */
    static TransportException fromError(String peer, String file, TftpPacket.Error e) {
        ResultClass rc = e.code() == 1 ? ResultClass.B : ResultClass.C;
        return new TransportException(rc, e.code(),
                "TFTP error " + e.code() + " from " + peer + " for " + file + ": " + e.printableMessage(), null);
    }

    /** A class C failure of ours (timeout, protocol violation, size limit). */
    static TransportException c(String peer, String file, String what) {
        return new TransportException(ResultClass.C, 0, "TFTP " + file + " from " + peer + ": " + what, null);
    }

    /** The server refused our options (ERROR 8) or granted something we cannot accept. */
    static final class RetryPlain extends Exception {
        private static final long serialVersionUID = 1L;

        RetryPlain(String reason) {
            super(reason, null, false, false);
        }
    }
}

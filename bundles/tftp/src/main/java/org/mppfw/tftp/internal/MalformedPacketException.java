package org.mppfw.tftp.internal;

/** A datagram that is not a well-formed TFTP packet. */
public final class MalformedPacketException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String message) {
        super(message);
    }
}

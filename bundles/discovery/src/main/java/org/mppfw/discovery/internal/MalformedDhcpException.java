package org.mppfw.discovery.internal;

/** A DHCP packet or option that does not parse; the message says where. */
final class MalformedDhcpException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedDhcpException(String message) {
        super(message, null, false, false);
    }
}

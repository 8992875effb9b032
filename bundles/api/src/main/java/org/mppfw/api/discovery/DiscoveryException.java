package org.mppfw.api.discovery;

/** A look-up that got no answer (no DNS server reachable, a time-out); the message says which. */
public class DiscoveryException extends Exception {

    private static final long serialVersionUID = 1L;

    public DiscoveryException(String message) {
        super(message);
    }

    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}

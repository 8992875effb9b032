package org.mppfw.api.transport;

/**
 * The outcome classes of a resync or upgrade attempt, as in the phone's HTTP status table:
 * they decide when the next attempt runs.
 */
public enum ResultClass {
    /** Success (2xx, a whole TFTP transfer). */
    A,
    /** File not found or corrupt (404, TFTP error 1, a profile that fails to decrypt or parse). */
    B,
    /** Any other failure (other status codes, connection errors, bad URL, DNS failure). */
    C
}

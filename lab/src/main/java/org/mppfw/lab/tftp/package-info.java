/**
 * The lab's read-only TFTP server: RFC 1350 read requests in octet mode, with the option
 * negotiation of RFC 2347 for {@code blksize} (RFC 2348) and {@code tsize} (RFC 2349) answered
 * with an OACK; other options are ignored. Every transfer runs from its own UDP port (its
 * transfer id), retransmits its last packet on timeout, ignores duplicate ACKs (no Sorcerer's
 * Apprentice) and lets block numbers wrap after 65535, so files of any size go through.
 *
 * <p>Why it is written here: Maven Central has no maintained Java TFTP server library that
 * fits a tool embedded in a lab process. Apache Commons Net ships only a TFTP client in its
 * main artifact (its {@code TFTPServer} lives in the project's test sources and knows no
 * options), and the other servers found are application code, not libraries. A read-only
 * server is a few hundred lines; the packet formats are those of RFC 1350 and 2347.
 */
package org.mppfw.lab.tftp;

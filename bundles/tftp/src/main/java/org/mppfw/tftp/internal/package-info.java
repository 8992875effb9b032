/**
 * The TFTP client of the phone: RFC 1350 read and write in octet mode with RFC 2347 option
 * negotiation (blksize RFC 2348, tsize and timeout RFC 2349, windowsize RFC 7440).
 *
 * <p>Why the protocol is written here rather than taken from a library: Apache Commons Net's
 * {@code TFTPClient} (3.x) sends RRQ/WRQ without any RFC 2347 option (no blksize, tsize,
 * timeout or windowsize on the wire), does not understand OACK, is lock-step only and keeps
 * its retransmission policy (fixed timeout, no back-off, no adaptive RTO) to itself; the
 * phone needs windowed transfers, exact use of what the OACK grants, a plain retry after
 * ERROR 8, the source-port range of Cisco phones, a size limit and a deadline. The whole
 * protocol is a few hundred lines, and the packet parser is fuzzed
 * ({@code TftpPacketFuzzTest}).
 *
 * <p>{@code Restricted_Access_Domains}: the transport refuses a server outside the request's
 * {@code AccessDomains} (the api's one checker) before it sends a packet; TFTP has no redirect,
 * so its server is the only hop.
 */
package org.mppfw.tftp.internal;

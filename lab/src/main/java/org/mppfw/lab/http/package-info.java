/**
 * The lab's HTTP and HTTPS front, on the JDK's {@code com.sun.net.httpserver}
 * ({@code HttpServer} and {@code HttpsServer}).
 *
 * <p>Why that server: the lab is a small tool run by hand next to a phone, not a product; the
 * JDK's server (an exported, supported module, {@code jdk.httpserver}) does GET and HEAD,
 * keep-alive and TLS with an {@code SSLContext}, which is all the lab needs, without adding a
 * dependency (Jetty, Netty, Undertow) to download, keep up to date and ship in
 * {@code lib/}.
 *
 * <p>Both servers share one handler; it answers GET and HEAD only, {@code 403} for a refused
 * path (traversal, a link out of the root, {@code /secure/} over plain HTTP), {@code 404} for
 * what does not exist, {@code 405} for other methods, and sets
 * {@code Content-Encoding: aes128gcm} on the RFC 8188 profiles.
 */
package org.mppfw.lab.http;

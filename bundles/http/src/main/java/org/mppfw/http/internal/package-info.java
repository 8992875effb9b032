/**
 * The phone's HTTP/HTTPS client, built on Apache HttpClient 5 (embedded in this bundle).
 *
 * <p>HttpClient does the protocol work: HTTP/1.0 and 1.1, chunked bodies, proxies and CONNECT
 * tunnels, Basic and Digest (MD5, SHA-256, qop=auth, stale nonces). Code of our own is limited to
 * what the phone decides and no library knows: the status table with its result classes
 * ({@link org.mppfw.http.internal.StatusPolicy}), the redirect and authentication retry limits,
 * the trust store (built-in roots plus the custom CA), the OpenSSL-to-JDK cipher name mapping of
 * {@code TLS_Cipher_List}, the User-Agent macros, and connections that never log header values,
 * so that {@code Authorization} headers cannot reach a log whatever its level.
 *
 * <p>How an exchange is made: {@code HttpTransport} is the {@code Transport} service (settings
 * from the parameter store, the custom CA), and the {@code DeviceCertificate} service that
 * {@code $CCERT} reads (whether the PKCS#12 file of the device certificate is there);
 * {@code HttpExchanger} runs one exchange, picking the
 * target's credentials; {@code HttpClients} builds that exchange's own client from the settings of
 * the moment (timeouts, TLS, proxy, User-Agent, the interceptors that record the headers sent and
 * count the challenges); {@code HopLoop} makes the requests, following redirects and letting the
 * client answer 401/407 challenges, and maps the last status through {@code StatusPolicy};
 * {@code FailureClassifier} names what went wrong when no HTTP answer came (DNS, TLS, connection,
 * proxy tunnel, timeout, deadline); {@code StreamedResponse} streams a class A body under the
 * exchange's {@code Deadline}.
 */
package org.mppfw.http.internal;

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
 * {@code $CCERT} reads (whether the PKCS#12 file of the device certificate is there), which also
 * hands the phone's TLS servers their key store ({@code ServerKeys}: the device certificate, else a
 * self-signed one made once by {@code SelfSignedCertificate}, whose few DER structures are written
 * here so that this bundle needs no Bouncy Castle);
 * {@code HttpExchanger} runs one exchange, picking the
 * target's credentials; {@code HttpClients} builds that exchange's own client from the settings of
 * the moment (timeouts, TLS, proxy, User-Agent, the interceptors that record the headers sent and
 * count the challenges); {@code HopLoop} makes the requests, following redirects and letting the
 * client answer 401/407 challenges, and maps the last status through {@code StatusPolicy};
 * {@code FailureClassifier} names what went wrong when no HTTP answer came (DNS, TLS, connection,
 * proxy tunnel, timeout, deadline); {@code StreamedResponse} streams a class A body under the
 * exchange's {@code Deadline}.
 *
 * <p>{@code Custom_CA_Rule} ({@code CustomCa}) stays here, beside the trust store it feeds: every
 * HTTPS exchange, of the resync engine, the upgrade or the activation client, must find the CA
 * that the rule names now, and only this bundle can make it wait for that. The rule takes the
 * syntax of the profile rules: it is evaluated by the provisioning bundle's
 * {@code ProvisioningRules} service with the phone's one macro source ({@code PhoneMacros}), both
 * referenced dynamically (the CA is fetched when they come), and fetched through the transport of
 * its scheme from a {@code Transports} table: this component for http and https, the
 * {@code Transport} services for the others ({@code tftp}). Choices where the reference says only
 * "same URL syntax": {@code --uid}/{@code --pwd} answer the server's challenge; {@code --key},
 * {@code --srv}, {@code --post}, {@code --alias} and a URL without a server (the DHCP option 66
 * server) are refused with a status that says so; assignments of the chosen alternative are applied
 * as those of {@code Upgrade_Rule} are; a rule whose conditions pick nothing installs nothing and
 * keeps the CA already kept.
 *
 * <p>{@code Restricted_Access_Domains}: {@code HopLoop} checks each hop, the first and every
 * redirect, against the request's {@code AccessDomains} before contacting it (the checker is the
 * api's, shared with the tftp transport and the callers that set it); a refused hop is class C,
 * logged with the host and the parameter, and nothing is fetched.
 */
package org.mppfw.http.internal;

/**
 * The phone's web configuration utility.
 *
 * <p>Felix HTTP (Jetty 12) serves it through the servlet whiteboard; {@link WebServerConfig}
 * turns {@code Enable_Web_Server}, {@code Enable_Protocol} and {@code Web_Server_Port} into Felix
 * HTTP's configuration (PID {@code org.apache.felix.http}) whenever they change. {@link WebUiServlet}
 * serves Info &gt; Status and the Voice pages, which are drawn from the parameter catalog (tab and
 * section from each definition's group) and submitted atomically through the parameter store.
 *
 * <p>Choices made here, where the guides leave it open or where we do better than a real phone:
 * <ul>
 * <li>Until {@code Admin_Password} is set, the admin login answers only to loopback clients (Cisco
 * ships an open web admin). {@code Enable_Web_Admin_Access} No refuses the admin login altogether.
 * An empty {@code User_Password} lets the user log in without one, as a phone does.</li>
 * <li>{@code Enable_Protocol} Https (the 12.0 default) serves only TLS, with the key store of the
 * {@code DeviceCertificate} service (the http bundle): the device certificate (the file the phone
 * presents in mutual TLS) when installed, else the phone's own self-signed certificate, made once
 * into the data dir and kept across restarts and factory resets, as a phone keeps the one it got
 * at manufacturing (a self-signed one does not make {@code $CCERT} Installed). The holder copies
 * the key into an owner-only PKCS#12 file under a random password of the run; that password goes
 * only to Felix HTTP's configuration (which Configuration Admin keeps in the framework cache, wiped
 * at each boot): it is not a parameter and never logged. Http serves only plain HTTP.</li>
 * <li>Jetty's HTTPS connector, as Felix HTTP makes it, refuses a request whose host is not a name
 * of the certificate ({@code 400 Invalid SNI}), and a phone is opened by its address:
 * {@link TlsHostCheck}, a Felix HTTP {@code ConnectorFactory}, turns that check off (Felix HTTP has
 * no setting for it).</li>
 * <li>Ports below 1024 ({@code Web_Server_Port} 443 or 80) cannot be bound by a process that is not
 * root: the framework property {@code mppfw.web.portOffset} (the image sets 8000) is added to them,
 * so that 80 serves on 8080 and 443 on 8443; a phone running as root sets it to 0.</li>
 * <li>Sessions are the page's own (a random token in an HttpOnly, SameSite=Strict cookie), kept in
 * memory only: a restart or an update of the bundle ends them all.</li>
 * <li>Cisco's admin URLs ({@link AdminUrls}) change state with a GET, so they take only explicit
 * credentials ({@code xuser}/{@code xpassword}, HTTP Basic or Digest), never the session cookie, and refuse
 * what a browser marks as started by another site ({@code Sec-Fetch-Site}); failures back off as
 * logins do. The guides leave open what {@code /admin/resync} without a URL does: it resyncs the
 * configured rules, as the reference infers. Answers are short plain text with a status code
 * (the guides give no format).</li>
 * <li>HTTP Digest ({@link DigestAuth}, RFC 7616: SHA-256 and MD5, {@code qop=auth}) is our own
 * small code: Jetty's {@code DigestAuthenticator} works only inside a Jetty security handler with
 * a login service, which the servlet whiteboard gives no way to put in front of one servlet, and
 * it would not share the admin URLs' back-off. Nonces carry their own time and an HMAC, so that
 * unauthenticated requests cost no memory; used ones are remembered (bounded) to refuse a
 * replay; a stale or replayed nonce gets a new challenge with {@code stale=true} and does not
 * count as a failure, a wrong response does.</li>
 * <li>{@code POST /admin/config.xml} is read as a downloaded profile is, {@code ua} attributes
 * and {@code preserve-value} included, but applied all or nothing through
 * {@code ParameterStore.applyProfileAllOrNothing} (one refused value and nothing changes, neither
 * values nor access), unlike a downloaded profile, whose valid parameters are applied and invalid
 * ones reported: a push is one admin action that either happened or not. A masked value leaves
 * the parameter's value as it is (its {@code ua} applies, as in a profile).</li>
 * <li>Info &gt; Resync Diagnostics and Info &gt; Firmware are the admin's only. The pages run no
 * script (the CSP forbids it), so the Rollback button's confirmation is a second form, not a
 * dialog; the rollback answers once it is done, as {@code fw:rollback} does.</li>
 * <li>Info &gt; Phone Screen ({@link LcdPanel}) presses keys for the admin, and for the user once
 * the phone screen guards its admin pages ({@link LcdAccess}); the keypad's own rules (admin
 * password page, {@code ua}) then decide what a press may do, as for a person at the phone. Its
 * polling does not restart a session's idle time. The api's keys have no line keys, so the line
 * keys show as labels, not buttons.</li>
 * </ul>
 */
package org.mppfw.webui.internal;

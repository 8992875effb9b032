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
 * <li>{@code Enable_Protocol} Https (the 12.0 default) needs the device certificate's private key,
 * which the api does not give: until it does, Https keeps the web server off (logged once) rather
 * than serving plain HTTP in its place.</li>
 * <li>Ports below 1024 ({@code Web_Server_Port} 443 or 80) cannot be bound by a process that is not
 * root: the framework property {@code mppfw.web.portOffset} (the image sets 8000) is added to them,
 * so that 80 serves on 8080 and 443 on 8443; a phone running as root sets it to 0.</li>
 * <li>Sessions are the page's own (a random token in an HttpOnly, SameSite=Strict cookie), kept in
 * memory only: a restart or an update of the bundle ends them all.</li>
 * <li>Cisco's admin URLs ({@link AdminUrls}) change state with a GET, so they take only explicit
 * credentials ({@code xuser}/{@code xpassword} or HTTP Basic), never the session cookie, and refuse
 * what a browser marks as started by another site ({@code Sec-Fetch-Site}); failures back off as
 * logins do. The guides leave open what {@code /admin/resync} without a URL does: it resyncs the
 * configured rules, as the reference infers. Answers are short plain text with a status code
 * (the guides give no format). Digest authentication is not offered yet.</li>
 * <li>{@code POST /admin/config.xml} is applied all or nothing through
 * {@code ParameterStore.setAll} (one refused value and nothing changes), unlike a downloaded
 * profile, whose valid parameters are applied and invalid ones reported: a push is one admin
 * action that either happened or not. A masked value leaves the secret as it is; {@code ua}
 * attributes are not applied by a push.</li>
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

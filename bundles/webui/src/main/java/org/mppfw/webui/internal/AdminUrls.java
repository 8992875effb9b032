package org.mppfw.webui.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.mppfw.api.config.ParameterException;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.config.ProfileException;
import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.report.ReportOutcome;
import org.mppfw.api.report.Reports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cisco's admin URLs: {@code /admin/resync[?URL]}, {@code /admin/upgrade?URL},
 * {@code /admin/config.xml} (POST a profile), {@code /cfg.xml} and {@code /admin/report}. They
 * change state with a GET, so they take only explicit admin credentials ({@code xuser}/
 * {@code xpassword} or HTTP Basic), never the page's session cookie, and refuse requests a
 * browser marks as started by another site. Failed credentials back off as logins do. Answers are
 * short plain text (or the XML export) with a status code saying what happened.
 */
final class AdminUrls {

    private static final Logger LOG = LoggerFactory.getLogger(AdminUrls.class);
    /** The largest profile a push may post (a whole exported cfg.xml is a few hundred KiB). */
    static final int MAX_PUSH = 4 << 20;
    static final String REALM_NAME = "mppfw admin";
    static final String REALM = "Basic realm=\"" + REALM_NAME + "\", charset=\"UTF-8\"";

    /** An answer: status, media type and body; {@code stale}: a 401 whose Digest nonce was stale or used up. */
    record Answer(int status, String type, byte[] body, boolean stale) {
        Answer(int status, String type, byte[] body) {
            this(status, type, body, false);
        }

        static Answer text(int status, String text) {
            return new Answer(status, "text/plain;charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The services the actions use; any may be missing (null) while the phone starts. */
    record Services(Provisioning provisioning, FirmwareService firmware, Reports reports) {
    }

    private final ParameterStore store;
    private final Login login;
    private final DigestAuth digest;

    AdminUrls(ParameterStore store, Login login, DigestAuth digest) {
        this.store = store;
        this.login = login;
        this.digest = digest;
    }

    /** The {@code WWW-Authenticate} values of a 401: Digest (SHA-256, MD5, fresh nonces) and Basic. */
    List<String> challenges(boolean stale) {
        List<String> c = new java.util.ArrayList<>(digest.challenges(REALM_NAME, stale));
        c.add(REALM);
        return c;
    }

    static boolean handles(String path) {
        return path.startsWith("/admin/") || path.equals("/cfg.xml") || path.startsWith("/cfg.xml&");
    }

    /**
     * Serves one request.
     *
     * @param fetchSite the browser's {@code Sec-Fetch-Site} header, or null
     * @param body      the request's body (read only by a POST to {@code /admin/config.xml})
     */
    Answer serve(String method, AdminRequest r, String fetchSite, InetAddress client, Supplier<InputStream> body,
            Supplier<Services> services) throws IOException {
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return Answer.text(403, "Refused: started by another site.");
        }
        if (!r.hasCredentials()) {
            return Answer.text(401, "Admin credentials needed: xuser and xpassword, or HTTP authentication.");
        }
        long wait = login.blockedSeconds(client);
        Login.Outcome o;
        if (r.digest() != null) {
            DigestAuth.Nonce n = digest.check(r.digest().get("nonce"));
            if (n == DigestAuth.Nonce.STALE) {
                return new Answer(401, "text/plain;charset=utf-8", "Stale nonce: authenticate again.\n".getBytes(
                        StandardCharsets.UTF_8), true);
            }
            o = login.attempt(client, r.user(),
                    expected -> n == DigestAuth.Nonce.FRESH && DigestAuth.proves(r.digest(), REALM_NAME, expected));
            if (o.role() != null && !digest.use(r.digest())) {
                LOG.info("web: {} refused: a Digest nonce used again", r);
                return new Answer(401, "text/plain;charset=utf-8", "Nonce already used: authenticate again.\n".getBytes(
                        StandardCharsets.UTF_8), true);
            }
        } else {
            o = login.attempt(client, r.user(), r.password());
        }
        if (o.role() == null) {
            LOG.info("web: {} refused: wrong credentials", r);
            return wait > 0 ? Answer.text(429, "Too many failed attempts from this address: try again in " + wait + " s.")
                    : Answer.text(401, "Wrong user name or password.");
        }
        if (o.role() != Role.ADMIN) {
            return Answer.text(403, "Only the admin may use this URL.");
        }
        LOG.info("web: {} by Admin", r);
        boolean post = "POST".equals(method);
        return switch (r.path()) {
            case "/admin/resync" -> post ? notAllowed() : resync(r.argument(), services.get().provisioning());
            case "/admin/upgrade" -> post ? notAllowed() : upgrade(r.argument(), services.get().firmware());
            case "/admin/report" -> post ? notAllowed() : report(services.get().reports());
            case "/cfg.xml" -> post ? notAllowed() : export();
            case "/admin/config.xml" -> post ? push(body.get()) : Answer.text(405, "POST a <flat-profile> here.");
            default -> Answer.text(404, "No such admin URL.");
        };
    }

    private static Answer notAllowed() {
        return Answer.text(405, "Use GET.");
    }

    private static Answer resync(String url, Provisioning p) {
        if (p == null) {
            return Answer.text(503, "Provisioning is not running.");
        }
        boolean started = url.isEmpty() ? p.resync() : p.resync(url);
        return started ? Answer.text(200, "Resync started.") : Answer.text(403, "Provision_Enable is No: no resync.");
    }

    private static Answer upgrade(String url, FirmwareService f) {
        if (url.isEmpty()) {
            return Answer.text(400, "Give the firmware's URL: /admin/upgrade?URL");
        }
        if (f == null) {
            return Answer.text(503, "The upgrade service is not running.");
        }
        return f.upgrade(url) ? Answer.text(200, "Upgrade started.")
                : Answer.text(409, "No upgrade: Upgrade_Enable is No or an upgrade is running.");
    }

    private static Answer report(Reports reports) {
        if (reports == null) {
            return Answer.text(503, "Reports are not available.");
        }
        List<ReportOutcome> outs = reports.report(null);
        if (outs.isEmpty()) {
            return Answer.text(200, "Report_Rule has nothing to send.");
        }
        StringBuilder b = new StringBuilder();
        outs.forEach(o -> b.append(o).append('\n'));
        return Answer.text(outs.stream().allMatch(ReportOutcome::sent) ? 200 : 502, b.toString().strip());
    }

    private Answer export() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.exportProfile(out);
        return new Answer(200, "application/xml;charset=utf-8", out.toByteArray());
    }

    private Answer push(InputStream body) throws IOException {
        byte[] xml = body.readNBytes(MAX_PUSH + 1);
        if (xml.length > MAX_PUSH) {
            return Answer.text(413, "The profile is larger than " + MAX_PUSH + " bytes: nothing applied.");
        }
        try {
            ConfigPush.Outcome o = ConfigPush.apply(store, new ByteArrayInputStream(xml));
            return Answer.text(200, "Applied: " + o.applied() + " parameters, " + o.ignored() + " ignored.");
        } catch (ProfileException e) {
            return Answer.text(400, "Not a <flat-profile> document: nothing applied.");
        } catch (ParameterException e) {
            return Answer.text(400, "Refused, nothing applied: " + e.getMessage());
        }
    }
}

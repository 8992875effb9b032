package org.mppfw.webui.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.discovery.RemoteCustomization;
import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.line.LineState;
import org.mppfw.api.power.Power;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.report.Reports;
import org.mppfw.layout.LoginBackoff;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages: routes each request, checks the session and its CSRF token, and writes the page.
 * Requests are never logged with their query string (it may hold a password).
 */
@Component(service = {Servlet.class, ParameterListener.class}, property = {
    ParameterListener.NAMES + "=" + Login.ADMIN_PASSWORD, ParameterListener.NAMES + "=" + Login.USER_PASSWORD})
@HttpWhiteboardServletPattern("/*")
public final class WebUiServlet extends HttpServlet implements ParameterListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WebUiServlet.class);
    static final String COOKIE = "mppfw-session";
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

    private final transient ParameterStore store;
    private final transient Sessions sessions = new Sessions(System::nanoTime);
    private final transient Login login;
    private final transient ConfigPage config;
    private final transient AdminUrls adminUrls;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeviceIdentity identity;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Provisioning provisioning;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FirmwareService firmware;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Power power;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Reports reports;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Clock clock;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Discovery discovery;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LineState lines;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RemoteCustomization customization;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LcdPanel lcd;

    @Activate
    public WebUiServlet(@Reference ParameterStore store) {
        this.store = store;
        this.login = new Login(store, new LoginBackoff(System::nanoTime));
        this.config = new ConfigPage(store);
        this.adminUrls = new AdminUrls(store, login, new DigestAuth(System::nanoTime));
    }

    /** Stopping (an update of the bundle, a shutdown) ends every session. */
    @Deactivate
    void deactivate() {
        sessions.endAll();
    }

    /** A changed password ends every session: each must log in again. */
    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        sessions.endAll();
        LOG.info("web: a password changed: every web session ended");
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        headers(resp);
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean post = "POST".equals(req.getMethod());
        if (!post && !"GET".equals(req.getMethod())) {
            resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (post && !sameOrigin(req)) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-origin request refused");
            return;
        }
        if (AdminUrls.handles(path)) {
            admin(req, resp, post);
            return;
        }
        InetAddress client = InetAddress.getByName(req.getRemoteAddr());
        if ("/login".equals(path)) {
            login(req, resp, client, post);
            return;
        }
        // the phone screen's polling is no activity of its own: it does not keep a session alive
        Optional<Sessions.Session> found = LcdPanel.SCREEN.equals(path) ? sessions.peek(cookie(req))
                : sessions.find(cookie(req));
        if (found.isPresent() && found.get().role() == Role.ADMIN && !login.adminAllowed(client)) {
            sessions.end(found.get().id());
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            resp.sendRedirect("/login");
            return;
        }
        Sessions.Session s = found.get();
        if (post && !Passwords.matches(req.getParameter("csrf"), s.csrf())) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN, "missing or wrong CSRF token");
            return;
        }
        switch (path) {
            case "/", "" -> resp.sendRedirect("/status");
            case "/logout" -> logout(resp, s, post);
            case "/status" -> status(req, resp, s, post);
            case "/voice" -> voice(req, resp, s, post);
            case "/diagnostics", "/firmware" -> info(req, resp, s, post, path);
            case LcdPanel.PAGE, LcdPanel.SCREEN, LcdPanel.PRESS, LcdPanel.SCRIPT ->
                LcdPanel.serve(lcd, path, req, resp, s, post, config.tabs(s.role()), login.adminAllowed(client));
            default -> resp.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void admin(HttpServletRequest req, HttpServletResponse resp, boolean post) throws IOException {
        AdminRequest r = AdminRequest.parse(req.getRequestURI().substring(req.getContextPath().length()),
                req.getQueryString(), req.getHeader("Authorization"), req.getMethod());
        AdminUrls.Answer a = adminUrls.serve(post ? "POST" : "GET", r, req.getHeader("Sec-Fetch-Site"),
                InetAddress.getByName(req.getRemoteAddr()), () -> {
                    try {
                        return req.getInputStream();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, () -> new AdminUrls.Services(provisioning, firmware, reports));
        resp.setStatus(a.status());
        if (a.status() == HttpServletResponse.SC_UNAUTHORIZED) {
            adminUrls.challenges(a.stale()).forEach(c -> resp.addHeader("WWW-Authenticate", c));
        }
        resp.setContentType(a.type());
        resp.setContentLength(a.body().length);
        resp.getOutputStream().write(a.body());
    }

    private void login(HttpServletRequest req, HttpServletResponse resp, InetAddress client, boolean post)
            throws IOException {
        if (!post) {
            write(resp, login.page(client, null));
            return;
        }
        Login.Outcome o = login.attempt(client, req.getParameter("user"), req.getParameter("password"));
        if (o.role() == null) {
            resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
            write(resp, login.page(client, o.refusal()));
            return;
        }
        Optional.ofNullable(cookie(req)).ifPresent(sessions::end);
        Sessions.Session s = sessions.create(o.role());
        resp.addHeader("Set-Cookie", COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + (req.isSecure() ? "; Secure" : ""));
        LOG.info("web: {} logged in", o.role().label());
        resp.sendRedirect("/status");
    }

    private void logout(HttpServletResponse resp, Sessions.Session s, boolean post) throws IOException {
        if (!post) {
            resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        sessions.end(s.id());
        resp.addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        resp.sendRedirect("/login");
    }

    private void status(HttpServletRequest req, HttpServletResponse resp, Sessions.Session s, boolean post)
            throws IOException {
        StatusPage.Services svc = new StatusPage.Services(identity, provisioning, firmware, power, reports,
                PhoneTime.of(clock, store), new NetworkStatus.Sources(discovery, customization), lines);
        ConfigPage.Result r = null;
        if (post) {
            if (s.role() != Role.ADMIN) {
                resp.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            r = StatusPage.act(req.getParameter("action"), svc);
        }
        String warning = s.role() == Role.ADMIN && store.get(Login.ADMIN_PASSWORD).isEmpty()
                ? "<p id=\"loopback-only\" class=\"error\">" + Html.esc(Login.LOOPBACK_ONLY) + "</p>" : "";
        write(resp, Page.frame("Info > Status", s, config.tabs(s.role()), r == null ? null : r.notice(),
                r != null && r.error(), warning + StatusPage.body(svc, s.role(), s)));
    }

    /** Info > Resync Diagnostics and Info > Firmware: the admin's only. */
    private void info(HttpServletRequest req, HttpServletResponse resp, Sessions.Session s, boolean post, String path)
            throws IOException {
        if (s.role() != Role.ADMIN) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        boolean diagnostics = "/diagnostics".equals(path);
        if (diagnostics && post) {
            resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        ConfigPage.Result r = post ? FirmwarePage.act(req.getParameter("action"), req.getParameter("url"), firmware) : null;
        boolean ask = post && r == null;
        String body = diagnostics ? DiagnosticsPage.body(provisioning, PhoneTime.of(clock, store))
                : FirmwarePage.body(firmware, PhoneTime.of(clock, store), s, ask);
        write(resp, Page.frame(diagnostics ? DiagnosticsPage.TITLE : FirmwarePage.TITLE, s, config.tabs(s.role()),
                r == null ? null : r.notice(), r != null && r.error(), body));
    }

    private void voice(HttpServletRequest req, HttpServletResponse resp, Sessions.Session s, boolean post)
            throws IOException {
        List<String> tabs = config.tabs(s.role());
        String tab = req.getParameter("tab");
        if (tab == null && !tabs.isEmpty()) {
            tab = tabs.get(0);
        }
        if (!tabs.contains(tab)) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ConfigPage.Result r = null;
        Map<String, String[]> submitted = Map.of();
        if (post) {
            r = config.submit(tab, s.role(), req::getParameter);
            if (r.error()) {
                submitted = req.getParameterMap();
            }
        }
        Map<String, String[]> shown = submitted;
        write(resp, Page.frame("Voice > " + tab, s, tabs, r == null ? null : r.notice(), r != null && r.error(),
                config.body(tab, s.role(), s, name -> shown.containsKey(name) ? shown.get(name)[0] : null)));
    }

    /**
     * Whether a POST comes from the phone's own pages: a browser names the page's origin in
     * {@code Origin}; one that sends none (an older browser, a script) is judged by the CSRF token
     * alone. The login form has no token, so this is what keeps other sites from logging a
     * browser in.
     */
    static boolean sameOrigin(HttpServletRequest req) {
        String origin = req.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = req.getHeader("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private static String cookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private static void headers(HttpServletResponse resp) {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("Content-Security-Policy", POLICY);
    }

    private static void write(HttpServletResponse resp, String html) throws IOException {
        resp.setContentType("text/html;charset=utf-8");
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}

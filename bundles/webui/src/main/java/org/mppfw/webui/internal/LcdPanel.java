package org.mppfw.webui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.display.Display;
import org.mppfw.api.keypad.Key;
import org.mppfw.api.keypad.Keypad;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Info &gt; Phone Screen: the LCD drawn live and a keypad whose buttons press the keypad service's
 * keys, so that a press from the page goes through the same menus, admin password page and
 * {@code ua} rules as a press on the phone. The page ({@value #PAGE}) loads a small script
 * ({@value #SCRIPT}) that polls {@value #SCREEN} for the LCD as an HTML fragment every
 * {@value #POLL_MS} ms without restarting the session's idle time, and posts each click, with the
 * session's CSRF token, to {@value #PRESS}, which answers the LCD after the press. Without the
 * script the keypad is a plain form. Whose clicks press keys is {@link LcdAccess}'s; presses are
 * bounded per session ({@link PressLimit}) and never logged (the digits may be a password).
 */
@Component(service = LcdPanel.class)
public final class LcdPanel {

    static final String PAGE = "/lcd";
    static final String SCREEN = "/lcd/screen";
    static final String PRESS = "/lcd/press";
    static final String SCRIPT = "/lcd.js";
    static final String TITLE = "Info > Phone Screen";
    /** Sent by the page's script: the press answers the LCD instead of a redirect to the page. */
    static final String FRAGMENT_HEADER = "X-Lcd-Fragment";
    static final int POLL_MS = 500;
    /** The pages' policy, with this page's own script and its requests to this phone allowed. */
    static final String POLICY = WebUiServlet.POLICY.replace("default-src 'none';",
            "default-src 'none'; script-src 'self'; connect-src 'self';");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    /** What a request gets: a status, and a body of a type or a redirect. */
    record Answer(int status, String type, String body, String location) {

        static Answer html(String body) {
            return new Answer(HttpServletResponse.SC_OK, "text/html;charset=utf-8", body, null);
        }

        static Answer text(int status, String body) {
            return new Answer(status, "text/plain;charset=utf-8", body, null);
        }
    }

    private final Display display;
    private final Keypad keypad;
    private final Clock clock;
    private final ParameterStore store;
    private final PressLimit limit;
    private final String script;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeviceIdentity identity;

    @Activate
    public LcdPanel(@Reference Display display, @Reference Keypad keypad, @Reference Clock clock,
            @Reference ParameterStore store) {
        this(display, keypad, clock, store, new PressLimit(System::nanoTime));
    }

    LcdPanel(Display display, Keypad keypad, Clock clock, ParameterStore store, PressLimit limit) {
        this.display = display;
        this.keypad = keypad;
        this.clock = clock;
        this.store = store;
        this.limit = limit;
        this.script = resource("lcd.js");
    }

    void identity(DeviceIdentity id) {
        identity = id;
    }

    /** Whether this session's clicks press keys ({@link LcdAccess}). */
    boolean keys(Sessions.Session s, boolean adminFromHere) {
        return LcdAccess.keys(s.role(), store, adminFromHere);
    }

    /** The LCD now, as the HTML the page shows; the soft keys off when {@code keys} is false. */
    String screen(boolean keys) {
        DeviceIdentity id = identity;
        return LcdHtml.screen(HHMM.format(clock.local(clock.now())), id == null ? "" : id.model(), display.indicators(),
                display.current(), keys);
    }

    /** The page: the LCD, the keys, the line the script reports its state on. */
    String page(Sessions.Session s, List<String> tabs, boolean keys) {
        String body = "<style>" + LcdHtml.STYLE + "</style>"
                + "<p>The phone's screen, live. The keys press the phone's keys, as on the phone itself: the menus"
                + " ask for the admin password where the phone does.</p>"
                + (keys ? "" : "<p id=\"lcd-closed\" class=\"error\">" + Html.esc(LcdAccess.CLOSED) + "</p>")
                + "<form id=\"keypad\" method=\"post\" action=\"" + PRESS + "\">" + Page.csrfField(s)
                + "<div id=\"lcd\" data-poll=\"" + POLL_MS + "\">" + screen(keys) + "</div>" + LcdHtml.keys(keys)
                + "</form>"
                + "<p id=\"lcd-state\" role=\"status\"></p><p><a id=\"lcd-login\" href=\"/login\" hidden>Log in again</a></p>"
                + "<script src=\"" + SCRIPT + "\"></script>";
        return Page.frame(TITLE, s, tabs, null, false, body);
    }

    /**
     * Presses a key for a session (the CSRF token already checked): the key's name as its button
     * sends it ({@link Key#label()}); 400 for a name that is no key, 429 above the session's rate.
     *
     * @param fragment whether to answer the LCD after the press (the script) or a redirect to the page
     * @param keys     whether the session's clicks press keys ({@link #keys}); 403 if not
     */
    Answer press(Sessions.Session s, String name, boolean fragment, boolean keys) {
        if (!keys) {
            return Answer.text(HttpServletResponse.SC_FORBIDDEN, LcdAccess.CLOSED);
        }
        Key key;
        try {
            key = Key.parse(name == null ? "" : name);
        } catch (IllegalArgumentException e) {
            return Answer.text(HttpServletResponse.SC_BAD_REQUEST, "no such key");
        }
        if (!limit.allow(s.id())) {
            return Answer.text(429, "Too many key presses: at most " + PressLimit.PER_SECOND + " a second.");
        }
        keypad.press(key);
        return fragment ? Answer.html(screen(true)) : new Answer(HttpServletResponse.SC_SEE_OTHER, null, null, PAGE);
    }

    /**
     * Serves one of this page's paths to a logged-in session; 503 while the LCD or keypad is not running.
     *
     * @param adminFromHere whether the admin login is open to the request's client now
     */
    static void serve(LcdPanel panel, String path, HttpServletRequest req, HttpServletResponse resp,
            Sessions.Session s, boolean post, List<String> tabs, boolean adminFromHere) throws IOException {
        Answer a;
        if (panel == null) {
            a = Answer.text(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The phone screen is not available.");
        } else if (post != PRESS.equals(path)) {
            a = Answer.text(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method not allowed");
        } else {
            boolean keys = panel.keys(s, adminFromHere);
            a = switch (path) {
                case PAGE -> Answer.html(panel.page(s, tabs, keys));
                case SCREEN -> Answer.html(panel.screen(keys));
                case SCRIPT -> new Answer(HttpServletResponse.SC_OK, "text/javascript;charset=utf-8", panel.script, null);
                default -> panel.press(s, req.getParameter("key"), req.getHeader(FRAGMENT_HEADER) != null, keys);
            };
        }
        if (PAGE.equals(path)) {
            resp.setHeader("Content-Security-Policy", POLICY);
        }
        if (a.location() != null) {
            resp.setStatus(a.status());
            resp.setHeader("Location", a.location());
            return;
        }
        resp.setStatus(a.status());
        resp.setContentType(a.type());
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private static String resource(String name) {
        try (InputStream in = LcdPanel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

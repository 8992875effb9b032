package org.mppfw.lab.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.mppfw.lab.Content;
import org.mppfw.lab.RequestLog;

/**
 * The lab's activation server and onboarding service, as the phone's remote customization and
 * activation codes ask them; two services, as Cisco's are two hosts:
 * <ul>
 * <li>{@link Service#CDA}, the activation server ({@code Activation_Server_URL} = the lab's URL):
 * {@code GET /cda/MAC} answers the file {@code activation/MAC} under the root when it exists (its
 * first line is the answer; an empty file is the "no service provider" answer, 200 with an empty
 * body), else the lab's bootstrap URL, so that a factory-reset phone finds the lab;
 * {@code GET /activate?code=CODE} takes short codes ({@code #} and 3 to 16 digits, CDA
 * redirection profiles);</li>
 * <li>{@link Service#ONBOARDING}, the onboarding service ({@code Onboarding_Server_URL} = the
 * lab's URL and {@code /onboarding}): {@code GET /onboarding/activate?code=CODE} takes 16-digit
 * codes.</li>
 * </ul>
 * A code gets the URL that {@code activation/codes.properties} gives it when the file exists (404
 * for a code it does not list), else the bootstrap URL. 400 for a malformed code, 404 for a code
 * of the other service.
 */
public final class ActivationFront implements HttpHandler {

    /** Which of the two services a context plays. */
    public enum Service {
        /** Cisco's activation server (CDA/EDOS): the MAC's question, short codes. */
        CDA("/activate", Pattern.compile("#[0-9]{3,16}"), "a short code is # and 3 to 16 digits; 16-digit codes go to the onboarding service"),
        /** The onboarding service: 16-digit codes. */
        ONBOARDING("/onboarding/activate", Pattern.compile("[0-9]{16}"),
                "the onboarding service takes 16-digit codes; short codes go to the activation server");

        final String codePath;
        final Pattern code;
        final String other;

        Service(String codePath, Pattern code, String other) {
            this.codePath = codePath;
            this.code = code;
            this.other = other;
        }
    }

    private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{12}");
    private static final Pattern CODE = Pattern.compile("[0-9]{16}|#[0-9]{3,16}");

    private final Service service;
    private final Path dir;
    private final String bootstrap;
    private final Content.Transport transport;
    private final RequestLog log;

    /**
     * @param root      the lab's root folder (answers live in {@code activation/})
     * @param bootstrap the URL given when no file says otherwise
     */
    public ActivationFront(Service service, Path root, String bootstrap, Content.Transport transport, RequestLog log) {
        this.service = service;
        this.dir = root.resolve("activation");
        this.bootstrap = bootstrap;
        this.transport = transport;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        int status = 500;
        long sent = 0;
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                status = 405;
                sent = text(ex, status, "405 the activation server answers GET\n");
            } else if (service == Service.CDA && path.startsWith("/cda/") && MAC.matcher(path.substring(5)).matches()) {
                Path answer = dir.resolve(path.substring(5).toLowerCase(Locale.ROOT));
                String body = bootstrap;
                if (Files.isRegularFile(answer)) {
                    String s = Files.readString(answer).strip();
                    body = s.isEmpty() ? "" : s.lines().findFirst().orElse("");
                }
                status = 200;
                sent = text(ex, status, body.isEmpty() ? "" : body + "\n");
            } else if (path.equals(service.codePath)) {
                String code = param(query, "code");
                if (code == null || !CODE.matcher(code).matches()) {
                    status = 400;
                    sent = text(ex, status, "400 an activation code is 16 digits, or # and 3 to 16 digits\n");
                } else if (!service.code.matcher(code).matches()) {
                    status = 404;
                    sent = text(ex, status, "404 " + service.other + "\n");
                } else {
                    String url = codeUrl(code);
                    status = url == null ? 404 : 200;
                    sent = text(ex, status, url == null ? "404 unknown activation code\n" : url + "\n");
                }
            } else {
                status = 404;
                sent = text(ex, status, "404 not found\n");
            }
        } catch (IOException | RuntimeException e) {
            log.note(transport.label() + " activation " + RequestLog.clean(path, 512) + ": " + e.getClass().getSimpleName());
        } finally {
            log.request(ex.getRemoteAddress(), transport, ex.getRequestMethod(), path, Integer.toString(status), sent,
                    ex.getRequestHeaders().getFirst("User-Agent"));
        }
    }

    private String codeUrl(String code) throws IOException {
        Path codes = dir.resolve("codes.properties");
        if (!Files.isRegularFile(codes)) {
            return bootstrap;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(codes, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        // '#' starts a comment in a properties file: short codes are written without it, as s123
        String v = p.getProperty(code.startsWith("#") ? "s" + code.substring(1) : code);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(name)) {
                return URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static long text(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
        return b.length;
    }
}

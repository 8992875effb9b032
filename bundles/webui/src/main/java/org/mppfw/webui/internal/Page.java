package org.mppfw.webui.internal;

import static org.mppfw.webui.internal.Html.esc;

import java.util.List;

/** The frame every page shares: title, the tabs of the role, the logout button, a notice. */
final class Page {

    static final String STYLE = "body{font-family:sans-serif;margin:0}header{background:#04568a;color:#fff;padding:.5em 1em}"
            + "nav a{margin-right:.8em}nav{padding:.5em 1em;background:#e8eef3}main{padding:1em}"
            + "table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}"
            + "h3{background:#d6e2ec;padding:.2em .5em}.error{color:#a00;font-weight:bold}.notice{color:#060}"
            + "header form{display:inline;float:right}";

    private Page() {
    }

    /**
     * A whole page.
     *
     * @param session the logged-in session, or null on the login page
     * @param tabs    the Voice tabs to link, empty on the login page
     * @param notice  one line shown above the body, or null
     * @param error   whether the notice is an error
     */
    static String frame(String title, Sessions.Session session, List<String> tabs, String notice, boolean error,
            String body) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title><style>").append(STYLE).append("</style></head><body><header>")
                .append("<strong>IP Phone Configuration Utility</strong>");
        if (session != null) {
            b.append(" &mdash; logged in as ").append(esc(session.role().label()))
                    .append("<form method=\"post\" action=\"/logout\">").append(csrfField(session))
                    .append("<button id=\"logout\" type=\"submit\">Log out</button></form>");
        }
        b.append("</header>");
        if (session != null) {
            b.append("<nav><a href=\"/status\">Info &gt; Status</a> <a href=\"/lcd\">Info &gt; Phone Screen</a>");
            if (session.role() == Role.ADMIN) {
                b.append("<a id=\"nav-diagnostics\" href=\"/diagnostics\">Resync Diagnostics</a>"
                        + "<a id=\"nav-firmware\" href=\"/firmware\">Firmware</a>");
            }
            b.append(" Voice: ");
            for (String tab : tabs) {
                b.append("<a href=\"/voice?tab=").append(esc(Html.url(tab))).append("\">").append(esc(tab)).append("</a>");
            }
            b.append("</nav>");
        }
        b.append("<main><h2>").append(esc(title)).append("</h2>");
        if (notice != null) {
            b.append("<p id=\"notice\" class=\"").append(error ? "error" : "notice").append("\">").append(esc(notice))
                    .append("</p>");
        }
        return b.append(body).append("</main></body></html>").toString();
    }

    /** The hidden field that carries the session's CSRF token in every form that changes something. */
    static String csrfField(Sessions.Session session) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(session.csrf()) + "\">";
    }
}

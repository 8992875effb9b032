package org.mppfw.webui.internal;

import static org.mppfw.webui.internal.Html.esc;

import java.util.List;

import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ResyncRecord;

/**
 * Info &gt; Resync Diagnostics (admin only): every resync attempt the engine keeps, newest first,
 * with the rule that ended it, the URL after macro expansion, the result class and the status code
 * that ended it, each rule's step (what the fetch gave: the name lookup, the connection or the
 * TLS handshake, the HTTP status, the decoding, the bytes), the parameters applied and those
 * rejected with their reasons. The records hold no secret (their URLs carry no credentials and
 * their messages never quote keys or passwords); everything is escaped all the same.
 */
final class DiagnosticsPage {

    static final String TITLE = "Info > Resync Diagnostics";

    private DiagnosticsPage() {
    }

    static String body(Provisioning p, PhoneTime time) {
        StringBuilder b = new StringBuilder(8192);
        if (p == null) {
            return b.append("<p id=\"no-history\">Provisioning is not running.</p>").toString();
        }
        List<ResyncRecord> history = p.history();
        if (history.isEmpty()) {
            return b.append("<p id=\"no-history\">No resync attempt since power-up.</p>").toString();
        }
        b.append("<p>").append(history.size()).append(" attempts, newest first.</p>");
        int n = 1;
        for (ResyncRecord r : history) {
            attempt(b, n++, r, time);
        }
        return b.toString();
    }

    private static void attempt(StringBuilder b, int n, ResyncRecord r, PhoneTime time) {
        b.append("<section class=\"attempt\" id=\"attempt-").append(n).append("\"><h3>")
                .append(esc(time.format(r.started()))).append(" &mdash; ").append(esc(r.reason()))
                .append(" &mdash; ").append(r.success() ? "success" : "failure (class " + r.result() + ")")
                .append("</h3><table>");
        row(b, "rule", "Rule", r.rule().isEmpty() ? "none had anything to do" : r.rule());
        row(b, "url", "URL", r.url().isEmpty() ? "-" : r.url());
        row(b, "result", "Result", r.result() + (r.success() ? " (success)" : " (failure)"));
        row(b, "status", "Status Code", r.status() == 0 ? "-" : Integer.toString(r.status()));
        row(b, "message", "Message", r.message());
        row(b, "decoding", "Decoding", r.decoding().isEmpty() ? "-" : r.decoding());
        row(b, "time", "Time", time.format(r.started()) + " to " + time.format(r.ended()));
        b.append("</table>");
        list(b, "Steps", "steps", r.steps(), "no rule fetched anything");
        list(b, "Applied (" + r.changed().size() + ")", "applied", r.changed(), "nothing changed");
        list(b, "Rejected (" + r.rejected().size() + ")", "rejected", r.rejected(), "nothing rejected");
        b.append("</section>");
    }

    private static void row(StringBuilder b, String cls, String label, String value) {
        b.append("<tr class=\"").append(cls).append("\"><th>").append(esc(label)).append("</th><td>").append(esc(value))
                .append("</td></tr>");
    }

    private static void list(StringBuilder b, String title, String cls, List<String> items, String none) {
        b.append("<h4>").append(esc(title)).append("</h4>");
        if (items.isEmpty()) {
            b.append("<p class=\"").append(cls).append("\">").append(esc(none)).append("</p>");
            return;
        }
        b.append("<ul class=\"").append(cls).append("\">");
        items.forEach(i -> b.append("<li>").append(esc(i)).append("</li>"));
        b.append("</ul>");
    }
}

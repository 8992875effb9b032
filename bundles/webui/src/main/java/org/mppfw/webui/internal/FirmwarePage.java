package org.mppfw.webui.internal;

import static org.mppfw.webui.internal.Html.esc;

import java.util.Locale;

import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.firmware.FirmwareSets;
import org.mppfw.api.firmware.RollbackResult;
import org.mppfw.api.firmware.UpgradeStatus;

/**
 * Info &gt; Firmware (admin only): the running version, the bundle sets (active, running, previous,
 * pending with its boot attempts left), what the upgrade machinery is doing and the last attempt,
 * as {@code fw:status} shows them; a form to upgrade from a URL, which goes through
 * {@link FirmwareService#upgrade(String)} as {@code /admin/upgrade} does (so {@code Upgrade_Enable}
 * and {@code Restricted_Access_Domains} hold), and a Rollback button that asks first (the pages run
 * no script, so the question is a second form) and then rolls back as {@code fw:rollback} does.
 */
final class FirmwarePage {

    static final String TITLE = "Info > Firmware";

    private FirmwarePage() {
    }

    /** Runs a form's action; returns the notice to show, or null to show the rollback question. */
    static ConfigPage.Result act(String action, String url, FirmwareService f) {
        if (f == null) {
            return new ConfigPage.Result("The upgrade service is not running.", true);
        }
        switch (action == null ? "" : action) {
            case "upgrade": {
                String u = url == null ? "" : url.strip();
                if (u.isEmpty()) {
                    return new ConfigPage.Result("Give the image's URL.", true);
                }
                return f.upgrade(u) ? new ConfigPage.Result("Upgrade started.", false)
                        : new ConfigPage.Result("No upgrade: Upgrade_Enable is No or an upgrade is running.", true);
            }
            case "ask-rollback":
                return null;
            case "rollback": {
                RollbackResult r = f.rollback();
                return new ConfigPage.Result(r.message(), !r.rolledBack());
            }
            default:
                return new ConfigPage.Result("Unknown action.", true);
        }
    }

    /**
     * The page.
     *
     * @param askRollback whether to ask to confirm a rollback instead of offering the button
     */
    static String body(FirmwareService f, PhoneTime time, Sessions.Session session, boolean askRollback) {
        StringBuilder b = new StringBuilder(4096);
        if (f == null) {
            return b.append("<p id=\"no-firmware\">The upgrade service is not running.</p>").toString();
        }
        FirmwareSets sets = f.sets();
        b.append("<h3>Firmware Sets</h3><table id=\"sets\">");
        row(b, "running-version", "Running Version", String.valueOf(f.running()));
        row(b, "active", "Active Set", sets.active().toString());
        row(b, "running", "Running Set", sets.running().toString());
        row(b, "previous", "Previous Set", sets.previousSet().map(Object::toString).orElse("none"));
        row(b, "pending", "Pending Set", sets.pendingSet()
                .map(p -> p + ", " + sets.attemptsLeft() + " boot attempts left").orElse("none"));
        if (sets.note() != null) {
            row(b, "note", "Note", sets.note());
        }
        b.append("</table><h3>Upgrade</h3><table id=\"upgrade\">");
        UpgradeStatus u = f.status();
        row(b, "phase", "Phase", u.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (u.busy() ? " " + u.target() + (u.percent() >= 0 ? " " + u.percent() + " %" : "") : ""));
        row(b, "last-attempt", "Last Attempt", sets.last().map(a -> time.format(a.started()) + " "
                + a.url() + ": " + (a.ok() ? "OK" : "FAILED") + ": " + a.result()).orElse("none"));
        b.append("</table>");
        b.append("<h3>Upgrade From URL</h3><form method=\"post\" action=\"/firmware\">").append(Page.csrfField(session))
                .append("<input type=\"hidden\" name=\"action\" value=\"upgrade\">")
                .append("<input id=\"upgrade-url\" name=\"url\" size=\"60\" placeholder=\"http://server/sip88xx.12-0-2MPP0001-1.loads\"> ")
                .append("<button id=\"upgrade-start\" type=\"submit\">Upgrade</button></form>");
        b.append("<h3>Rollback</h3>");
        if (sets.previous() == null) {
            return b.append("<p id=\"no-previous\">There is no previous firmware to roll back to.</p>").toString();
        }
        if (askRollback) {
            b.append("<p id=\"rollback-question\">").append(esc("Roll back from " + sets.running() + " to "
                    + sets.previous() + "? The phone swaps the previous set in, checks it, and commits it."))
                    .append("</p>");
            form(b, session, "rollback", "rollback-confirm", "Yes, roll back");
            b.append("<a id=\"rollback-cancel\" href=\"/firmware\">Cancel</a>");
        } else {
            form(b, session, "ask-rollback", "rollback", "Rollback to " + sets.previous());
        }
        return b.toString();
    }

    private static void form(StringBuilder b, Sessions.Session session, String action, String id, String label) {
        b.append("<form method=\"post\" action=\"/firmware\" style=\"display:inline\">").append(Page.csrfField(session))
                .append("<input type=\"hidden\" name=\"action\" value=\"").append(action).append("\">")
                .append("<button id=\"").append(id).append("\" type=\"submit\">").append(esc(label))
                .append("</button></form> ");
    }

    private static void row(StringBuilder b, String id, String label, String value) {
        b.append("<tr id=\"fw-").append(id).append("\"><th>").append(esc(label)).append("</th><td>").append(esc(value))
                .append("</td></tr>");
    }
}

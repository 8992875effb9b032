package org.mppfw.sip.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a NOTIFY's {@code Event} header asks for. The events of Cisco's MPP phones:
 * <ul>
 * <li>{@code check-sync} (BroadWorks, Asterisk's {@code cisco-check-cfg}): a resync;
 * {@code check-sync;reboot=true}: a reboot (the phone resyncs as it starts);</li>
 * <li>{@code resync}: a resync of the configured rules; {@code resync;profile="URL"}: a resync of
 * that URL instead;</li>
 * <li>{@code reboot_now} (cold: a reboot), {@code restart_now} (warm: a restart of the phone's
 * software; here the same reboot through the power service, as the phone has no lighter one);</li>
 * <li>{@code report}: the {@code Report_Rule} upload; {@code prt-gen}: a problem report.</li>
 * </ul>
 * Anything else is {@link Action#UNKNOWN} (answered 489 Bad Event). The header's text comes from
 * the network: parsing never throws, and a value with control characters or over 1024 characters
 * is unknown.
 *
 * @param action  what to do
 * @param profile the profile URL of {@code resync;profile=}, or empty
 */
record NotifyEvent(Action action, String profile) {

    /** The longest Event header value looked at. */
    static final int MAX_LENGTH = 1024;

    /** What a NOTIFY asks for. */
    enum Action {
        RESYNC, REBOOT, RESTART, REPORT, PROBLEM_REPORT, UNKNOWN;

        /** Whether it changes the phone (and so must come from someone the phone trusts). */
        boolean acts() {
            return this != UNKNOWN;
        }
    }

    static final NotifyEvent UNKNOWN = new NotifyEvent(Action.UNKNOWN, "");

    /** The event of an {@code Event} header value (null: unknown). */
    static NotifyEvent parse(String value) {
        if (value == null || value.length() > MAX_LENGTH || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            return UNKNOWN;
        }
        int semi = value.indexOf(';');
        String type = (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        Map<String, String> params = params(semi < 0 ? "" : value.substring(semi + 1));
        if (params == null) {
            return UNKNOWN;
        }
        return switch (type) {
            case "check-sync" -> new NotifyEvent("true".equalsIgnoreCase(params.get("reboot")) ? Action.REBOOT
                    : Action.RESYNC, "");
            case "resync" -> new NotifyEvent(Action.RESYNC, params.getOrDefault("profile", ""));
            case "reboot_now" -> new NotifyEvent(Action.REBOOT, "");
            case "restart_now" -> new NotifyEvent(Action.RESTART, "");
            case "report" -> new NotifyEvent(Action.REPORT, "");
            case "prt-gen" -> new NotifyEvent(Action.PROBLEM_REPORT, "");
            default -> UNKNOWN;
        };
    }

    /** {@code name=value;name="quoted;value"} pairs, names in lower case; null when a quote is left open. */
    private static Map<String, String> params(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < s.length()) {
            int eq = -1;
            int start = i;
            while (i < s.length() && s.charAt(i) != ';' && s.charAt(i) != '=') {
                i++;
            }
            String name = s.substring(start, i).trim().toLowerCase(Locale.ROOT);
            String val = "";
            if (i < s.length() && s.charAt(i) == '=') {
                eq = ++i;
                while (eq < s.length() && s.charAt(eq) == ' ') {
                    eq++;
                }
                if (eq < s.length() && s.charAt(eq) == '"') {
                    int close = s.indexOf('"', eq + 1);
                    if (close < 0) {
                        return null;
                    }
                    val = s.substring(eq + 1, close);
                    i = close + 1;
                    while (i < s.length() && s.charAt(i) != ';') {
                        i++;
                    }
                } else {
                    i = eq;
                    while (i < s.length() && s.charAt(i) != ';') {
                        i++;
                    }
                    val = s.substring(eq, i).trim();
                }
            }
            if (!name.isEmpty()) {
                out.putIfAbsent(name, val);
            }
            i++;
        }
        return out;
    }

    /** How the log and the shell name it: {@code check-sync}-style words. */
    @Override
    public String toString() {
        return action.name().toLowerCase(Locale.ROOT).replace('_', '-') + (profile.isEmpty() ? "" : " of " + profile);
    }
}

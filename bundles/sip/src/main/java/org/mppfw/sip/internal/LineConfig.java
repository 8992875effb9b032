package org.mppfw.sip.internal;

import java.util.Locale;
import java.util.Map;

/**
 * One extension's SIP settings, as the parameters {@code Line_Enable_n_}, {@code Proxy_n_},
 * {@code Outbound_Proxy_n_}, {@code User_ID_n_}, {@code Password_n_}, {@code Auth_ID_n_},
 * {@code Use_Auth_ID_n_}, {@code Register_n_}, {@code Register_Expires_n_}, {@code SIP_Port_n_},
 * {@code SIP_Transport_n_}, {@code Display_Name_n_} and {@code Auth_Resync-Reboot_n_} give them.
 * Two configs are equal when a registration made with one is still right for the other.
 *
 * @param ext         the extension, 1-based
 * @param enabled     line enabled, with a proxy and a user id (else nothing is registered)
 * @param register    whether to send REGISTER at all ({@code Register_n_})
 * @param proxy       the registrar, {@code host[:port]}
 * @param outbound    the outbound proxy {@code host[:port]}, or empty
 * @param user        the user id (the AOR's user part)
 * @param authUser    the digest user name ({@code Auth_ID} when {@code Use_Auth_ID}, else the user id)
 * @param password    the digest password (a secret: never printed)
 * @param displayName the From header's display name, or empty
 * @param expires     the Expires asked for, seconds
 * @param port        the local SIP port of the extension
 * @param transport   {@code udp}, {@code tcp} or {@code tls} (lower case)
 * @param authNotify  whether a resync/reboot NOTIFY must be authenticated ({@code Auth_Resync-Reboot})
 */
record LineConfig(int ext, boolean enabled, boolean register, String proxy, String outbound, String user,
        String authUser, String password, String displayName, int expires, int port, String transport,
        boolean authNotify) {

    /** The extension's settings from the phone's values (missing names: the catalog's defaults). */
    static LineConfig of(int ext, Map<String, String> v) {
        String proxy = get(v, "Proxy", ext, "").trim();
        String user = get(v, "User_ID", ext, "").trim();
        boolean useAuthId = yes(get(v, "Use_Auth_ID", ext, "No"));
        String authId = get(v, "Auth_ID", ext, "").trim();
        String transport = get(v, "SIP_Transport", ext, "UDP").trim().toLowerCase(Locale.ROOT);
        if (!transport.equals("tcp") && !transport.equals("tls")) {
            transport = "udp"; // UDP, and AUTO: the phone's first choice
        }
        boolean enabled = yes(get(v, "Line_Enable", ext, "Yes")) && !proxy.isEmpty() && !user.isEmpty();
        return new LineConfig(ext, enabled, yes(get(v, "Register", ext, "Yes")), proxy,
                get(v, "Outbound_Proxy", ext, "").trim(), user, useAuthId && !authId.isEmpty() ? authId : user,
                get(v, "Password", ext, ""), get(v, "Display_Name", ext, "").trim(),
                integer(get(v, "Register_Expires", ext, "3600"), 3600), integer(get(v, "SIP_Port", ext, ""), 5059 + ext),
                transport, yes(get(v, "Auth_Resync-Reboot", ext, "Yes")));
    }

    /** The registrar's host, without port. */
    String proxyHost() {
        return host(proxy);
    }

    /** The registrar's port, 5060 when none is given. */
    int proxyPort() {
        return port(proxy);
    }

    /** Where requests go first: the outbound proxy when one is set, else the registrar. */
    String nextHop() {
        return outbound.isEmpty() ? proxy : outbound;
    }

    static String host(String hostPort) {
        String h = hostPort.startsWith("sip:") ? hostPort.substring(4) : hostPort;
        int c = h.lastIndexOf(':');
        return c > 0 && h.indexOf(']') < c ? h.substring(0, c) : h;
    }

    static int port(String hostPort) {
        String h = hostPort.startsWith("sip:") ? hostPort.substring(4) : hostPort;
        int c = h.lastIndexOf(':');
        if (c > 0 && h.indexOf(']') < c) {
            return integer(h.substring(c + 1), 5060);
        }
        return 5060;
    }

    @Override
    public String toString() {
        return "ext " + ext + " " + user + "@" + proxy + " via " + transport + " port " + port;
    }

    private static String get(Map<String, String> v, String name, int ext, String dflt) {
        String s = v.get(name + "_" + ext + "_");
        return s == null ? dflt : s;
    }

    private static boolean yes(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.equals("yes") || t.equals("true") || t.equals("1") || t.equals("on");
    }

    private static int integer(String s, int dflt) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}

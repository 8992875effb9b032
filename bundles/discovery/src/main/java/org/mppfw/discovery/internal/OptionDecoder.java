package org.mppfw.discovery.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.mppfw.api.discovery.ProvisioningSource;

/**
 * Turns the options of a DHCP reply into provisioning sources, in the order of
 * {@code DHCP_Option_To_Use}, plus the domain name (15) and the TR-069 ACS URL (43/125).
 *
 * <p>What servers really send, and how each case is read:
 * <ul>
 * <li>Text options (66, 159, 160, 15) end at the first NUL: dnsmasq sends {@code "10.99.0.1\0"}.
 * A text with another control character is refused with a note.</li>
 * <li>66: a host name or IP address; several separated by commas or spaces give one source
 * each; a value with {@code ://} is a whole URL.</li>
 * <li>160: a URL (or a bare server). Kea knows 160 as {@code v4-captive-portal} (RFC 8910); its
 * "no captive portal" value {@code urn:ietf:params:capport:unrestricted} is not a server and is
 * skipped.</li>
 * <li>159: a URL or a server; 4 bytes that are not all printable are an IPv4 address. Kea knows
 * 159 as {@code v4-portparams} (RFC 7618, 4 bytes) and truncates a text 159 to its first 4
 * bytes ({@code "http"}): a 4-byte value that is the start of a scheme is refused with a note
 * saying so, rather than taken for a host named {@code http}.</li>
 * <li>150: one or more IPv4 addresses (4 bytes each), one source each, in the order sent.</li>
 * <li>43: TR-106 sub-option 1 is the ACS URL; a 43 that is a plain URL is taken as is.</li>
 * <li>125: V-I vendor blocks (enterprise number, length, sub-options); the first sub-option of
 * any enterprise holding an http(s) URL is the ACS URL.</li>
 * <li>42: NTP servers, IPv4 addresses of 4 bytes each, kept in the order sent whatever
 * {@code DHCP_Option_To_Use} says (the phone asks for 42 in every request).</li>
 * <li>60 in a reply ({@code dslforum.org}) marks the reply as answering the TR-069 vendor class:
 * then a 43 that parses as text is the ACS URL even without sub-options.</li>
 * </ul>
 */
final class OptionDecoder {

    /** The default of {@code DHCP_Option_To_Use}. */
    static final List<Integer> DEFAULT_ORDER = List.of(66, 160, 159, 150, 60, 43, 125);
    /** RFC 8910: the captive-portal value meaning "none". */
    static final String CAPPORT_NONE = "urn:ietf:params:capport:unrestricted";

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

    /** What one reply says. */
    record Decoded(List<ProvisioningSource> sources, String domain, String acsUrl, List<String> ntpServers,
            List<String> notes) {
    }

    private OptionDecoder() {
    }

    static Decoded decode(Map<Integer, byte[]> options, List<Integer> order) {
        List<ProvisioningSource> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String acs = null;
        boolean tr069 = false;
        byte[] vc = options.get(60);
        if (vc != null && order.contains(60)) {
            String v = text(vc);
            tr069 = v != null && v.equalsIgnoreCase("dslforum.org");
        }
        for (int code : order) {
            byte[] v = options.get(code);
            if (v == null) {
                continue;
            }
            switch (code) {
                case 66 -> servers(66, v, sources, notes);
                case 160 -> {
                    String t = text(v);
                    if (t != null && t.equalsIgnoreCase(CAPPORT_NONE)) {
                        notes.add("option 160 is the captive-portal value " + CAPPORT_NONE + ", not a server");
                    } else {
                        servers(160, v, sources, notes);
                    }
                }
                case 159 -> option159(v, sources, notes);
                case 150 -> {
                    if (v.length == 0 || v.length % 4 != 0) {
                        notes.add("option 150 of " + v.length + " bytes is not a list of IPv4 addresses");
                    } else {
                        for (int i = 0; i < v.length; i += 4) {
                            sources.add(new ProvisioningSource(150, DhcpPacket.address(java.util.Arrays.copyOfRange(v, i, i + 4))
                                    .getHostAddress()));
                        }
                    }
                }
                case 43 -> {
                    if (acs == null) {
                        acs = acs43(v, tr069, notes);
                    }
                }
                case 125 -> {
                    if (acs == null) {
                        acs = acs125(v, notes);
                    }
                }
                default -> {
                    // 60 is read above; other codes carry no provisioning server
                }
            }
        }
        String domain = null;
        byte[] d = options.get(15);
        if (d != null) {
            domain = text(d);
            if (domain != null) {
                domain = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
                if (!HOST.matcher(domain).matches() || domain.isEmpty()) {
                    notes.add("option 15 is not a domain name");
                    domain = null;
                }
            } else {
                notes.add("option 15 holds control characters");
            }
        }
        List<String> ntp = new ArrayList<>();
        byte[] n = options.get(42);
        if (n != null) {
            if (n.length == 0 || n.length % 4 != 0) {
                notes.add("option 42 of " + n.length + " bytes is not a list of IPv4 addresses");
            } else {
                for (int i = 0; i < n.length; i += 4) {
                    ntp.add(DhcpPacket.address(java.util.Arrays.copyOfRange(n, i, i + 4)).getHostAddress());
                }
            }
        }
        return new Decoded(List.copyOf(sources), domain, acs, List.copyOf(ntp), List.copyOf(notes));
    }

    /**
     * The text of an option: up to the first NUL, or null when it holds another control
     * character or a byte that is not printable ASCII.
     */
    static String text(byte[] v) {
        int n = 0;
        while (n < v.length && v[n] != 0) {
            n++;
        }
        for (int i = 0; i < n; i++) {
            int c = v[i] & 0xff;
            if (c < 0x20 || c >= 0x7f) {
                return null;
            }
        }
        return new String(v, 0, n, StandardCharsets.US_ASCII).strip();
    }

    private static void servers(int code, byte[] v, List<ProvisioningSource> into, List<String> notes) {
        String t = text(v);
        if (t == null || t.isEmpty()) {
            notes.add("option " + code + " is " + (t == null ? "not printable text" : "empty"));
            return;
        }
        if (t.contains("://")) {
            into.add(new ProvisioningSource(code, t));
            return;
        }
        for (String h : t.split("[,; ]+")) {
            if (h.isEmpty()) {
                continue;
            }
            if (HOST.matcher(h).matches()) {
                into.add(new ProvisioningSource(code, h));
            } else {
                notes.add("option " + code + ": '" + h + "' is neither a host name, an address nor a URL");
            }
        }
    }

    private static void option159(byte[] v, List<ProvisioningSource> into, List<String> notes) {
        if (v.length == 4 && text(v) == null) {
            into.add(new ProvisioningSource(159, DhcpPacket.address(v).getHostAddress()));
            return;
        }
        String t = text(v);
        if (v.length == 4 && t != null && ("https".startsWith(t.toLowerCase(Locale.ROOT))
                || "tftp".equals(t.toLowerCase(Locale.ROOT)))) {
            notes.add("option 159 holds only '" + t + "': a URL cut to 4 bytes, as a server that knows 159 as "
                    + "v4-portparams (RFC 7618) sends it; send it as raw bytes");
            return;
        }
        servers(159, v, into, notes);
    }

    private static String acs43(byte[] v, boolean tr069, List<String> notes) {
        // TR-106: encapsulated sub-options, 1 = URL of the ACS
        int i = 0;
        String url = null;
        boolean wellFormed = true;
        while (i < v.length) {
            int code = v[i] & 0xff;
            if (code == 0 || code == 255) {
                i++;
                continue;
            }
            if (i + 1 >= v.length || i + 2 + (v[i + 1] & 0xff) > v.length) {
                wellFormed = false;
                break;
            }
            int n = v[i + 1] & 0xff;
            if (code == 1 && url == null) {
                url = text(java.util.Arrays.copyOfRange(v, i + 2, i + 2 + n));
            }
            i += 2 + n;
        }
        if (url != null && url.contains("://")) {
            return url;
        }
        String whole = text(v);
        if ((!wellFormed || tr069) && whole != null && whole.contains("://")) {
            return whole;
        }
        if (url != null) {
            notes.add("option 43 sub-option 1 '" + url + "' is not a URL");
        }
        return null;
    }

    private static String acs125(byte[] v, List<String> notes) {
        int i = 0;
        while (i + 5 <= v.length) {
            long enterprise = ((v[i] & 0xffL) << 24) | ((v[i + 1] & 0xff) << 16) | ((v[i + 2] & 0xff) << 8) | (v[i + 3] & 0xff);
            int n = v[i + 4] & 0xff;
            int end = i + 5 + n;
            if (end > v.length) {
                notes.add("option 125: vendor " + enterprise + " says " + n + " bytes, " + (v.length - i - 5) + " left");
                return null;
            }
            int j = i + 5;
            while (j + 2 <= end) {
                int m = v[j + 1] & 0xff;
                if (j + 2 + m > end) {
                    break;
                }
                String t = text(java.util.Arrays.copyOfRange(v, j + 2, j + 2 + m));
                if (t != null && (t.startsWith("http://") || t.startsWith("https://"))) {
                    return t;
                }
                j += 2 + m;
            }
            i = end;
        }
        return null;
    }
}

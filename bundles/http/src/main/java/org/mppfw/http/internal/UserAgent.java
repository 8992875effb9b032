package org.mppfw.http.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mppfw.api.device.DeviceIdentity;

/**
 * The phone's User-Agent: {@code HTTP_User_Agent_Name} (default {@code $VERSION ($MA)}) with the
 * identity macros expanded, where {@code $VERSION} is the identity's
 * {@link DeviceIdentity#productVersion() product version} ({@code Cisco-CP-8845-3PCC/12.0.1}).
 * Only the identity macros a User-Agent can use are known here; others are left as written, as
 * the phone's macro rules say.
 */
final class UserAgent {

    static final String DEFAULT_TEMPLATE = "$VERSION ($MA)";

    private UserAgent() {
    }

    /** Expands a template; an empty or absent one is the default. Control characters are dropped. */
    static String expand(String template, DeviceIdentity id) {
        String t = template == null || template.isBlank() ? DEFAULT_TEMPLATE : template.trim();
        Map<String, String> macros = new LinkedHashMap<>();
        // longest names first, so that $MAU wins over $MA and $PSN over $PN
        macros.put("VERSION", id.productVersion());
        macros.put("SWVER", id.firmwareVersion());
        macros.put("HWVER", id.hardwareVersion());
        macros.put("MAU", id.macUpper());
        macros.put("MAC", id.macWithColons());
        macros.put("PSN", id.productSeries());
        macros.put("MA", id.mac());
        macros.put("PN", id.model());
        macros.put("SN", id.serialNumber());
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (t.startsWith("$$", i)) {
                out.append('$');
                i += 2;
                continue;
            }
            boolean paren = t.startsWith("$(", i);
            int from = paren ? i + 2 : i + 1;
            String hit = null;
            for (String name : macros.keySet()) {
                if (t.startsWith(name, from) && (!paren || t.startsWith(")", from + name.length()))) {
                    hit = name;
                    break;
                }
            }
            if (hit == null) {
                out.append('$');
                i++;
            } else {
                out.append(macros.get(hit));
                i = from + hit.length() + (paren ? 1 : 0);
            }
        }
        return out.toString().replaceAll("[\\p{Cntrl}]", "");
    }
}

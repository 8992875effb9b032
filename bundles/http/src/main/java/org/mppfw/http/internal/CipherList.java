package org.mppfw.http.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code TLS_Cipher_List} is written in OpenSSL's cipher-string syntax; the JDK names its suites
 * by IANA names. This maps the explicit suite names of a list to the JDK's suites (OpenSSL
 * keywords such as {@code HIGH}, {@code DEFAULT} or {@code !aNULL} have no JDK meaning and are
 * skipped). An empty result means: the JDK's default suites.
 */
final class CipherList {

    private CipherList() {
    }

    /**
     * @param openssl   the parameter value, e.g. {@code ECDHE-RSA-AES128-GCM-SHA256:TLS_AES_128_GCM_SHA256}
     * @param supported the JDK's supported suites (IANA names)
     * @return the JDK suites named by the list, in its order; empty for "JDK default"
     */
    static List<String> toJdk(String openssl, String[] supported) {
        Set<String> out = new LinkedHashSet<>();
        if (openssl == null || openssl.isBlank()) {
            return List.of();
        }
        for (String token : openssl.split("[:,\\s]+")) {
            if (token.isEmpty() || token.startsWith("!") || token.startsWith("-") || token.startsWith("+")) {
                continue;
            }
            for (String jdk : supported) {
                if (jdk.equalsIgnoreCase(token) || token.equalsIgnoreCase(opensslName(jdk))) {
                    out.add(jdk);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The OpenSSL name of an IANA suite name, or the name itself when no rule applies. */
    static String opensslName(String iana) {
        String s = iana.toUpperCase(Locale.ROOT);
        if (!s.startsWith("TLS_") || !s.contains("_WITH_")) {
            return s; // TLS 1.3 suites share their names
        }
        String kx = s.substring(4, s.indexOf("_WITH_"));
        String rest = s.substring(s.indexOf("_WITH_") + 6);
        String prefix;
        switch (kx) {
            case "RSA": prefix = ""; break;
            case "ECDHE_RSA": prefix = "ECDHE-RSA-"; break;
            case "ECDHE_ECDSA": prefix = "ECDHE-ECDSA-"; break;
            case "DHE_RSA": prefix = "DHE-RSA-"; break;
            case "DHE_DSS": prefix = "DHE-DSS-"; break;
            default: return s;
        }
        String body;
        if (rest.startsWith("CHACHA20_POLY1305")) {
            body = "CHACHA20-POLY1305";
        } else if (rest.matches("AES_(128|256)_GCM_SHA(256|384)")) {
            String[] p = rest.split("_");
            body = "AES" + p[1] + "-GCM-" + p[3];
        } else if (rest.matches("AES_(128|256)_CBC_SHA(256|384)?")) {
            String[] p = rest.split("_");
            body = "AES" + p[1] + "-" + (p[3].equals("SHA") ? "SHA" : p[3]);
        } else {
            return s;
        }
        return prefix + body;
    }
}

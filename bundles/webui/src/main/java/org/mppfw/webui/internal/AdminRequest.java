package org.mppfw.webui.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One request to an admin URL, as the guides write them: the action's path, its argument (the
 * rest of the query, e.g. the profile URL of {@code /admin/resync?URL}) and the explicit
 * credentials: {@code xuser}/{@code xpassword} pairs (after {@code ?} or, in the documented form
 * {@code /admin/config.xml&xuser=admin&xpassword=pw}, after {@code &} in the path) or an HTTP
 * Basic or Digest {@code Authorization} header.
 *
 * @param path     the action, e.g. {@code /admin/resync}
 * @param argument the query without the credentials, percent-decoded; empty if none
 * @param user     the user name given, or null when no credentials were given
 * @param password the password given (never null when {@code user} is not; empty with Digest)
 * @param digest   the Digest credentials, or null when the password itself was given
 */
record AdminRequest(String path, String argument, String user, String password, DigestAuth.Credentials digest) {

    /** {@link #parse(String, String, String, String)} of a GET. */
    static AdminRequest parse(String rawPath, String rawQuery, String authorization) {
        return parse(rawPath, rawQuery, authorization, "GET");
    }

    /** Parses the raw (still encoded) path and query, the {@code Authorization} header and the method. */
    static AdminRequest parse(String rawPath, String rawQuery, String authorization, String method) {
        String target = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
        String path = rawPath;
        List<String> parts = new ArrayList<>();
        int amp = rawPath.indexOf('&');
        if (amp >= 0) {
            path = rawPath.substring(0, amp);
            parts.addAll(List.of(rawPath.substring(amp + 1).split("&", -1)));
        }
        if (rawQuery != null) {
            parts.addAll(0, List.of(rawQuery.split("&", -1)));
        }
        String user = null;
        String password = null;
        List<String> rest = new ArrayList<>();
        for (String p : parts) {
            if (p.startsWith("xuser=")) {
                user = decode(p.substring(6), true);
            } else if (p.startsWith("xpassword=")) {
                password = decode(p.substring(10), true);
            } else {
                rest.add(p);
            }
        }
        DigestAuth.Credentials digest = null;
        if (user == null && password == null) {
            digest = DigestAuth.parse(authorization, method, target);
            user = digest == null ? null : digest.username();
        }
        if (user == null && password == null && authorization != null) {
            String[] basic = basic(authorization);
            if (basic != null) {
                user = basic[0];
                password = basic[1];
            }
        }
        if (user == null && password != null) {
            user = Login.ADMIN;
        }
        return new AdminRequest(decode(path, false), decode(String.join("&", rest), false), user,
                user == null ? null : password == null ? "" : password, digest);
    }

    boolean hasCredentials() {
        return user != null;
    }

    private static String[] basic(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String s = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = s.indexOf(':');
            return colon < 0 ? null : new String[] {s.substring(0, colon), s.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Percent-decodes (UTF-8); {@code +} is a space only in form values. A malformed escape stays as it is. */
    static String decode(String s, boolean form) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            int c = in[i];
            if (c == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(form && c == '+' ? ' ' : c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    @Override
    public String toString() {
        return path; // never the argument nor the credentials: they may hold secrets
    }
}

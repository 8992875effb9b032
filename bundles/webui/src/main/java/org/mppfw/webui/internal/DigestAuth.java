package org.mppfw.webui.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Digest authentication (RFC 7616) of the admin URLs, the server's side: {@code qop=auth},
 * algorithms SHA-256 and MD5 (offered in that order), no {@code -sess} nor {@code userhash}.
 *
 * <p>Nonces are made by the phone and need no memory until used: each carries its sequence number
 * and the moment it was made, authenticated with a key made at start (a restart ends them all),
 * and lives {@value #LIFETIME_S} s. A nonce once used is remembered with its highest {@code nc}
 * (at most {@value #REMEMBERED} of them, the oldest forgotten first); a request whose {@code nc}
 * is not above it is a replay, and a nonce older than the last one forgotten is stale.
 */
final class DigestAuth {

    static final long LIFETIME_S = 300;
    static final int REMEMBERED = 256;
    private static final int MAC_BYTES = 16;

    /** The fields of one {@code Authorization: Digest} header, and the request's own target and method. */
    record Credentials(Map<String, String> fields, String method, String target) {

        String get(String name) {
            return fields.getOrDefault(name, "");
        }

        String username() {
            return get("username");
        }

        @Override
        public String toString() {
            return "Digest " + username(); // never the response: it proves the password
        }
    }

    /** What a nonce is worth. */
    enum Nonce { FRESH, STALE, FORGED }

    private final byte[] key = new byte[32];
    private final LongSupplier nanos;
    private long next;
    private long forgottenUpTo = -1;
    private final LinkedHashMap<Long, Long> used = new LinkedHashMap<>();

    DigestAuth(LongSupplier nanos) {
        this.nanos = nanos;
        new SecureRandom().nextBytes(key);
    }

    /** The {@code WWW-Authenticate} values offering Digest: SHA-256 first, then MD5. */
    List<String> challenges(String realm, boolean stale) {
        String nonce = nonce();
        String common = "realm=\"" + realm + "\", qop=\"auth\", nonce=\"" + nonce + "\"" + (stale ? ", stale=true" : "");
        return List.of("Digest " + common + ", algorithm=SHA-256", "Digest " + common + ", algorithm=MD5");
    }

    synchronized String nonce() {
        ByteBuffer b = ByteBuffer.allocate(16 + MAC_BYTES);
        b.putLong(next++).putLong(nanos.getAsLong()).put(mac(b.array(), 16));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** Whether the nonce is the phone's, and still fresh. */
    synchronized Nonce check(String nonce) {
        byte[] b;
        try {
            b = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Nonce.FORGED;
        }
        if (b.length != 16 + MAC_BYTES || !MessageDigest.isEqual(mac(b, 16), java.util.Arrays.copyOfRange(b, 16, b.length))) {
            return Nonce.FORGED;
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        long seq = buf.getLong();
        long made = buf.getLong();
        boolean old = nanos.getAsLong() - made > TimeUnit.SECONDS.toNanos(LIFETIME_S);
        return old || (seq <= forgottenUpTo && !used.containsKey(seq)) ? Nonce.STALE : Nonce.FRESH;
    }

    /**
     * Records a use of a fresh nonce after its response proved the password: false if its
     * {@code nc} is not above the last one seen (a replay), or the nonce was forgotten meanwhile.
     */
    synchronized boolean use(Credentials c) {
        long seq = ByteBuffer.wrap(Base64.getUrlDecoder().decode(c.get("nonce"))).getLong();
        long nc;
        try {
            nc = Long.parseLong(c.get("nc"), 16);
        } catch (NumberFormatException e) {
            return false;
        }
        Long last = used.get(seq);
        if ((last == null && seq <= forgottenUpTo) || (last != null && nc <= last)) {
            return false;
        }
        used.put(seq, nc);
        if (used.size() > REMEMBERED) {
            Map.Entry<Long, Long> eldest = used.entrySet().iterator().next();
            used.remove(eldest.getKey());
            forgottenUpTo = Math.max(forgottenUpTo, eldest.getKey());
        }
        return true;
    }

    /** Whether the response proves {@code password}, for this realm, method and request target. */
    static boolean proves(Credentials c, String realm, String password) {
        String algorithm = c.get("algorithm").isEmpty() ? "MD5" : c.get("algorithm").toUpperCase(Locale.ROOT);
        if (!(algorithm.equals("MD5") || algorithm.equals("SHA-256")) || !"auth".equals(c.get("qop"))
                || !realm.equals(c.get("realm")) || !c.target().equals(c.get("uri")) || c.get("cnonce").isEmpty()) {
            return false;
        }
        String ha1 = hash(algorithm, c.username() + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, c.method() + ":" + c.target());
        String expected = hash(algorithm, ha1 + ":" + c.get("nonce") + ":" + c.get("nc") + ":" + c.get("cnonce")
                + ":auth:" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                c.get("response").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The fields of an {@code Authorization: Digest} header ({@code name=token} or
     * {@code name="quoted"}, comma-separated), or null when the header is not Digest or malformed.
     */
    static Credentials parse(String header, String method, String target) {
        if (header == null || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String s = header.substring(7);
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            StringBuilder v = new StringBuilder();
            i = eq + 1;
            if (i < s.length() && s.charAt(i) == '"') {
                for (i++; i < s.length() && s.charAt(i) != '"'; i++) {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    v.append(s.charAt(i));
                }
                if (i >= s.length()) {
                    return null; // unterminated
                }
                i++;
            } else {
                for (; i < s.length() && s.charAt(i) != ','; i++) {
                    v.append(s.charAt(i));
                }
            }
            fields.putIfAbsent(name, v.toString().trim());
        }
        return fields.containsKey("username") && fields.containsKey("nonce") && fields.containsKey("response")
                ? new Credentials(Map.copyOf(fields), method, target) : null;
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            m.update(data, 0, length);
            return java.util.Arrays.copyOf(m.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

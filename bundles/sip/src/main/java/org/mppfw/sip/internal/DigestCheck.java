package org.mppfw.sip.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sip.header.AuthorizationHeader;

/**
 * The phone's side of RFC 2617 digest for requests it challenges (a resync or reboot NOTIFY):
 * fresh random nonces, each good once and for five minutes, MD5 with {@code qop=auth} offered
 * and the RFC 2069 form (no qop) accepted. Thread-safe.
 */
final class DigestCheck {

    static final Duration NONCE_LIFE = Duration.ofMinutes(5);
    private static final int MAX_NONCES = 64;

    private final Map<String, Instant> nonces = new LinkedHashMap<>();

    /** A {@code WWW-Authenticate} value with a new nonce. */
    synchronized String challenge(String realm, Instant now) {
        String nonce = Tags.random(16);
        nonces.put(nonce, now.plus(NONCE_LIFE));
        Iterator<Instant> it = nonces.values().iterator();
        while (nonces.size() > MAX_NONCES && it.hasNext()) {
            it.next();
            it.remove();
        }
        return "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=MD5, qop=\"auth\"";
    }

    /**
     * Whether {@code a} answers one of our nonces for {@code user} and {@code password} on
     * {@code method} (the nonce is used up either way).
     */
    boolean valid(AuthorizationHeader a, String method, String realm, String user, String password, Instant now) {
        if (a == null || a.getNonce() == null || a.getResponse() == null || a.getURI() == null) {
            return false;
        }
        synchronized (this) {
            Instant until = nonces.remove(a.getNonce());
            if (until == null || now.isAfter(until)) {
                return false;
            }
        }
        String alg = a.getAlgorithm();
        if (alg != null && !alg.equalsIgnoreCase("MD5")) {
            return false;
        }
        if (!user.equals(a.getUsername()) || !realm.equals(a.getRealm())) {
            return false;
        }
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + a.getURI());
        String qop = a.getQop();
        String expected;
        if (qop == null || qop.isEmpty()) {
            expected = md5(ha1 + ":" + a.getNonce() + ":" + ha2);
        } else if (qop.equalsIgnoreCase("auth") && a.getCNonce() != null) {
            String nc = String.format("%08x", a.getNonceCount());
            expected = md5(ha1 + ":" + a.getNonce() + ":" + nc + ":" + a.getCNonce() + ":auth:" + ha2);
        } else {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                a.getResponse().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Digest's pieces: RFC 7616's own example, nonces that expire, replays, a bounded memory. */
class DigestAuthTest {

    private static final String RFC_HEADER = "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\","
            + " algorithm=%s, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001,"
            + " cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, response=\"%s\","
            + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    private final AtomicLong now = new AtomicLong();
    private final DigestAuth digest = new DigestAuth(now::get);

    @Test
    void rfc7616sExampleProvesThePasswordInMd5AndSha256() {
        DigestAuth.Credentials md5 = DigestAuth.parse(String.format(RFC_HEADER, "MD5", "8ca523f5e9506fed4657c9700eebdbec"),
                "GET", "/dir/index.html");
        assertEquals("Mufasa", md5.username());
        assertTrue(DigestAuth.proves(md5, "http-auth@example.org", "Circle of Life"));
        assertFalse(DigestAuth.proves(md5, "http-auth@example.org", "Circle of life"));
        assertFalse(DigestAuth.proves(md5, "other realm", "Circle of Life"));
        DigestAuth.Credentials sha = DigestAuth.parse(String.format(RFC_HEADER, "SHA-256",
                "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"), "GET", "/dir/index.html");
        assertTrue(DigestAuth.proves(sha, "http-auth@example.org", "Circle of Life"));
        DigestAuth.Credentials otherUri = DigestAuth.parse(String.format(RFC_HEADER, "SHA-256",
                "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"), "GET", "/admin/resync");
        assertFalse(DigestAuth.proves(otherUri, "http-auth@example.org", "Circle of Life"), "the uri is the request's");
        assertFalse(sha.toString().contains("7539"), "the response is not shown");
    }

    @Test
    void malformedOrOtherSchemesAreNotDigest() {
        assertNull(DigestAuth.parse("Basic YWRtaW46", "GET", "/"));
        assertNull(DigestAuth.parse("Digest username=\"admin", "GET", "/"));
        assertNull(DigestAuth.parse("Digest realm=\"x\"", "GET", "/"));
    }

    @Test
    void noncesAreThePhonesAndExpire() {
        String n = digest.nonce();
        assertEquals(DigestAuth.Nonce.FRESH, digest.check(n));
        assertEquals(DigestAuth.Nonce.FORGED, digest.check(n.substring(0, n.length() - 2) + "AA"));
        assertEquals(DigestAuth.Nonce.FORGED, digest.check("not base64 !"));
        assertEquals(DigestAuth.Nonce.FORGED, digest.check(new DigestAuth(now::get).nonce()), "another run's key");
        now.addAndGet(TimeUnit.SECONDS.toNanos(DigestAuth.LIFETIME_S + 1));
        assertEquals(DigestAuth.Nonce.STALE, digest.check(n));
    }

    @Test
    void aUsedNonceCountsUpAndAReplayIsRefused() {
        String n = digest.nonce();
        assertTrue(digest.use(use(n, "00000001")));
        assertFalse(digest.use(use(n, "00000001")), "the same nc again: a replay");
        assertTrue(digest.use(use(n, "00000002")));
        assertFalse(digest.use(use(n, "00000001")));
    }

    @Test
    void theMemoryIsBoundedAndAForgottenNonceIsStale() {
        String first = digest.nonce();
        assertTrue(digest.use(use(first, "00000001")));
        for (int i = 0; i < DigestAuth.REMEMBERED; i++) {
            assertTrue(digest.use(use(digest.nonce(), "00000001")));
        }
        assertEquals(DigestAuth.Nonce.STALE, digest.check(first), "forgotten: it can no longer be replayed");
        assertFalse(digest.use(use(first, "00000002")));
    }

    private static DigestAuth.Credentials use(String nonce, String nc) {
        return DigestAuth.parse("Digest username=\"admin\", nonce=\"" + nonce + "\", nc=" + nc + ", response=\"x\"", "GET", "/");
    }
}

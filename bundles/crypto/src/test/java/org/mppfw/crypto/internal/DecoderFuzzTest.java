package org.mppfw.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mppfw.api.crypto.KdfDigest;
import org.mppfw.api.profile.DecodeException;
import org.mppfw.crypto.internal.ece.Aes128gcmInputStream;
import org.mppfw.crypto.internal.ece.Aes128gcmOutputStream;
import org.mppfw.crypto.internal.gzip.Gunzip;
import org.mppfw.crypto.internal.openssl.OpensslCbc;

/**
 * Fuzz tests of the three decoders of network input. In the normal build each runs its
 * regression corpus ({@code src/test/resources/.../DecoderFuzzTestInputs/<method>/}); with
 * {@code JAZZER_FUZZ=1} Jazzer fuzzes the one selected with {@code -Dtest=DecoderFuzzTest#<method>}.
 * The invariant of all three: bad input ends in a {@link DecodeException}, never another
 * exception, a hang or unbounded memory.
 */
class DecoderFuzzTest {

    private static final byte[] KEY = "SecretPhrase1234".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IKM = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long LIMIT = 1 << 20;

    /** Raw bytes, or a real file (optionally with one byte changed): only DecodeException, and round trips. */
    @FuzzTest(maxDuration = "2m")
    void cbc(FuzzedDataProvider data) throws IOException {
        if (data.consumeBoolean()) {
            drainExpectingOnlyDecodeException(() -> OpensslCbc.decrypt(
                    new ByteArrayInputStream(data.consumeRemainingAsBytes()), KEY));
            return;
        }
        KdfDigest digest = data.pickValue(KdfDigest.values());
        byte[] salt = data.consumeBytes(8);
        int flip = data.consumeInt(-1, 5000);
        byte[] plain = data.consumeRemainingAsBytes();
        if (salt.length < 8) {
            return;
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream o = OpensslCbc.encrypt(bos, KEY, digest, salt)) {
            o.write(plain);
        }
        byte[] file = bos.toByteArray();
        if (flip >= 0 && flip < file.length) {
            file[flip] ^= 0x5a;
            byte[] f = file;
            drainExpectingOnlyDecodeException(() -> OpensslCbc.decrypt(new ByteArrayInputStream(f), KEY));
        } else if (looksLikeXml(plain)) {
            try (InputStream in = OpensslCbc.decrypt(new ByteArrayInputStream(file), KEY)) {
                assertArrayEquals(plain, in.readAllBytes());
            }
        }
    }

    /** Raw bytes, or a real body (optionally with one byte changed), any rs, key id and padding. */
    @FuzzTest(maxDuration = "2m")
    void aes128gcm(FuzzedDataProvider data) throws IOException {
        if (data.consumeBoolean()) {
            drainExpectingOnlyDecodeException(() -> new Aes128gcmInputStream(
                    new ByteArrayInputStream(data.consumeRemainingAsBytes()), IKM));
            return;
        }
        int rs = data.consumeInt(18, 300);
        String keyId = data.consumeString(4);
        int pad = rs > 18 ? data.consumeInt(0, 100) : 0;
        int flip = data.consumeInt(-1, 3000);
        byte[] plain = data.consumeRemainingAsBytes();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream o = new Aes128gcmOutputStream(bos, IKM, new byte[16], rs, keyId, pad)) {
            o.write(plain);
        }
        byte[] body = bos.toByteArray();
        int idLength = body[20] & 0xff;
        if (flip < 0 || flip >= body.length) {
            try (InputStream in = new Aes128gcmInputStream(new ByteArrayInputStream(body), IKM)) {
                assertArrayEquals(plain, in.readAllBytes());
            }
            return;
        }
        body[flip] ^= 0x5a;
        try (InputStream in = new Aes128gcmInputStream(new ByteArrayInputStream(body), IKM)) {
            byte[] out = in.readAllBytes();
            // neither rs nor the key id is authenticated: a change there may still decode, to the same bytes
            boolean unauthenticatedField = (flip >= 16 && flip < 20) || (flip >= 21 && flip < 21 + idLength);
            assertTrue(unauthenticatedField, "a change at byte " + flip + " went unnoticed");
            assertArrayEquals(plain, out);
        } catch (DecodeException expected) {
            // the change was caught
        }
    }

    /** Any bytes through the bounded gunzip: only DecodeException, never more than the limit. */
    @FuzzTest(maxDuration = "2m")
    void gzip(byte[] data) {
        drainExpectingOnlyDecodeException(() -> Gunzip.open(new ByteArrayInputStream(data), LIMIT).stream());
    }

    interface Opener {
        InputStream open() throws IOException;
    }

    private static void drainExpectingOnlyDecodeException(Opener opener) {
        try (InputStream in = opener.open()) {
            byte[] buf = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buf, 0, buf.length)) >= 0;) {
                total += n;
            }
            assertTrue(total <= LIMIT || !(in instanceof java.io.FilterInputStream), "read past the limit");
        } catch (DecodeException expected) {
            // the one allowed failure
        } catch (IOException e) {
            fail("not a DecodeException: " + e);
        }
    }

    private static boolean looksLikeXml(byte[] b) {
        if (b.length < 2 || b[0] != '<' || !Character.isLetter(b[1])) {
            return false;
        }
        for (byte x : b) {
            if ((x & 0xff) < 0x20 && x != '\n' && x != '\r' && x != '\t' || x == 0x7f) {
                return false;
            }
        }
        return true;
    }
}

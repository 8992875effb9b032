package org.mppfw.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.config.ProfileException;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Hostile and broken profiles, applied through the real service in the framework: each one is
 * refused with a clear error and no parameter changes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostileProfileTest {

    @Inject
    private ParameterStore store;

    @Configuration
    public Option[] config() {
        return new Option[] {PhoneOptions.phone(PhoneOptions.tempDataDir("hostile"))};
    }

    @Test
    public void malformedXml() throws Exception {
        String msg = refused(bytes("<flat-profile><GPP_A>changed</GPP_B></flat-profile>"));
        assertFalse(msg.isBlank());
    }

    @Test
    public void xxeToALocalFileIsRefused() throws Exception {
        Path secret = Files.createTempFile("mppfw-xxe", ".txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        try {
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>\n"
                    + "<flat-profile><GPP_A>&e;</GPP_A></flat-profile>";
            String msg = refused(bytes(xml));
            assertFalse(msg.contains("TOP-SECRET-CONTENT"));
            assertFalse(store.get("GPP_A").contains("TOP-SECRET"));
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    public void billionLaughs() throws Exception {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            b.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                b.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            b.append("\">\n");
        }
        b.append("]>\n<flat-profile><GPP_A>&lol9;</GPP_A></flat-profile>");
        refused(bytes(b.toString()));
    }

    @Test
    public void externalDtd() throws Exception {
        refused(bytes("<?xml version=\"1.0\"?>\n<!DOCTYPE flat-profile SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
                + "<flat-profile><GPP_A>x</GPP_A></flat-profile>"));
    }

    @Test
    public void fiftyMegabyteProfile() throws Exception {
        InputStream head = bytes("<flat-profile><GPP_A>");
        InputStream body = new InputStream() {
            private long left = 50L << 20;

            @Override
            public int read() {
                return left-- > 0 ? 'A' : -1;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(buf, off, off + n, (byte) 'A');
                left -= n;
                return n;
            }
        };
        InputStream tail = bytes("</GPP_A></flat-profile>");
        refused(new SequenceInputStream(new SequenceInputStream(head, body), tail));
    }

    @Test
    public void deepNesting() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            b.append("<a>");
        }
        b.append("<flat-profile><GPP_A>deep</GPP_A></flat-profile>");
        for (int i = 0; i < 10_000; i++) {
            b.append("</a>");
        }
        refused(bytes(b.toString()));
    }

    /** Applies a profile that must be refused; returns the error and checks nothing changed. */
    private String refused(InputStream profile) throws IOException {
        Map<String, String> before = store.values();
        try {
            store.applyProfile(profile, ChangeSource.PROFILE);
            fail("profile was accepted");
            return "";
        } catch (ProfileException e) {
            assertTrue("clear message", e.getMessage() != null && e.getMessage().length() > 10);
            assertEquals("nothing changed", before, store.values());
            return e.getMessage();
        }
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}

package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ProfileException;

/** Input from the network that must end in a clear {@link ProfileException} and change nothing. */
class HostileProfileTest {

    @TempDir
    Path dir;
    ParameterStoreImpl store;
    Map<String, String> before;
    byte[] persistedBefore;

    @BeforeEach
    void open() throws Exception {
        store = TestStores.open(dir.resolve("data"));
        store.set("GPP_A", "original", ChangeSource.ADMIN);
        before = store.values();
        persistedBefore = TestStores.persisted(store);
    }

    private ProfileException refused(String xml) throws Exception {
        return refused(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private ProfileException refused(InputStream in) throws Exception {
        ProfileException e = assertThrows(ProfileException.class, () -> store.applyProfile(in, ChangeSource.PROFILE));
        assertEquals(before, store.values(), "nothing changed in memory");
        assertArrayEquals(persistedBefore, TestStores.persisted(store), "nothing changed on disk");
        assertFalse(e.getMessage().isBlank());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        // a fresh store on the same data dir sees the same values
        assertEquals(before, TestStores.open(dir.resolve("data")).values());
        return e;
    }

    @Test
    void malformedXmlChangesNothing() throws Exception {
        ProfileException e = refused("<flat-profile>\n<GPP_A>new</GPP_A>\n<GPP_B>x</GPP_C>\n</flat-profile>");
        assertTrue(e.getMessage().contains("not well-formed"), e.getMessage());
        assertEquals(3, e.line());
        refused("<flat-profile><GPP_A>new</GPP_A>");
        refused("<flat-profile><GPP_A>new</GPP_A></flat-profile><second/>");
        refused("<flat-profile><GPP_A>new &undefined; </GPP_A></flat-profile>");
        refused("<flat-profile><GPP_A>new</GPP_A></flat-profile>\u0000");
        refused("");
        refused("not xml at all");
        e = refused(new java.io.ByteArrayInputStream(new byte[] {'<', 'f', 'l', 'a', 't', '-', 'p', 'r', 'o', 'f', 'i',
            'l', 'e', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'f', '>'}));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void xxeToALocalFileIsRefusedAndNeverRead() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "XXE-CANARY-4711");
        String uri = secret.toUri().toString();
        ProfileException e = refused("<?xml version=\"1.0\"?>\n<!DOCTYPE flat-profile [<!ENTITY x SYSTEM \"" + uri
                + "\">]>\n<flat-profile><GPP_A>&x;</GPP_A></flat-profile>");
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("XXE-CANARY"));
        assertFalse(store.values().containsValue("XXE-CANARY-4711"));
        // parameter entities in the internal subset
        e = refused("<!DOCTYPE x [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]><flat-profile/>");
        assertFalse(e.getMessage().contains("XXE-CANARY"));
        // XInclude is not processed: the include element is just an unusable parameter value
        var r = TestStores.apply(store, "<flat-profile xmlns:xi=\"http://www.w3.org/2001/XInclude\"><GPP_B>"
                + "<xi:include href=\"" + uri + "\" parse=\"text\"/></GPP_B></flat-profile>");
        assertEquals("", store.get("GPP_B"));
        assertEquals(1, r.rejected().size());
        assertFalse(store.values().containsValue("XXE-CANARY-4711"));
    }

    @Test
    void billionLaughsIsRefused() throws Exception {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        b.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            b.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                b.append("&lol").append(i - 1).append(';');
            }
            b.append("\">\n");
        }
        b.append("]>\n<flat-profile><GPP_A>&lol9;</GPP_A></flat-profile>");
        ProfileException e = refused(b.toString());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void externalDtdIsNeverFetched() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil.dtd";
            ProfileException e = refused("<?xml version=\"1.0\"?>\n<!DOCTYPE flat-profile SYSTEM \"" + url + "\">\n"
                    + "<flat-profile><GPP_A>&ext;</GPP_A></flat-profile>");
            assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
            server.setSoTimeout(1);
            assertThrows(SocketTimeoutException.class, server::accept, "the parser connected to the DTD server");
        }
    }

    @Test
    void fiftyMegabyteProfileEndsAtTheLimitWithoutReadingItAll() throws Exception {
        CountingProfile big = new CountingProfile(50L * 1024 * 1024);
        ProfileException e = refused(big);
        assertTrue(e.getMessage().contains("larger than 8 MiB"), e.getMessage());
        assertTrue(big.served < 9L * 1024 * 1024, "read " + big.served + " bytes of 50 MiB");
    }

    @Test
    void oneHugeValueEndsAtTheLimit() throws Exception {
        CountingProfile big = new CountingProfile(50L * 1024 * 1024) {
            @Override
            byte[] chunk() {
                return "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n".getBytes(StandardCharsets.UTF_8);
            }
        };
        ProfileException e = refused(big);
        assertTrue(e.getMessage().contains("larger than 8 MiB"), e.getMessage());
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        StringBuilder b = new StringBuilder("<flat-profile><GPP_A>new</GPP_A></flat-profile>");
        for (int i = 0; i < 10_000; i++) {
            b.insert(0, "<d>").append("</d>");
        }
        ProfileException e = refused(b.toString());
        assertTrue(e.getMessage().contains("deeper than 32"), e.getMessage());
        // 32 levels are fine
        StringBuilder ok = new StringBuilder("<flat-profile><GPP_A>deep</GPP_A></flat-profile>");
        for (int i = 0; i < 30; i++) {
            ok.insert(0, "<d>").append("</d>");
        }
        TestStores.apply(store, ok.toString());
        assertEquals("deep", store.get("GPP_A"));
    }

    @Test
    void tooManyElementsAreRefused() throws Exception {
        StringBuilder b = new StringBuilder("<flat-profile><GPP_A>new</GPP_A>");
        for (int i = 0; i < SecureXml.MAX_ELEMENTS; i++) {
            b.append("<x/>");
        }
        ProfileException e = refused(b.append("</flat-profile>").toString());
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
    }

    /** A valid-looking profile of a given size, produced as it is read. */
    static class CountingProfile extends InputStream {
        private final long size;
        private final byte[] head = "<?xml version=\"1.0\"?>\n<device><flat-profile>\n<GPP_A>"
                .getBytes(StandardCharsets.UTF_8);
        long served;
        private byte[] current = head;
        private int pos;

        CountingProfile(long size) {
            this.size = size;
        }

        byte[] chunk() {
            return "<GPP_B>0123456789abcdef0123456789abcdef</GPP_B>\n".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= size) {
                return -1;
            }
            int n = 0;
            while (n < len && served < size) {
                if (pos == current.length) {
                    current = chunk();
                    pos = 0;
                }
                int k = (int) Math.min(Math.min(len - n, current.length - pos), size - served);
                System.arraycopy(current, pos, b, off + n, k);
                pos += k;
                n += k;
                served += k;
            }
            return n;
        }
    }
}

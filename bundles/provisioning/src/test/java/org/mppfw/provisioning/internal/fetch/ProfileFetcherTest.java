package org.mppfw.provisioning.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.profile.DecodeException;
import org.mppfw.api.profile.DecodeOptions;
import org.mppfw.api.profile.ProfileCodec;
import org.mppfw.api.transport.Credentials;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;
import org.mppfw.testing.MemoryResponse;

/**
 * The fetch-decode-apply pipeline with the real parameter store. The transport and codec here
 * are in-memory stand-ins that let each step fail on demand; the same pipeline against real
 * servers and the real codec runs in the integration tests.
 */
class ProfileFetcherTest {

    @TempDir
    Path data;

    private ParameterStoreImpl store;
    private final List<TransportRequest> requests = new ArrayList<>();
    private final List<DecodeOptions> decodes = new ArrayList<>();
    /** The IKM each decode saw (the fetcher wipes its copy afterwards). */
    private final List<String> ikmSeen = new ArrayList<>();
    private byte[] served;
    private String contentEncoding;
    private TransportException failure;
    private String ikm = "";

    @BeforeEach
    void open() throws IOException {
        store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
    }

    private final Transport transport = request -> {
        requests.add(request);
        if (failure != null) {
            throw failure;
        }
        return new MemoryResponse(request.uri(),
                contentEncoding == null ? Map.of() : Map.of("content-encoding", List.of(contentEncoding)), served);
    };

    /** "Decrypts" by checking the key is "k" when one is given; fails on a body starting with '!'. */
    private final ProfileCodec codec = new ProfileCodec() {
        @Override
        public InputStream decode(InputStream raw, DecodeOptions options) throws DecodeException {
            decodes.add(options);
            ikmSeen.add(options.ikm() == null ? null : new String(options.ikm()));
            try {
                byte[] b = raw.readAllBytes();
                if ((options.aesKey() != null && !new String(options.aesKey()).equals("k")) || (b.length > 0 && b[0] == '!')) {
                    throw new DecodeException("wrong key or digest, or not an encrypted profile");
                }
                return new ByteArrayInputStream(b);
            } catch (IOException e) {
                throw new DecodeException(e.getMessage(), e);
            }
        }
    };

    private ProfileFetcher fetcher() {
        return new ProfileFetcher(scheme -> scheme.equals("http") || scheme.equals("tftp") ? Optional.of(transport) : Optional.empty(),
                codec, store, () -> ikm.toCharArray());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainProfileIsAppliedAsClassA() {
        served = utf8("<device><flat-profile><GPP_A>one</GPP_A><Resync_Periodic>7200</Resync_Periodic></flat-profile></device>");
        Attempt a = fetcher().fetchAndApply(FetchPlan.get(URI.create("http://prov.example/p.xml")));
        assertEquals(ResultClass.A, a.resultClass(), a.message());
        assertTrue(a.success());
        assertEquals("one", store.get("GPP_A"));
        assertEquals("7200", store.get("Resync_Periodic"));
        assertEquals(List.of("GPP_A", "Resync_Periodic"), a.applyResult().orElseThrow().changed());
        assertEquals("plain", a.decoding());
        assertEquals(served.length, a.bytes());
        assertTrue(a.message().startsWith("applied: 2 changed"), a.message());
        assertEquals("GET", requests.get(0).method());
    }

    @Test
    void keyAndCredentialsAndPostReachTheirSteps() {
        served = utf8("<flat-profile><GPP_B>two</GPP_B></flat-profile>");
        Attempt a = fetcher().fetchAndApply(new FetchPlan(URI.create("http://prov.example/p.cfg"), "k".toCharArray(),
                new Credentials("phone", "pw".toCharArray()), utf8("mac=000e08012345")));
        assertEquals(ResultClass.A, a.resultClass(), a.message());
        assertEquals("aes-256-cbc", a.decoding());
        assertEquals("two", store.get("GPP_B"));
        TransportRequest r = requests.get(0);
        assertEquals("POST", r.method());
        assertArrayEquals(utf8("mac=000e08012345"), r.body());
        assertEquals("phone", r.credentials().orElseThrow().user());
        assertEquals(ProfileFetcher.MAX_PROFILE_BYTES, r.maxBytes());
    }

    @Test
    void aes128gcmNeedsTheHeaderAndAnIkm() {
        served = utf8("<flat-profile><GPP_C>three</GPP_C></flat-profile>");
        contentEncoding = "aes128gcm";
        ikm = "secret-ikm";
        Attempt a = fetcher().fetchAndApply(FetchPlan.get(URI.create("http://prov.example/p.xml")));
        assertEquals("aes128gcm", a.decoding());
        assertEquals("aes128gcm", decodes.get(0).contentEncoding());
        assertEquals("secret-ikm", ikmSeen.get(0));
        assertTrue(new String(decodes.get(0).ikm()).chars().allMatch(c -> c == 0), "wiped after use");
        ikm = "";
        Attempt b = fetcher().fetchAndApply(FetchPlan.get(URI.create("http://prov.example/p.xml")));
        assertEquals("plain", b.decoding(), "no IKM: the header alone does not make it RFC 8188");
        assertNull(ikmSeen.get(1));
    }

    @Test
    void wrongKeyIsClassBAndChangesNothing() throws IOException {
        store.set("GPP_A", "before", ChangeSource.ADMIN);
        byte[] before = Files.readAllBytes(store.file());
        served = utf8("<flat-profile><GPP_A>after</GPP_A></flat-profile>");
        Attempt a = fetcher().fetchAndApply(new FetchPlan(URI.create("tftp://10.0.0.1/p.cfg"), "wrong".toCharArray(), null, null));
        assertEquals(ResultClass.B, a.resultClass());
        assertFalse(a.fileNotFound());
        assertTrue(a.message().contains("corrupt profile (aes-256-cbc)"), a.message());
        assertTrue(a.message().contains("wrong key or digest"), a.message());
        assertFalse(a.message().contains("wrong\""), "the key never shows");
        assertEquals("before", store.get("GPP_A"));
        assertArrayEquals(before, Files.readAllBytes(store.file()));
    }

    @Test
    void malformedXmlIsClassBWithItsPlace() {
        served = utf8("<flat-profile>\n<GPP_A>x</GPP_B>\n</flat-profile>");
        Attempt a = fetcher().fetchAndApply(FetchPlan.get(URI.create("http://prov.example/p.xml")));
        assertEquals(ResultClass.B, a.resultClass());
        assertTrue(a.message().contains("line 2"), a.message());
        assertEquals("", store.get("GPP_A"));
    }

    @Test
    void transportFailuresKeepTheirClassAndFileNotFoundIsFlagged() {
        failure = new TransportException(ResultClass.B, 404, "HTTP 404 Not Found", null);
        Attempt nf = fetcher().fetchAndApply(FetchPlan.get(URI.create("http://prov.example/missing.xml")));
        assertEquals(ResultClass.B, nf.resultClass());
        assertTrue(nf.fileNotFound());
        assertEquals(404, nf.status());
        failure = new TransportException(ResultClass.C, 503, "HTTP 503", null, Duration.ofSeconds(120));
        Attempt busy = fetcher().fetchAndApply(FetchPlan.get(URI.create("http://prov.example/p.xml")));
        assertEquals(ResultClass.C, busy.resultClass());
        assertFalse(busy.fileNotFound());
        assertEquals(Duration.ofSeconds(120), busy.retryAfter());
        failure = new TransportException(ResultClass.B, 1, "TFTP error 1: File not found", null);
        assertTrue(fetcher().fetchAndApply(FetchPlan.get(URI.create("tftp://10.0.0.1/x"))).fileNotFound());
    }

    @Test
    void aSchemeWithoutTransportIsClassC() {
        Attempt a = fetcher().fetchAndApply(FetchPlan.get(URI.create("ftp://prov.example/p.xml")));
        assertEquals(ResultClass.C, a.resultClass());
        assertEquals("no transport for ftp://", a.message());
        assertTrue(requests.isEmpty());
    }

    @Test
    void theKeyIsWipedAfterUseAndNeverPrinted() {
        FetchPlan p = new FetchPlan(URI.create("http://prov.example/p.cfg"), "k".toCharArray(),
                new Credentials("u", "hunter2".toCharArray()), null);
        assertFalse(p.toString().contains("hunter2"));
        assertTrue(p.toString().contains("--key ***"));
        p.wipe();
        assertArrayEquals(new char[] {'\0'}, p.key());
    }
}

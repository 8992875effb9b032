package org.mppfw.provisioning.internal.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.config.ProfileException;
import org.mppfw.api.profile.DecodeOptions;
import org.mppfw.api.profile.ProfileCodec;
import org.mppfw.api.transport.AccessDomains;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;

/**
 * Downloads one profile and applies it: transport, then decoding (RFC 8188 when the response
 * says {@code Content-Encoding: aes128gcm} and an IKM is set, else AES-256-CBC with the rule's
 * {@code --key}, then gunzip by magic), then the store's atomic {@code <flat-profile>} applier.
 *
 * <p>The decoded profile is read whole (bounded) before anything is applied, so that a failure
 * anywhere in the body — a bad GCM tag in the last record, bad CBC padding, a truncated gzip
 * stream — changes nothing: the store only ever sees a complete, authenticated document.
 *
 * <p>The server (the rule's, one DHCP gave, a DNS SRV target) and every host a redirect leads to
 * must be within {@code Restricted_Access_Domains}: the transport refuses the others before
 * contacting them, class C, so that the error retry applies and nothing is applied.
 *
 * <p>Result classes follow the phone's table: the transport's class for download failures (404
 * and TFTP "file not found" are B), B for a profile that fails to decrypt, decompress or parse
 * (corrupt), C for a URL no transport serves.
 */
public final class ProfileFetcher {

    /** Largest profile accepted, before and after decoding. */
    public static final long MAX_PROFILE_BYTES = 16L << 20;

    private final Function<String, Optional<Transport>> transports;
    private final ProfileCodec codec;
    private final ParameterStore store;
    private final Supplier<char[]> ikm;

    /**
     * @param transports the transport serving a scheme ({@code tftp}, {@code http}, {@code https})
     * @param ikm        the current {@code IKM_HTTP_Encrypt_Content}, or null/empty when unset
     */
    public ProfileFetcher(Function<String, Optional<Transport>> transports, ProfileCodec codec, ParameterStore store,
            Supplier<char[]> ikm) {
        this.transports = transports;
        this.codec = codec;
        this.store = store;
        this.ikm = ikm;
    }

    /** Fetches, decodes and applies; never throws for what a server sends. */
    public Attempt fetchAndApply(FetchPlan plan) {
        String url = plan.uri().toString();
        String scheme = plan.uri().getScheme() == null ? "" : plan.uri().getScheme().toLowerCase(Locale.ROOT);
        Optional<Transport> transport = transports.apply(scheme);
        if (transport.isEmpty()) {
            return new Attempt(url, ResultClass.C, false, 0, "no transport for " + (scheme.isEmpty() ? "this URL" : scheme + "://"),
                    0, "", null, null);
        }
        TransportRequest.Builder req = TransportRequest.builder(plan.uri()).maxBytes(MAX_PROFILE_BYTES)
                .credentials(plan.credentials()).tlsName(plan.tlsName())
                .allowedDomains(AccessDomains.parse(store.definition(AccessDomains.PARAMETER).isPresent()
                        ? store.get(AccessDomains.PARAMETER) : null));
        if (plan.postBody() != null) {
            req.method("POST").body(plan.postBody(), "application/x-www-form-urlencoded");
        }
        byte[] raw;
        String encoding;
        try (TransportResponse r = transport.get().exchange(req.build())) {
            url = r.uri().toString();
            encoding = r.header("Content-Encoding").map(String::trim).orElse(null);
            try (InputStream in = r.body()) {
                raw = in.readAllBytes();
            }
        } catch (TransportException e) {
            boolean fnf = e.resultClass() == ResultClass.B && (e.status() == 404 || e.status() == 1);
            return new Attempt(url, e.resultClass(), fnf, e.status(), e.getMessage(), 0, "", null, e.retryAfter().orElse(null));
        } catch (IOException e) {
            return new Attempt(url, ResultClass.C, false, 0, "download failed: " + e.getMessage(), 0, "", null, null);
        }
        char[] ikmChars = ikm.get();
        char[] key = plan.key();
        boolean ece = encoding != null && encoding.equalsIgnoreCase("aes128gcm") && ikmChars != null && ikmChars.length > 0;
        String decoding = ece ? "aes128gcm" : key != null && key.length > 0 ? "aes-256-cbc" : "plain";
        byte[] profile;
        try (InputStream in = codec.decode(new ByteArrayInputStream(raw),
                new DecodeOptions(encoding, key, ikmChars == null || ikmChars.length == 0 ? null : ikmChars, MAX_PROFILE_BYTES))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(raw.length * 4 + 64, 1 << 20));
            in.transferTo(out);
            profile = out.toByteArray();
        } catch (IOException e) { // DecodeException, or a stream that ends early
            return new Attempt(url, ResultClass.B, false, 0, "corrupt profile (" + decoding + "): " + e.getMessage(),
                    raw.length, decoding, null, null);
        } finally {
            if (key != null) {
                Arrays.fill(key, '\0');
            }
            if (ikmChars != null) {
                Arrays.fill(ikmChars, '\0');
            }
        }
        if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            decoding = decoding + "+gzip";
        }
        try {
            ApplyResult applied = store.applyProfile(new ByteArrayInputStream(profile), ChangeSource.PROFILE);
            return new Attempt(url, ResultClass.A, false, 0, "applied: " + applied.summary(), raw.length, decoding, applied, null);
        } catch (ProfileException e) {
            String where = e.line() > 0 ? " at line " + e.line() + ", column " + e.column() : "";
            return new Attempt(url, ResultClass.B, false, 0, "corrupt profile" + where + ": " + e.getMessage(),
                    raw.length, decoding, null, null);
        } catch (IOException e) {
            return new Attempt(url, ResultClass.C, false, 0, "profile not applied: " + e.getMessage(), raw.length, decoding, null, null);
        }
    }
}

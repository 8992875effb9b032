package org.mppfw.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.crypto.ContentEncryptor;
import org.mppfw.api.crypto.KdfDigest;
import org.mppfw.api.provisioning.ProvisioningUrl;
import org.mppfw.api.provisioning.RuleOptions;
import org.mppfw.api.report.ReportOutcome;
import org.mppfw.api.transport.AccessDomains;
import org.mppfw.api.transport.Credentials;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.mppfw.api.transport.Transports;

/**
 * Sends one body to one target through the phone's transports: HTTP(S) with {@code method}
 * ({@code POST} or {@code PUT}), TFTP as a write. With {@code --key} the body is encrypted as
 * {@code openssl enc -aes-256-cbc -k KEY} (SHA-256 key derivation, OpenSSL's default since 1.1.0)
 * and sent as {@code application/octet-stream}; else, with an IKM, as RFC 8188 {@code aes128gcm}
 * with {@code Content-Encoding: aes128gcm}; else as it is with the given content type.
 */
final class Upload {

    /** The body and how it is labelled. */
    record Body(byte[] bytes, String contentType) {
    }

    private final Transports transports;
    private final ContentEncryptor encryptor;
    private final ParameterStore store;

    /** @param store where {@code Restricted_Access_Domains} is read at each upload, as a resync reads it */
    Upload(Transports transports, ContentEncryptor encryptor, ParameterStore store) {
        this.transports = transports;
        this.encryptor = encryptor;
        this.store = store;
    }

    private AccessDomains allowed() {
        return AccessDomains.parse(store.definition(AccessDomains.PARAMETER).isPresent()
                ? store.get(AccessDomains.PARAMETER) : null);
    }

    /** The URL as a URI ({@code http://host:port/path}); a URL without a host cannot be reported to. */
    static URI uri(ProvisioningUrl url) {
        String host = url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host();
        return URI.create(url.scheme().token() + "://" + host + ":" + url.port() + url.path());
    }

    ReportOutcome send(ProvisioningUrl url, RuleOptions options, char[] ikm, String method, Map<String, String> headers,
            Body body) {
        String target = url.toString();
        if (url.hostFromDhcp()) {
            return new ReportOutcome(target, false, "the rule names no server");
        }
        if (url.scheme() == ProvisioningUrl.Scheme.GDS) {
            return new ReportOutcome(target, false, "gds:// is not an upload target");
        }
        Credentials creds = null;
        try {
            Body sent = encrypt(body, options, ikm);
            URI uri = uri(url);
            TransportRequest.Builder b = TransportRequest.builder(uri).method(method.toUpperCase(Locale.ROOT))
                    .body(sent.bytes(), sent.contentType()).maxBytes(1 << 20).allowedDomains(allowed());
            if (sent != body && options.key() == null) {
                b.header("Content-Encoding", "aes128gcm");
            }
            headers.forEach(b::header);
            if (options.uid() != null) {
                creds = new Credentials(options.uid(), options.pwd() == null ? new char[0] : options.pwd().toCharArray());
                b.credentials(creds);
            }
            try (TransportResponse r = transports.forUri(uri).exchange(b.build()); InputStream in = r.body()) {
                in.transferTo(OutputStream.nullOutputStream());
                return new ReportOutcome(target, true, (r.status() == 0 ? "written" : "HTTP " + r.status()) + ", "
                        + sent.bytes().length + " bytes" + describe(options, sent != body));
            }
        } catch (TransportException e) {
            return new ReportOutcome(target, false, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new ReportOutcome(target, false, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (creds != null) {
                creds.wipe();
            }
        }
    }

    private static String describe(RuleOptions options, boolean encrypted) {
        return !encrypted ? "" : options.key() != null ? ", aes-256-cbc" : ", aes128gcm";
    }

    private Body encrypt(Body body, RuleOptions options, char[] ikm) throws IOException {
        boolean cbc = options.key() != null;
        boolean ece = !cbc && ikm != null && ikm.length > 0;
        if (!cbc && !ece) {
            return body;
        }
        if (encryptor == null) {
            throw new IOException("no content encryptor is running: the report is not sent in clear");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.bytes().length + 64);
        char[] key = cbc ? options.key().toCharArray() : ikm.clone();
        try (OutputStream enc = cbc ? encryptor.encryptCbc(out, key, KdfDigest.SHA256)
                : encryptor.encryptAes128gcm(out, key, "", 0)) {
            enc.write(body.bytes());
        } finally {
            Arrays.fill(key, '\0');
        }
        return new Body(out.toByteArray(), cbc ? "application/octet-stream" : body.contentType());
    }
}

package org.mppfw.discovery.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.discovery.DiscoveryException;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.mppfw.api.transport.Transports;

/** Talks to the activation server and the onboarding service through the phone's transports (http, https). */
final class ActivationServer {

    /** Answers are short: a URL, or a small redirect profile. */
    static final int MAX_ANSWER = 64 * 1024;
    private static final Pattern RULE_IN_PROFILE = Pattern.compile("<Profile_Rule(?:\\s[^>]*)?>([^<]*)</Profile_Rule>");

    private final Transports transports;

    /** @param transports the phone's transports, kept current by the owner */
    ActivationServer(Transports transports) {
        this.transports = transports;
    }

    /** The body of a 200 answer, at most {@link #MAX_ANSWER} bytes; anything else is an error naming what happened. */
    String get(URI uri) throws DiscoveryException {
        Transport t = transports.find(uri.getScheme())
                .orElseThrow(() -> new DiscoveryException("no transport for " + uri.getScheme() + "://"));
        TransportRequest req = TransportRequest.builder(uri).maxBytes(MAX_ANSWER).build();
        try (TransportResponse r = t.exchange(req); InputStream in = r.body()) {
            return new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
        } catch (TransportException e) {
            String status = e.status() == 0 ? "" : " (" + e.status() + ")";
            throw new DiscoveryException("activation server " + uri.getHost() + status + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DiscoveryException("activation server " + uri.getHost() + ": " + e.getMessage(), e);
        }
    }

    /** A URL on the first non-empty line, or the {@code Profile_Rule} of a {@code <flat-profile>}; empty for none. */
    static String provisioningUrl(String body) {
        String b = body.strip();
        if (b.startsWith("<")) {
            Matcher m = RULE_IN_PROFILE.matcher(b);
            return m.find() ? m.group(1).strip() : "";
        }
        int nl = b.indexOf('\n');
        String line = (nl < 0 ? b : b.substring(0, nl)).strip();
        return line.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f) ? line : "";
    }

    /** {@code <server>/cda/<MAC>?pn=<PN>&sn=<SN>}: remote customization's question. */
    static URI cda(String server, DeviceIdentity id) {
        return URI.create(base(server) + "/cda/" + id.mac() + "?pn=" + enc(id.model()) + "&sn=" + enc(id.serialNumber()));
    }

    /** {@code <server>/activate?code=<code>&mac=<MAC>&pn=<PN>}: an activation code, as typed. */
    static URI code(String server, String code, DeviceIdentity id) {
        return URI.create(base(server) + "/activate?code=" + enc(code) + "&mac=" + id.mac() + "&pn=" + enc(id.model()));
    }

    /** The activation server's URL without trailing slashes. */
    static String base(String url) {
        String b = url.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b;
    }

    static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}

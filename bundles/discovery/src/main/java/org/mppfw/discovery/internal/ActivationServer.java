package org.mppfw.discovery.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.discovery.ActivationCode;
import org.mppfw.api.discovery.DiscoveryException;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.mppfw.api.transport.Transports;

/**
 * Talks to the activation server and the onboarding service through the phone's transports
 * (http, https).
 *
 * <p>Their protocols are not public; the phone speaks these, which the lab server emulates:
 * {@code GET <Activation_Server_URL>/cda/<MAC>?pn=<PN>&sn=<SN>} answers 200 with a provisioning
 * URL (or a {@code <flat-profile>} holding {@code Profile_Rule}), 200 with an empty body for "no
 * service provider", anything else is an error to retry. A 16-digit code goes to the onboarding
 * service, {@code GET <Onboarding_Server_URL>/activate?code=<code>&mac=<MAC>&pn=<PN>}, and only
 * while {@code Webex_Onboard_Enable} is Yes; a short code ({@code #} and 3 to 16 digits, a CDA
 * redirection profile) to the activation server, {@code GET <Activation_Server_URL>/activate?code=...}:
 * 200 with the provisioning URL, or 403/404 for a refused code.
 */
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

    /**
     * Sends an activation code to the service it belongs to.
     *
     * @return the provisioning URL the service gave
     * @throws DiscoveryException if the code was refused, sent nowhere or the service not reached
     */
    String activate(ActivationCode code, ParameterStore store, DeviceIdentity id) throws DiscoveryException {
        String service;
        if (code.isShort()) {
            // a short code names a CDA redirection profile: Cisco's activation server
            service = "Activation_Server_URL";
        } else if (Params.yes(Params.get(store, "Webex_Onboard_Enable"))) {
            // a 16-digit code onboards the phone to the Webex cloud: the onboarding service
            service = "Onboarding_Server_URL";
        } else {
            throw new DiscoveryException("16-digit activation codes onboard to Webex, which Webex_Onboard_Enable = No turns off");
        }
        URI uri;
        try {
            uri = code(Params.get(store, service), code.toString(), id);
        } catch (IllegalArgumentException e) {
            throw new DiscoveryException(service + " is not a URL: " + e.getMessage(), e);
        }
        String url = provisioningUrl(get(uri));
        if (url.isEmpty()) {
            throw new DiscoveryException("the activation server gave no provisioning URL for this code");
        }
        return url;
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

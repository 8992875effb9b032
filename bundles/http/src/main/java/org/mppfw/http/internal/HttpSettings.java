package org.mppfw.http.internal;

import java.time.Duration;
import java.util.Objects;

import org.mppfw.api.transport.Credentials;

/**
 * What the phone's configuration says about HTTP at the moment of an exchange.
 *
 * @param userAgent   the User-Agent to send
 * @param proxy       the HTTP proxy, or null for direct connections
 * @param account     the profile account, used when a request brings no credentials; or null
 * @param tls         trust roots and the device certificate
 * @param cipherList  {@code TLS_Cipher_List} (OpenSSL syntax), empty for the JDK's defaults
 * @param readTimeout the longest silence while waiting for bytes
 */
record HttpSettings(String userAgent, ProxySettings proxy, Credentials account, TlsMaterial tls,
        String cipherList, Duration readTimeout) {

    HttpSettings {
        Objects.requireNonNull(userAgent);
        Objects.requireNonNull(tls);
        cipherList = cipherList == null ? "" : cipherList;
        Objects.requireNonNull(readTimeout);
    }

    /**
     * An HTTP proxy.
     *
     * @param host        its host
     * @param port        its port
     * @param credentials for its 407 challenges, or null
     */
    record ProxySettings(String host, int port, Credentials credentials) {
        ProxySettings {
            Objects.requireNonNull(host);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}

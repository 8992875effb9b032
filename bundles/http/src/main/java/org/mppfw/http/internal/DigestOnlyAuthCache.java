package org.mppfw.http.internal;

import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.auth.AuthScheme;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.core5.http.HttpHost;

/**
 * Remembers Digest challenges between exchanges, so that the next resync answers the server's
 * last nonce at once (a stale nonce then costs one retry). Basic is never remembered: the phone
 * sends credentials only in reply to a challenge, never up front.
 */
final class DigestOnlyAuthCache implements AuthCache {

    private final BasicAuthCache delegate = new BasicAuthCache();

    private static boolean cacheable(AuthScheme scheme) {
        return scheme != null && StandardAuthScheme.DIGEST.equalsIgnoreCase(scheme.getName());
    }

    @Override
    public void put(HttpHost host, AuthScheme scheme) {
        if (cacheable(scheme)) {
            delegate.put(host, scheme);
        }
    }

    @Override
    public void put(HttpHost host, String pathPrefix, AuthScheme scheme) {
        if (cacheable(scheme)) {
            delegate.put(host, pathPrefix, scheme);
        }
    }

    @Override
    public AuthScheme get(HttpHost host) {
        return delegate.get(host);
    }

    @Override
    public AuthScheme get(HttpHost host, String pathPrefix) {
        return delegate.get(host, pathPrefix);
    }

    @Override
    public void remove(HttpHost host) {
        delegate.remove(host);
    }

    @Override
    public void remove(HttpHost host, String pathPrefix) {
        delegate.remove(host, pathPrefix);
    }

    @Override
    public void clear() {
        delegate.clear();
    }
}

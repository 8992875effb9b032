package org.mppfw.provisioning.internal.fetch;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

import org.mppfw.api.transport.Credentials;

/**
 * One download a rule decided on: the URL after macro expansion and defaults, and the rule's
 * options. {@link #toString()} shows no secret.
 *
 * @param uri         what to fetch (scheme, host, port, path and query all resolved)
 * @param key         the {@code --key} secret for AES-256-CBC, or null
 * @param credentials {@code --uid}/{@code --pwd}, else the profile account, or null
 * @param postBody    the body of an HTTP POST ({@code --post}), or null for GET
 */
public record FetchPlan(URI uri, char[] key, Credentials credentials, byte[] postBody, String tlsName) {

    public FetchPlan {
        Objects.requireNonNull(uri, "uri");
        key = key == null ? null : key.clone();
        postBody = postBody == null ? null : postBody.clone();
    }

    /** A plan whose server's certificate must name the URL's host. */
    public FetchPlan(URI uri, char[] key, Credentials credentials, byte[] postBody) {
        this(uri, key, credentials, postBody, null);
    }

    /** A plain GET. */
    public static FetchPlan get(URI uri) {
        return new FetchPlan(uri, null, null, null);
    }

    @Override
    public char[] key() {
        return key == null ? null : key.clone();
    }

    @Override
    public byte[] postBody() {
        return postBody == null ? null : postBody.clone();
    }

    /** Overwrites the key held here. */
    public void wipe() {
        if (key != null) {
            Arrays.fill(key, '\0');
        }
        if (credentials != null) {
            credentials.wipe();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FetchPlan p && uri.equals(p.uri) && Arrays.equals(key, p.key)
                && Objects.equals(credentials == null ? null : credentials.user(), p.credentials == null ? null : p.credentials.user())
                && Arrays.equals(postBody, p.postBody);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public String toString() {
        return (postBody != null ? "POST " : "GET ") + uri + (key != null ? " [--key ***]" : "")
                + (credentials != null ? " [--uid " + credentials.user() + " --pwd ***]" : "");
    }
}

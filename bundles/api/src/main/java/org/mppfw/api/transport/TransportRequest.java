package org.mppfw.api.transport;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What to fetch or send, built with {@link #get(URI)} or {@link #builder(URI)}. */
public final class TransportRequest {

    /** Default cap on a response body: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;

    private final URI uri;
    private final String method;
    private final byte[] body;
    private final String contentType;
    private final Credentials credentials;
    private final Map<String, String> headers;
    private final long maxBytes;
    private final long resumeFrom;
    private final Duration connectTimeout;
    private final Duration deadline;
    private final ProgressListener progress;
    private final String tlsName;
    private final AccessDomains allowedDomains;

    private TransportRequest(Builder b) {
        this.uri = b.uri;
        this.method = b.method;
        this.body = b.body;
        this.contentType = b.contentType;
        this.credentials = b.credentials;
        this.headers = Map.copyOf(b.headers);
        this.maxBytes = b.maxBytes;
        this.resumeFrom = b.resumeFrom;
        this.connectTimeout = b.connectTimeout;
        this.deadline = b.deadline;
        this.progress = b.progress;
        this.tlsName = b.tlsName;
        this.allowedDomains = b.allowedDomains;
    }

    public static TransportRequest get(URI uri) {
        return builder(uri).build();
    }

    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    public URI uri() { return uri; }

    /** {@code GET}, {@code POST} or {@code PUT} (TFTP: GET reads, PUT and POST write). */
    public String method() { return method; }

    /** The body to send, or null. */
    public byte[] body() { return body == null ? null : body.clone(); }

    public String contentType() { return contentType; }

    public Optional<Credentials> credentials() { return Optional.ofNullable(credentials); }

    /** Extra request headers (HTTP only). */
    public Map<String, String> headers() { return headers; }

    /** Bytes at most in the response body; more is a class C failure. */
    public long maxBytes() { return maxBytes; }

    /** Byte offset to resume from (HTTP Range), or 0. */
    public long resumeFrom() { return resumeFrom; }

    public Duration connectTimeout() { return connectTimeout; }

    /** The whole transfer must end within this time. */
    public Duration deadline() { return deadline; }

    public ProgressListener progress() { return progress; }

    /**
     * The name the server's TLS certificate must hold when it is not the URL's host: for a
     * server found by DNS SRV, the domain that was looked up. Applies to the URL's own host only,
     * not to a host a redirect leads to.
     *
     * @since 1.2
     */
    public Optional<String> tlsName() { return Optional.ofNullable(tlsName); }

    /**
     * The servers this request may contact ({@code Restricted_Access_Domains}): the transport
     * checks the URL's host and every host a redirect leads to, and refuses the others before
     * contacting them. {@link AccessDomains#ANY} unless the caller set it.
     *
     * @since 1.4
     */
    public AccessDomains allowedDomains() { return allowedDomains; }

    public Builder toBuilder() {
        Builder b = new Builder(uri).method(method).contentType(contentType).maxBytes(maxBytes)
                .resumeFrom(resumeFrom).connectTimeout(connectTimeout).deadline(deadline).progress(progress);
        b.body = body;
        b.credentials = credentials;
        b.headers.putAll(headers);
        b.tlsName = tlsName;
        b.allowedDomains = allowedDomains;
        return b;
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }

    /** Builds a {@link TransportRequest}. */
    public static final class Builder {
        private final URI uri;
        private String method = "GET";
        private byte[] body;
        private String contentType;
        private Credentials credentials;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private long maxBytes = DEFAULT_MAX_BYTES;
        private long resumeFrom;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration deadline = Duration.ofMinutes(5);
        private ProgressListener progress = ProgressListener.NONE;
        private String tlsName;
        private AccessDomains allowedDomains = AccessDomains.ANY;

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        public Builder method(String method) { this.method = Objects.requireNonNull(method); return this; }

        public Builder body(byte[] body, String contentType) {
            this.body = body == null ? null : body.clone();
            this.contentType = contentType;
            return this;
        }

        public Builder contentType(String contentType) { this.contentType = contentType; return this; }

        public Builder credentials(Credentials credentials) { this.credentials = credentials; return this; }

        public Builder header(String name, String value) { headers.put(name, value); return this; }

        public Builder maxBytes(long maxBytes) { this.maxBytes = maxBytes; return this; }

        public Builder resumeFrom(long offset) { this.resumeFrom = offset; return this; }

        public Builder connectTimeout(Duration timeout) { this.connectTimeout = Objects.requireNonNull(timeout); return this; }

        public Builder deadline(Duration deadline) { this.deadline = Objects.requireNonNull(deadline); return this; }

        public Builder progress(ProgressListener progress) { this.progress = Objects.requireNonNull(progress); return this; }

        /** @see TransportRequest#tlsName() */
        public Builder tlsName(String name) { this.tlsName = name == null || name.isBlank() ? null : name; return this; }

        /** @see TransportRequest#allowedDomains() */
        public Builder allowedDomains(AccessDomains domains) {
            this.allowedDomains = domains == null ? AccessDomains.ANY : domains;
            return this;
        }

        public TransportRequest build() {
            return new TransportRequest(this);
        }
    }
}

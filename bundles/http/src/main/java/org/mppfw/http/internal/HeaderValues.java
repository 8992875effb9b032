package org.mppfw.http.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parsers of the response header values the layers above use. Input is untrusted. */
final class HeaderValues {

    /** The longest Retry-After honoured: a server cannot park the phone for more than a day. */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private HeaderValues() {
    }

    /**
     * {@code Retry-After}: delta-seconds or an HTTP-date (RFC 9110 §10.2.3), relative to {@code now};
     * clamped to 0..{@link #MAX_RETRY_AFTER}.
     */
    static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.isEmpty() || v.length() > 64) {
            return Optional.empty();
        }
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (v.length() > 9) {
                return Optional.of(MAX_RETRY_AFTER);
            }
            return Optional.of(clamp(Duration.ofSeconds(Long.parseLong(v))));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(clamp(Duration.between(now, at)));
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Duration clamp(Duration d) {
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    /** A {@code Content-Range: bytes first-last/total} (total may be {@code *}). */
    record ContentRange(long first, long last, long total) {
    }

    /** Parses {@code bytes first-last/total}; empty for anything else, including {@code bytes * /total}. */
    static Optional<ContentRange> contentRange(String value) {
        if (value == null || value.length() > 100) {
            return Optional.empty();
        }
        String v = value.trim();
        if (!v.regionMatches(true, 0, "bytes ", 0, 6)) {
            return Optional.empty();
        }
        v = v.substring(6).trim();
        int dash = v.indexOf('-');
        int slash = v.indexOf('/');
        if (dash <= 0 || slash < dash + 2) {
            return Optional.empty();
        }
        long first = number(v.substring(0, dash));
        long last = number(v.substring(dash + 1, slash));
        String t = v.substring(slash + 1);
        long total = "*".equals(t) ? -1 : number(t);
        if (first < 0 || last < first || (total != -1 && (total < 0 || last >= total)) || t.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ContentRange(first, last, total));
    }

    private static long number(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -2;
        }
        return Long.parseLong(s);
    }
}

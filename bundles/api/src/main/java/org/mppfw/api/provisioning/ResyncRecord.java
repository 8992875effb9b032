package org.mppfw.api.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.mppfw.api.transport.ResultClass;

/**
 * One resync attempt, as kept for the operator: every step's outcome, not only "failed". Holds
 * no secret: URLs carry no credentials and messages never quote keys or passwords.
 *
 * @param started  when it began
 * @param ended    when it ended
 * @param reason   why it ran: {@code explicit}, {@code power-up}, {@code periodic}, {@code retry}
 * @param rule     the rule that ended it ({@code Profile_Rule}, ..., or {@code request} for an
 *                 explicit rule), or empty when no rule had anything to do
 * @param url      the URL of that rule after macro expansion, or empty
 * @param result   A, B or C of the whole attempt
 * @param message  one line: what happened (what {@code $ERR} expands to)
 * @param decoding how the last profile was decoded ({@code plain}, {@code aes-256-cbc},
 *                 {@code aes128gcm}, with {@code +gzip}), or empty
 * @param changed  the parameters the attempt changed, over all rules
 * @param rejected the parameters refused, with the reason, over all rules
 * @param steps    one line for each rule that fetched something, in order: the rule, the URL,
 *                 the result class, the decoding, the bytes and what applying did
 * @param status   the HTTP status or TFTP error code that ended a failed attempt ({@code 401} when
 *                 the server wants credentials), 0 when none (since 1.1)
 */
public record ResyncRecord(Instant started, Instant ended, String reason, String rule, String url,
        ResultClass result, String message, String decoding, List<String> changed, List<String> rejected,
        List<String> steps, int status) {

    public ResyncRecord {
        Objects.requireNonNull(started);
        Objects.requireNonNull(ended);
        Objects.requireNonNull(result);
        changed = List.copyOf(new java.util.LinkedHashSet<>(changed));
        rejected = List.copyOf(rejected);
        steps = List.copyOf(steps);
    }

    /** A record without a status code, as in 1.0. */
    public ResyncRecord(Instant started, Instant ended, String reason, String rule, String url, ResultClass result,
            String message, String decoding, List<String> changed, List<String> rejected, List<String> steps) {
        this(started, ended, reason, rule, url, result, message, decoding, changed, rejected, steps, 0);
    }

    /** Whether a server asked for credentials that the phone did not have (HTTP 401 at the end). */
    public boolean unauthorized() {
        return !success() && status == 401;
    }

    /** True for class A. */
    public boolean success() {
        return result == ResultClass.A;
    }
}

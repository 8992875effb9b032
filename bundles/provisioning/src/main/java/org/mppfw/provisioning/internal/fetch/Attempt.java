package org.mppfw.provisioning.internal.fetch;

import java.time.Duration;
import java.util.Optional;

import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.transport.ResultClass;

/**
 * What one download-and-apply did, for the status record, the history and the {@code Log_*}
 * messages: every step's outcome, so that an operator sees more than "Resync failed".
 *
 * @param url         the URL as fetched, without credentials
 * @param resultClass A, B or C as in the phone's status table
 * @param fileNotFound true for a 404 or TFTP error 1 (what {@code Resync_Fails_On_FNF} decides on)
 * @param status      HTTP status or TFTP error code, 0 when none
 * @param message     one line for {@code $ERR}: what happened (never a secret)
 * @param bytes       bytes received before decoding
 * @param decoding    how the body was decoded ({@code plain}, {@code aes-256-cbc}, {@code aes128gcm},
 *                    each {@code +gzip} when compressed), or empty before decoding
 * @param applied     what applying did, when the profile was applied
 * @param retryAfter  the delay a server asked for (503 {@code Retry-After}), or null
 */
public record Attempt(String url, ResultClass resultClass, boolean fileNotFound, int status, String message,
        long bytes, String decoding, ApplyResult applied, Duration retryAfter) {

    /** True for class A. */
    public boolean success() {
        return resultClass == ResultClass.A;
    }

    public Optional<ApplyResult> applyResult() {
        return Optional.ofNullable(applied);
    }
}

package org.mppfw.provisioning.internal;

import org.mppfw.api.transport.ResultClass;
import org.mppfw.provisioning.internal.fetch.Attempt;

/**
 * What one rule of an attempt did.
 *
 * @param attempt the download, or null when the rule failed before one
 */
record Step(boolean passed, ResultClass resultClass, String url, String message, Attempt attempt) {

    /** {@code Profile_Rule_B https://host:443/x.xml: A, aes-256-cbc+gzip, 812 bytes: applied: ...}. */
    String describe(String rule) {
        StringBuilder b = new StringBuilder(rule).append(' ').append(url.isEmpty() ? "-" : url).append(": ")
                .append(passed ? "A" : "class " + resultClass);
        if (attempt != null && !attempt.decoding().isEmpty()) {
            b.append(", ").append(attempt.decoding()).append(", ").append(attempt.bytes()).append(" bytes");
        }
        String m = message.startsWith(rule + ": ") ? message.substring(rule.length() + 2) : message;
        return b.append(": ").append(m).toString();
    }
}

package org.mppfw.http.internal;

import org.mppfw.api.transport.ResultClass;

/** The phone's table of HTTP status codes on resync and upgrade. */
final class StatusPolicy {

    /** What the client does with a status. */
    enum Action {
        /** 2xx: class A. */
        SUCCESS,
        /** 301, 302: retry at once at the new location. */
        REDIRECT,
        /** 401, 407: retry at once with credentials (at most twice). */
        AUTHENTICATE,
        /** 404: class B. */
        FAIL_B,
        /** Everything else: class C. */
        FAIL_C
    }

    /** Redirects followed at most in one exchange (the reference leaves the limit open: 5). */
    static final int MAX_REDIRECTS = 5;
    /** Authentication retries at most in one exchange, per the table. */
    static final int MAX_AUTH_RETRIES = 2;

    private StatusPolicy() {
    }

    static Action action(int status) {
        if (status >= 200 && status < 300) {
            return Action.SUCCESS;
        }
        switch (status) {
            case 301:
            case 302:
                return Action.REDIRECT;
            case 401:
            case 407:
                return Action.AUTHENTICATE;
            case 404:
                return Action.FAIL_B;
            default:
                return Action.FAIL_C;
        }
    }

    /** The result class of a final status (after redirects and retries). */
    static ResultClass resultClass(int status) {
        Action a = action(status);
        return a == Action.SUCCESS ? ResultClass.A : a == Action.FAIL_B ? ResultClass.B : ResultClass.C;
    }
}

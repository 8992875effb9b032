package org.mppfw.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mppfw.api.transport.ResultClass;

/**
 * Every status code from 100 to 599 against the phone's table: 2xx A; 301/302 followed; 401/407
 * answered with credentials; 404 B; everything else (other 3xx, 400, 403, other 4xx, 5xx) C. The
 * real servers of the other tests show each row on the wire.
 */
class StatusPolicyTest {

    @Test
    void everyCodeFollowsTheTable() {
        for (int code = 100; code <= 599; code++) {
            StatusPolicy.Action expected;
            if (code >= 200 && code <= 299) {
                expected = StatusPolicy.Action.SUCCESS;
            } else if (code == 301 || code == 302) {
                expected = StatusPolicy.Action.REDIRECT;
            } else if (code == 401 || code == 407) {
                expected = StatusPolicy.Action.AUTHENTICATE;
            } else if (code == 404) {
                expected = StatusPolicy.Action.FAIL_B;
            } else {
                expected = StatusPolicy.Action.FAIL_C;
            }
            assertEquals(expected, StatusPolicy.action(code), "status " + code);
        }
    }

    @Test
    void finalStatusesMapToResultClasses() {
        assertEquals(ResultClass.A, StatusPolicy.resultClass(200));
        assertEquals(ResultClass.A, StatusPolicy.resultClass(206));
        assertEquals(ResultClass.B, StatusPolicy.resultClass(404));
        for (int code : new int[] {300, 301, 302, 303, 307, 308, 400, 401, 403, 407, 410, 500, 503, 599}) {
            // a 301/302 or 401/407 that is still the answer after the retries is a failure
            assertEquals(ResultClass.C, StatusPolicy.resultClass(code), "status " + code);
        }
    }

    @Test
    void limitsOfTheTable() {
        assertEquals(5, StatusPolicy.MAX_REDIRECTS);
        assertEquals(2, StatusPolicy.MAX_AUTH_RETRIES);
    }
}

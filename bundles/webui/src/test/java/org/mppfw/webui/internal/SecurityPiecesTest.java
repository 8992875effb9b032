package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Escaping, the password comparison and the sessions. */
class SecurityPiecesTest {

    @Test
    void escapingLeavesNoMarkup() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;", Html.esc("<script>alert(\"x\")</script> & '"));
        assertEquals("a&#xFFFD;b", Html.esc("a\u0000b"));
        assertEquals("", Html.esc(null));
    }

    @Test
    void passwordsCompareWholeValues() {
        assertTrue(Passwords.matches("s3cret", "s3cret"));
        assertFalse(Passwords.matches("s3cre", "s3cret"));
        assertFalse(Passwords.matches("s3cret-and-more", "s3cret"));
        assertFalse(Passwords.matches(null, "s3cret"));
        assertTrue(Passwords.matches(null, ""));
        assertTrue(Passwords.matches("", ""));
    }

    @Test
    void sessionsHaveRandomTokensAndEndWhenIdle() {
        AtomicLong now = new AtomicLong();
        Sessions sessions = new Sessions(now::get);
        Sessions.Session a = sessions.create(Role.ADMIN);
        Sessions.Session b = sessions.create(Role.USER);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.id(), a.csrf());
        assertTrue(a.id().length() >= 43, "256 random bits");
        assertEquals(Role.ADMIN, sessions.find(a.id()).orElseThrow().role());
        assertTrue(sessions.find("guess").isEmpty());
        assertTrue(sessions.find(null).isEmpty());

        now.addAndGet(TimeUnit.MINUTES.toNanos(Sessions.IDLE_MINUTES - 1));
        assertTrue(sessions.find(a.id()).isPresent(), "a request restarts the idle time");
        now.addAndGet(TimeUnit.MINUTES.toNanos(Sessions.IDLE_MINUTES - 1));
        assertTrue(sessions.find(a.id()).isPresent());
        assertTrue(sessions.find(b.id()).isEmpty(), "idle too long");

        sessions.end(a.id());
        assertTrue(sessions.find(a.id()).isEmpty());
        Sessions.Session c = sessions.create(Role.USER);
        sessions.endAll();
        assertTrue(sessions.find(c.id()).isEmpty());
    }

    @Test
    void sessionsAreBounded() {
        Sessions sessions = new Sessions(System::nanoTime);
        Sessions.Session first = sessions.create(Role.USER);
        for (int i = 0; i < Sessions.MAX_SESSIONS; i++) {
            sessions.create(Role.USER);
        }
        assertEquals(Sessions.MAX_SESSIONS, sessions.count());
        assertTrue(sessions.find(first.id()).isEmpty(), "the least recently used went first");
    }
}

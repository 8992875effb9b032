package org.mppfw.webui.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The web sessions, in memory only: a random token (the cookie) names a session, which holds its
 * role and its CSRF token. A session ends after {@link #IDLE_MINUTES} minutes without a request, at
 * logout, when a password changes ({@link #endAll()}), and when the bundle stops.
 */
final class Sessions {

    static final long IDLE_MINUTES = 15;
    /** Sessions kept at most; the least recently used is ended first. */
    static final int MAX_SESSIONS = 16;

    /** One logged-in browser. */
    record Session(String id, Role role, String csrf) {
    }

    private record Entry(Session session, long lastSeen) {
    }

    private final SecureRandom random = new SecureRandom();
    private final LongSupplier nanos;
    private final Map<String, Entry> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    Sessions(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** A new session for a role. */
    synchronized Session create(Role role) {
        Session s = new Session(token(), role, token());
        sessions.put(s.id(), new Entry(s, nanos.getAsLong()));
        return s;
    }

    /** The live session of a token, its idle time restarted. */
    synchronized Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        expire();
        Entry e = sessions.get(id);
        if (e == null) {
            return Optional.empty();
        }
        sessions.put(id, new Entry(e.session(), nanos.getAsLong()));
        return Optional.of(e.session());
    }

    /** The live session of a token, its idle time left as it is (a page polling by itself). */
    synchronized Optional<Session> peek(String id) {
        expire();
        return Optional.ofNullable(id == null ? null : sessions.get(id)).map(Entry::session);
    }

    synchronized void end(String id) {
        sessions.remove(id);
    }

    synchronized void endAll() {
        sessions.clear();
    }

    synchronized int count() {
        expire();
        return sessions.size();
    }

    private void expire() {
        long now = nanos.getAsLong();
        long idle = TimeUnit.MINUTES.toNanos(IDLE_MINUTES);
        for (Iterator<Entry> it = sessions.values().iterator(); it.hasNext();) {
            if (now - it.next().lastSeen() > idle) {
                it.remove();
            }
        }
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

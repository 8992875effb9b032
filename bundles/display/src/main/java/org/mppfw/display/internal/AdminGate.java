package org.mppfw.display.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.display.Screen;
import org.mppfw.api.keypad.Key;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the phone screen is, and the admin password in front of the admin pages.
 *
 * <p>With {@code Phone-UI-User-Mode} = Yes the screen is the User: the menus honour the
 * parameters' {@code ua} and write as {@link ChangeSource#USER}. Otherwise (the factory
 * setting) the screen is the Admin: {@code ua} does not apply and the menus write as
 * {@link ChangeSource#ADMIN}; once {@code Admin_Password} is set, the admin pages
 * ({@link Pages#ADMIN_PAGES}) open only after it is typed on the password page, whose field
 * shows one {@code *} a character. Only this object holds what is typed, and only until it is
 * checked; the password never reaches the screen model, the screen file or a log.
 *
 * <p>An accepted password opens a session that ends when the screen leaves the admin pages, or
 * {@link #SESSION} after the last key pressed on them (read from the clock when the next key
 * comes: no timer runs). Wrong entries in a row beyond {@link #FREE_TRIES} make the page refuse
 * the next entry for a wait that starts at {@link #FIRST_WAIT} and doubles up to
 * {@link #MAX_WAIT}; an entry during the wait is not checked. Driven by {@link Menus}, under its
 * lock.
 */
final class AdminGate {

    private static final Logger LOG = LoggerFactory.getLogger(AdminGate.class);

    /** How long an admin session lasts after its last key. */
    static final Duration SESSION = Duration.ofMinutes(5);
    /** Wrong entries in a row that cost no wait. */
    static final int FREE_TRIES = 2;
    /** The wait after the first wrong entry beyond the free ones. */
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    /** The longest wait. */
    static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private final DisplayService display;
    private final Clock clock;
    private final ParameterStore store;
    private final MultiTap tap;
    /** What is typed on the password page. */
    private char[] typed = new char[0];
    /** When the session ends, or null when none is open. */
    private Instant sessionEnd;
    private int failures;
    private Instant waitEnd = Instant.MIN;

    AdminGate(DisplayService display, Clock clock, ParameterStore store, MultiTap tap) {
        this.display = display;
        this.clock = clock;
        this.store = store;
        this.tap = tap;
    }

    /** Whether the screen is the User ({@code Phone-UI-User-Mode} = Yes), so that {@code ua} applies. */
    boolean userMode() {
        return yes(store, "Phone-UI-User-Mode", false);
    }

    /** Who a change made on the screen is made by. */
    ChangeSource source() {
        return userMode() ? ChangeSource.USER : ChangeSource.ADMIN;
    }

    /**
     * Whether a key may act on a page now: always, unless the page is an admin page, the screen
     * is the Admin and a password is set; then only in an open session, which the key prolongs.
     */
    boolean admits(String page) {
        if (!Pages.ADMIN_PAGES.contains(page) || !passwordSet()) {
            return true;
        }
        Instant now = clock.now();
        if (sessionEnd != null && now.isBefore(sessionEnd)) {
            sessionEnd = now.plus(SESSION);
            return true;
        }
        sessionEnd = null;
        return false;
    }

    /** Shows the password page, empty. */
    void ask() {
        wipe();
        tap.reset();
        display.show(Pages.adminPassword(0, MultiTap.MODE_ABC, null));
    }

    /** Ends the session and forgets what was typed once the screen is off the admin pages. */
    void shown(String page) {
        if (!Pages.ADMIN_PAGES.contains(page) && !page.equals(Pages.ADMIN_PASSWORD)) {
            sessionEnd = null;
            wipe();
        }
    }

    /** A key on the password page: OK checks, Delete, the mode, Cancel goes back to Settings. */
    void key(Screen s, Key key) {
        String mode = s.softKeys().get(2);
        if (typed.length != s.input().length()) {
            wipe(); // a display that came back: what was typed before is gone
        }
        switch (key) {
            case SOFT4, BACK -> {
                wipe();
                tap.reset();
                display.show(Pages.menu(Pages.SETTINGS, 0));
            }
            case SOFT3 -> display.show(Pages.adminPassword(typed.length,
                    mode.equals(MultiTap.MODE_ABC) ? MultiTap.MODE_123 : MultiTap.MODE_ABC, null));
            case SOFT1, SELECT -> submit(mode);
            default -> {
                String text = tap.apply(new String(typed), key == Key.SOFT2 ? Key.LEFT : key, mode, clock.now());
                if (text != null) {
                    char[] old = typed;
                    typed = text.toCharArray();
                    Arrays.fill(old, '\0');
                    display.show(Pages.adminPassword(typed.length, mode, null));
                }
            }
        }
    }

    private void submit(String mode) {
        tap.reset();
        if (typed.length == 0) {
            display.show(Pages.adminPassword(0, mode, null));
            return;
        }
        Instant now = clock.now();
        if (now.isBefore(waitEnd)) {
            wipe();
            display.show(Pages.adminPassword(0, mode, "Too many wrong passwords: try again in "
                    + seconds(Duration.between(now, waitEnd)) + " s"));
            return;
        }
        boolean right = matches(typed);
        wipe();
        if (right) {
            failures = 0;
            waitEnd = Instant.MIN;
            sessionEnd = now.plus(SESSION);
            LOG.info("keypad: admin password accepted");
            display.show(Pages.menu(Pages.DEVICE_ADMIN, 0));
            return;
        }
        failures++;
        Duration wait = waitAfter(failures);
        waitEnd = now.plus(wait);
        LOG.info("keypad: wrong admin password ({} in a row)", failures);
        display.show(Pages.adminPassword(0, mode, wait.isZero() ? "Wrong password: try again"
                : "Wrong password: try again in " + seconds(wait) + " s"));
    }

    /** The wait before the next entry after some wrong entries in a row. */
    static Duration waitAfter(int failures) {
        if (failures <= FREE_TRIES) {
            return Duration.ZERO;
        }
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(failures - FREE_TRIES - 1, 16));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private static long seconds(Duration d) {
        return d.plusMillis(999).toSeconds();
    }

    private boolean passwordSet() {
        return !userMode() && !adminPassword().isEmpty();
    }

    private String adminPassword() {
        try {
            return store.get("Admin_Password");
        } catch (RuntimeException e) {
            return ""; // a catalog without it has no password to ask for
        }
    }

    /** Compares in a time that does not depend on where the entry differs. */
    private boolean matches(char[] entry) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(entry));
        byte[] given = new byte[b.remaining()];
        b.get(given);
        Arrays.fill(b.array(), (byte) 0);
        boolean same = MessageDigest.isEqual(given, adminPassword().getBytes(StandardCharsets.UTF_8));
        Arrays.fill(given, (byte) 0);
        return same;
    }

    private void wipe() {
        Arrays.fill(typed, '\0');
        typed = new char[0];
    }

    /** Whether a Yes/No parameter is Yes; {@code unknown} for a parameter the catalog lacks. */
    static boolean yes(ParameterStore store, String name, boolean unknown) {
        try {
            return "yes".equalsIgnoreCase(store.get(name).trim());
        } catch (RuntimeException e) {
            return unknown;
        }
    }
}

package org.mppfw.webui.internal;

import org.mppfw.api.config.ParameterStore;

/**
 * Whether a web session's clicks on Info &gt; Phone Screen press the phone's keys. The admin's
 * always do. A user's do once the phone screen guards its admin pages: {@code Admin_Password} is
 * set (the screen asks for it in front of Device administration) or {@code Phone-UI-User-Mode} is
 * Yes (the screen is the User, held to {@code ua}); or when the admin could log in from the
 * client's address anyway (loopback, while no admin password is set). Otherwise the phone screen
 * acts as the admin without a password, and a user login, which answers on every address, would
 * be an admin login in disguise: the user then sees the screen with its keys off.
 */
final class LcdAccess {

    static final String USER_MODE = "Phone-UI-User-Mode";
    static final String CLOSED = "The keys are off for the user login: while no Admin_Password is set and"
            + " Phone-UI-User-Mode is No, the phone screen acts as the admin without asking a password.";

    private LcdAccess() {
    }

    /**
     * @param adminFromHere whether the admin login is open to this client now
     */
    static boolean keys(Role role, ParameterStore store, boolean adminFromHere) {
        return role == Role.ADMIN || adminFromHere || !get(store, Login.ADMIN_PASSWORD).isEmpty()
                || "Yes".equalsIgnoreCase(get(store, USER_MODE).trim());
    }

    private static String get(ParameterStore store, String name) {
        try {
            return store.get(name);
        } catch (RuntimeException e) {
            return ""; // a catalog without it: the stricter reading
        }
    }
}

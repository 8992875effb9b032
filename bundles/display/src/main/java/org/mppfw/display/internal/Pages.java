package org.mppfw.display.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mppfw.api.display.Screen;

/**
 * The pages of the phone's menus, by title. A page is its {@link Screen}: the menus keep no
 * state of their own beyond it, so a display that comes back shows and drives the same page.
 * A screen that carries a menu's or an editor's title but neither a menu nor an input field is
 * a message shown in that page's place; leaving it goes back to the page (or its parent).
 */
final class Pages {

    static final String SETTINGS = "Settings";
    static final String STATUS = "Status";
    static final String PHONE_STATUS = "Phone status";
    static final String PRODUCT_INFO = "Product information";
    static final String PROVISIONING = "Provisioning status";
    static final String UPGRADE = "Firmware upgrade";
    static final String DEVICE_ADMIN = "Device administration";
    static final String PROFILE_RULE = "Profile rule";
    static final String FACTORY_RESET = "Factory reset";
    static final String PROFILE_ACCOUNT = "Profile account";
    static final String ACTIVATION = "Activation code";
    static final String ADMIN_PASSWORD = "Admin password";

    /** The pages behind the admin password, messages in their place included. */
    static final Set<String> ADMIN_PAGES = Set.of(DEVICE_ADMIN, PROFILE_RULE, FACTORY_RESET);

    /** The items of each menu. */
    static final Map<String, List<String>> MENUS = Map.of(
            SETTINGS, List.of(STATUS, DEVICE_ADMIN),
            STATUS, List.of(PHONE_STATUS, PRODUCT_INFO),
            PHONE_STATUS, List.of("Provisioning", UPGRADE),
            DEVICE_ADMIN, List.of(PROFILE_RULE, "Resync", FACTORY_RESET));

    /** Where Back leads from each page; the idle screen when absent. */
    static final Map<String, String> PARENT = Map.of(
            STATUS, SETTINGS,
            PHONE_STATUS, STATUS,
            PRODUCT_INFO, STATUS,
            PROVISIONING, PHONE_STATUS,
            UPGRADE, PHONE_STATUS,
            DEVICE_ADMIN, SETTINGS,
            PROFILE_RULE, DEVICE_ADMIN,
            FACTORY_RESET, DEVICE_ADMIN,
            ADMIN_PASSWORD, SETTINGS);

    static final List<String> MENU_KEYS = List.of("Select", "Back");
    static final String RULE_PROMPT = "Enter the profile rule";
    static final String RULE_HINT = "2-9 letters, 1 . : / - _ @, * . : / $ [ ] @";
    static final String RESET_QUESTION = "Reset the phone to its factory settings?";
    static final String ACCOUNT_PROMPT = "The server asks for the profile account";
    static final String USER_PROMPT = "User name";
    static final String PASSWORD_PROMPT = "Password for ";
    static final String ADMIN_PROMPT = "Enter the admin password";
    static final String ADMIN_HINT = "Letters and digits as for the profile rule";
    static final String CODE_PROMPT = "Enter the activation code";
    static final String CODE_HINT = "16 digits, or # and 3 to 16 digits";

    private Pages() {
    }

    static Screen menu(String title, int selected) {
        return new Screen(title, MENUS.get(title), selected, MENU_KEYS, -1);
    }

    /** A message in the place of a page; Back leaves it. */
    static Screen message(String title, String... lines) {
        return new Screen(title, List.of(lines), -1, List.of("Back"), -1);
    }

    static Screen profileRule(String value, String mode, String note) {
        List<String> lines = note == null ? List.of(RULE_PROMPT, RULE_HINT) : List.of(RULE_PROMPT, note);
        return new Screen(PROFILE_RULE, lines, -1, List.of("Resync", "Save", "Delete", mode), -1, List.of(), value);
    }

    static Screen resetQuestion() {
        return new Screen(FACTORY_RESET, List.of(RESET_QUESTION, "Every setting goes back to its default."), -1,
                List.of("OK", "Cancel"), -1);
    }

    static Screen accountUser(String user, String mode) {
        return new Screen(PROFILE_ACCOUNT, List.of(ACCOUNT_PROMPT, USER_PROMPT), -1,
                List.of("OK", "Delete", mode, "Cancel"), -1, List.of(), user);
    }

    /** The password stage: the field shows one {@code *} a character, never the password. */
    static Screen accountPassword(String user, int typed, String mode) {
        return new Screen(PROFILE_ACCOUNT, List.of(ACCOUNT_PROMPT, PASSWORD_PROMPT + user), -1,
                List.of("OK", "Delete", mode, "Cancel"), -1, List.of(), "*".repeat(typed));
    }

    /** The admin password page: the field shows one {@code *} a character, never the password. */
    static Screen adminPassword(int typed, String mode, String note) {
        return new Screen(ADMIN_PASSWORD, List.of(ADMIN_PROMPT, note == null ? ADMIN_HINT : note), -1,
                List.of("OK", "Delete", mode, "Cancel"), -1, List.of(), "*".repeat(typed));
    }

    static Screen activation(String typed, String note) {
        return new Screen(ACTIVATION, List.of(CODE_PROMPT, note == null ? CODE_HINT : note), -1,
                List.of("Submit", "Delete"), -1, List.of(), typed);
    }

    /** Whether a screen is an editor's input page (not a message in its place). */
    static boolean editing(Screen s) {
        return s.input() != null;
    }
}

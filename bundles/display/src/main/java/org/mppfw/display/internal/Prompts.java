package org.mppfw.display.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.discovery.ActivationCode;
import org.mppfw.api.discovery.ActivationCodeListener;
import org.mppfw.api.display.Screen;
import org.mppfw.api.keypad.Key;
import org.mppfw.api.provisioning.Provisioning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two prompts the phone raises by itself: the profile account (user name, then a password
 * that only this object holds, the field showing one {@code *} a character) after a 401, and the
 * activation code while {@link ProvisioningScreens} asks for it ({@code Profile_Rule} {@code gds://},
 * or remote customization awaiting a code), handed to every
 * {@link ActivationCodeListener}. Driven by {@link Menus}, under its lock.
 */
final class Prompts {

    private static final Logger LOG = LoggerFactory.getLogger(Prompts.class);

    final List<ActivationCodeListener> listeners = new CopyOnWriteArrayList<>();
    private final DisplayService display;
    private final Clock clock;
    private final Provisioning engine;
    private final ProvisioningScreens home;
    private final MultiTap tap;
    /** The password being typed on the profile-account screen. */
    private char[] password = new char[0];

    Prompts(DisplayService display, Clock clock, Provisioning engine, ProvisioningScreens home, MultiTap tap) {
        this.display = display;
        this.clock = clock;
        this.engine = engine;
        this.home = home;
        this.tap = tap;
    }

    // ---- profile account -----------------------------------------------------------------------

    void account(Screen s, Key key) {
        String mode = s.softKeys().get(2);
        boolean passwordStage = s.lines().get(1).startsWith(Pages.PASSWORD_PROMPT);
        if (key == Key.SOFT4 || key == Key.BACK) {
            wipe();
            home.dismissAccount();
            return;
        }
        if (key == Key.SOFT3) {
            String other = mode.equals(MultiTap.MODE_ABC) ? MultiTap.MODE_123 : MultiTap.MODE_ABC;
            display.show(passwordStage ? Pages.accountPassword(user(s), password.length, other)
                    : Pages.accountUser(s.input(), other));
            return;
        }
        if (!passwordStage) {
            if (key == Key.SOFT1 || key == Key.SELECT) {
                if (!s.input().isEmpty()) {
                    tap.reset();
                    wipe();
                    display.show(Pages.accountPassword(s.input(), 0, mode));
                }
                return;
            }
            String text = tap.apply(s.input(), key == Key.SOFT2 ? Key.LEFT : key, mode, clock.now());
            if (text != null) {
                display.show(Pages.accountUser(text, mode));
            }
            return;
        }
        if (password.length != s.input().length()) {
            wipe(); // a display that came back: the password typed before is gone
        }
        if (key == Key.SOFT1 || key == Key.SELECT) {
            engine.profileAccount(user(s), password);
            wipe();
            tap.reset();
            LOG.info("profile account entered for user {}", user(s));
            if (!engine.resync()) {
                display.show(Pages.message("", "Provisioning is disabled", "Provision_Enable is No"));
            } else {
                home.home();
            }
            return;
        }
        String typed = tap.apply(new String(password), key == Key.SOFT2 ? Key.LEFT : key, mode, clock.now());
        if (typed != null) {
            char[] old = password;
            password = typed.toCharArray();
            Arrays.fill(old, '\0');
            display.show(Pages.accountPassword(user(s), password.length, mode));
        }
    }

    private static String user(Screen s) {
        return s.lines().get(1).substring(Pages.PASSWORD_PROMPT.length());
    }

    private void wipe() {
        Arrays.fill(password, '\0');
        password = new char[0];
    }

    // ---- activation code -----------------------------------------------------------------------

    void activation(Screen s, Key key) {
        String typed = s.input();
        switch (key) {
            case SOFT1, SELECT -> submit(typed);
            case SOFT2, LEFT, BACK -> display.show(Pages.activation(typed.isEmpty() ? typed
                    : typed.substring(0, typed.length() - 1), null));
            case POUND -> {
                if (typed.isEmpty()) {
                    display.show(Pages.activation("#", null));
                }
            }
            default -> {
                if (key.isDigit() && typed.replace("#", "").length() < 16) {
                    display.show(Pages.activation(typed + key.label(), null));
                }
            }
        }
    }

    private void submit(String typed) {
        ActivationCode code;
        try {
            code = ActivationCode.parse(typed);
        } catch (IllegalArgumentException e) {
            display.show(Pages.activation(typed, "Invalid: " + Pages.CODE_HINT));
            return;
        }
        if (listeners.isEmpty()) {
            display.show(Pages.message(Pages.ACTIVATION, "Activation is not available now", "Try again later"));
            return;
        }
        LOG.info("activation code entered ({})", code.isShort() ? "short code" : "16 digits");
        for (ActivationCodeListener l : listeners) {
            try {
                l.activationCodeEntered(code);
            } catch (RuntimeException e) {
                LOG.warn("an activation code listener failed", e);
            }
        }
        display.show(Pages.message(Pages.ACTIVATION, "Activating…", "The phone contacts the activation server"));
    }
}

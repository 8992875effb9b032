package org.mppfw.display.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.Access;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.Parameter;
import org.mppfw.api.config.ParameterException;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.discovery.ActivationCodeListener;
import org.mppfw.api.discovery.RemoteCustomization;
import org.mppfw.api.display.Screen;
import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.keypad.Key;
import org.mppfw.api.keypad.KeyListener;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The menus the keys drive: Settings &gt; Status (Phone status &gt; Provisioning, Firmware
 * upgrade; Product information with the customization state) and Device administration
 * (Profile rule, Resync, Factory reset), the admin password page, the profile-account prompt and
 * the activation-code screen. The page, the highlighted item and the text typed so far are the
 * screen in the display's model; only a pending multi-tap cycle, the admin session and, in
 * {@link Prompts} and {@link AdminGate}, a password being typed live outside it (a password
 * never reaches the screen, the model or a log).
 *
 * <p>Who the keypad is, the Admin or the User, and the admin password in front of the admin
 * pages are {@link AdminGate}'s: with {@code Phone-UI-User-Mode} = Yes a parameter the keypad
 * changes is written as {@link ChangeSource#USER}, so the store refuses it unless its {@code ua}
 * access is {@code rw}; otherwise it is written as {@link ChangeSource#ADMIN}. In both,
 * {@code User_Configurable_Resync}, {@code Profile_Rule_Menu} and {@code Factory_Reset_Menu}
 * open or close their menus. A refusal is a message on the screen.
 */
@Component(service = KeyListener.class)
public final class Menus implements KeyListener {

    private static final Logger LOG = LoggerFactory.getLogger(Menus.class);

    private final DisplayService display;
    private final Clock clock;
    private final ParameterStore store;
    private final Provisioning engine;
    private final ProvisioningRules rules;
    private final ProvisioningScreens home;
    private final DeviceIdentity identity;
    private final MultiTap tap = new MultiTap();
    private final Prompts prompts;
    private final AdminGate gate;
    private final CallScreens calls;
    private volatile FirmwareService firmware;
    private volatile RemoteCustomization customization;

    @Activate
    public Menus(@Reference DisplayService display, @Reference Clock clock, @Reference ParameterStore store,
            @Reference Provisioning engine, @Reference ProvisioningRules rules, @Reference ProvisioningScreens home,
            @Reference DeviceIdentity identity, @Reference CallScreens calls) {
        this.display = display;
        this.clock = clock;
        this.store = store;
        this.engine = engine;
        this.rules = rules;
        this.home = home;
        this.identity = identity;
        this.calls = calls;
        this.prompts = new Prompts(display, clock, engine, home, tap);
        this.gate = new AdminGate(display, clock, store, tap);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setFirmware(FirmwareService f) {
        firmware = f;
    }

    void unsetFirmware(FirmwareService f) {
        if (firmware == f) {
            firmware = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCustomization(RemoteCustomization c) {
        customization = c;
    }

    void unsetCustomization(RemoteCustomization c) {
        if (customization == c) {
            customization = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addActivationListener(ActivationCodeListener l) {
        prompts.listeners.add(l);
    }

    void removeActivationListener(ActivationCodeListener l) {
        prompts.listeners.remove(l);
    }

    @Override
    public synchronized void keyPressed(Key key) {
        Screen s = display.current();
        String page = s.title();
        if (calls.keyPressed(key)) {
            return; // a call screen's key
        }
        if (key == Key.SETTINGS && !page.equals(Pages.PROFILE_ACCOUNT) && !page.equals(Pages.ACTIVATION)) {
            open(Pages.SETTINGS);
        } else if (!gate.admits(page)) {
            gate.ask();
        } else {
            dispatch(s, page, key);
        }
        gate.shown(display.current().title());
    }

    private void dispatch(Screen s, String page, Key key) {
        if (ProvisioningScreens.passive(s)) {
            idle(key);
        } else if (Pages.MENUS.containsKey(page) && s.isMenu()) {
            menu(s, key);
        } else if (page.equals(Pages.PROFILE_RULE) && Pages.editing(s)) {
            profileRule(s, key);
        } else if (page.equals(Pages.PROFILE_ACCOUNT) && Pages.editing(s)) {
            prompts.account(s, key);
        } else if (page.equals(Pages.ACTIVATION) && Pages.editing(s)) {
            prompts.activation(s, key);
        } else if (page.equals(Pages.ADMIN_PASSWORD) && Pages.editing(s)) {
            gate.key(s, key);
        } else if (page.equals(Pages.FACTORY_RESET) && s.lines().get(0).equals(Pages.RESET_QUESTION)) {
            factoryReset(key);
        } else if (page.equals(Pages.PROVISIONING) && key == Key.SOFT1) {
            resync(page);
        } else if (key == Key.BACK || key == Key.LEFT || key == Key.SELECT || key == Key.SOFT1 || key == Key.SOFT2) {
            leave(s);
        }
    }

    // ---- pages ---------------------------------------------------------------------------------

    private void idle(Key key) {
        switch (key) {
            case SOFT1 -> resync("");
            case SOFT2 -> display.show(ProvisioningScreens.statusScreen(engine.status(), clock.now(), clock.rules()));
            case BACK -> home.home();
            default -> { }
        }
    }

    private void menu(Screen s, Key key) {
        int n = s.lines().size();
        switch (key) {
            case UP -> display.show(Pages.menu(s.title(), (s.selected() + n - 1) % n));
            case DOWN -> display.show(Pages.menu(s.title(), (s.selected() + 1) % n));
            case SELECT, RIGHT, SOFT1 -> choose(s.title(), s.lines().get(s.selected()));
            case BACK, LEFT, SOFT2 -> up(s.title());
            default -> {
                int d = key.isDigit() ? key.ordinal() : 0;
                if (d >= 1 && d <= n) {
                    choose(s.title(), s.lines().get(d - 1));
                }
            }
        }
    }

    /** Leaves a message or an information page: to the page it stands for, else to its parent. */
    private void leave(Screen s) {
        if (s.title().equals(Pages.ACTIVATION)) {
            display.show(Pages.activation("", null));
        } else if (Pages.MENUS.containsKey(s.title())) {
            open(s.title());
        } else {
            up(s.title());
        }
    }

    private void up(String page) {
        String parent = Pages.PARENT.get(page);
        if (parent == null) {
            home.home();
        } else {
            open(parent);
        }
    }

    private void open(String menu) {
        tap.reset();
        display.show(Pages.menu(menu, 0));
    }

    private void choose(String menu, String item) {
        switch (item) {
            case Pages.STATUS, Pages.PHONE_STATUS -> open(item);
            case Pages.DEVICE_ADMIN -> {
                if (gate.admits(item)) {
                    open(item);
                } else {
                    gate.ask();
                }
            }
            case "Provisioning" -> display.show(ProvisioningScreens.statusScreen(engine.status(), clock.now(), clock.rules()));
            case Pages.UPGRADE -> display.show(upgradePage());
            case Pages.PRODUCT_INFO -> display.show(productInformation());
            case Pages.PROFILE_RULE -> openProfileRule();
            case "Resync" -> resync(menu);
            case Pages.FACTORY_RESET -> {
                if (!yes("Factory_Reset_Menu")) {
                    refuse(menu, "Factory reset is not allowed", "Factory_Reset_Menu is No");
                } else {
                    display.show(Pages.resetQuestion());
                }
            }
            default -> LOG.debug("no page for menu item {}", item);
        }
    }

    private Screen upgradePage() {
        FirmwareService f = firmware;
        if (f == null) {
            return Pages.message(Pages.UPGRADE, "The firmware service is not running");
        }
        Screen s = UpgradeScreens.screenFor(f.status(), f.running().toString());
        return new Screen(Pages.UPGRADE, s.lines(), -1, List.of("Back"), s.progress());
    }

    private Screen productInformation() {
        RemoteCustomization rc = customization;
        String state = rc == null ? "Open" : rc.state().label();
        FirmwareService f = firmware;
        String version = f != null ? f.running().toString() : identity.firmwareVersion();
        return new Screen(Pages.PRODUCT_INFO, List.of("Product name: " + identity.model(),
                "Serial number: " + identity.serialNumber(), "MAC address: " + identity.mac(),
                "Software version: " + version, "Hardware version: " + identity.hardwareVersion(),
                "Customization: " + state), -1, List.of("Back"), -1);
    }

    // ---- resync and the profile rule -----------------------------------------------------------

    /** Resyncs now if the user may; {@code page} is where a refusal shows. */
    private void resync(String page) {
        if (!yes("User_Configurable_Resync")) {
            refuse(page, "Resync is not allowed", "User_Configurable_Resync is No");
        } else if (!engine.resync()) {
            refuse(page, "Provisioning is disabled", "Provision_Enable is No");
        } else {
            LOG.info("resync asked from the keypad");
            home.home();
        }
    }

    private void openProfileRule() {
        String refusal = profileRuleRefusal();
        if (refusal != null) {
            refuse(Pages.DEVICE_ADMIN, "You may not change the profile rule", refusal);
            return;
        }
        String rule = store.get("Profile_Rule");
        if (holdsCredentials(rule)) {
            display.show(Pages.profileRule("", MultiTap.MODE_ABC, "The rule holds credentials: type a new one"));
        } else {
            display.show(Pages.profileRule(rule, MultiTap.MODE_ABC, null));
        }
        tap.reset();
    }

    /** Why the keypad may not edit the profile rule, or null; {@code ua} only for the User. */
    private String profileRuleRefusal() {
        if (!yes("Profile_Rule_Menu")) {
            return "Profile_Rule_Menu is No";
        }
        if (!yes("User_Configurable_Resync")) {
            return "User_Configurable_Resync is No";
        }
        if (!gate.userMode()) {
            return null;
        }
        Access a = store.parameter("Profile_Rule").map(Parameter::access).orElse(Access.NA);
        return a == Access.RW ? null : "user access to Profile_Rule is " + a.token();
    }

    /** A rule with {@code --key}, {@code --uid} or {@code --pwd} is never put on the screen. */
    static boolean holdsCredentials(String rule) {
        String r = rule.toLowerCase(Locale.ROOT);
        return r.contains("--key") || r.contains("--uid") || r.contains("--pwd");
    }

    private void profileRule(Screen s, Key key) {
        String mode = s.softKeys().get(3);
        switch (key) {
            case SOFT1, SELECT, SOFT2 -> {
                if (saveProfileRule(s.input()) && key == Key.SOFT1) {
                    resync(Pages.PROFILE_RULE);
                }
            }
            case SOFT3 -> display.show(Pages.profileRule(tap.apply(s.input(), Key.LEFT, mode, clock.now()), mode, null));
            case SOFT4 -> display.show(Pages.profileRule(s.input(),
                    mode.equals(MultiTap.MODE_ABC) ? MultiTap.MODE_123 : MultiTap.MODE_ABC, null));
            case BACK -> open(Pages.DEVICE_ADMIN);
            default -> {
                String text = tap.apply(s.input(), key, mode, clock.now());
                if (text != null) {
                    display.show(Pages.profileRule(text, mode, null));
                }
            }
        }
    }

    /** Writes the rule as the keypad's account; a refusal or a syntax error shows on the screen. */
    private boolean saveProfileRule(String rule) {
        tap.reset();
        try {
            rules.check(rule, RuleKind.PROFILE);
        } catch (RuleSyntaxException e) {
            display.show(Pages.profileRule(rule, MultiTap.MODE_ABC, "Syntax error at column " + e.column()));
            return false;
        }
        try {
            store.set("Profile_Rule", rule, gate.source());
        } catch (ParameterException e) {
            // the store may quote the value: not when it holds credentials
            refuse(Pages.PROFILE_RULE, "The profile rule was not saved",
                    holdsCredentials(rule) ? "the phone refused the value" : e.getMessage());
            return false;
        } catch (IOException e) {
            refuse(Pages.PROFILE_RULE, "The profile rule was not saved", "the phone could not store it");
            return false;
        }
        LOG.info("Profile_Rule set from the keypad");
        display.show(Pages.message(Pages.DEVICE_ADMIN, "Profile rule saved"));
        return true;
    }

    // ---- factory reset -------------------------------------------------------------------------

    private void factoryReset(Key key) {
        switch (key) {
            case SOFT1, SELECT -> {
                try {
                    store.factoryReset();
                    LOG.info("factory reset from the keypad");
                    display.show(Pages.message(Pages.SETTINGS, "Factory reset done",
                            "Every setting is back to its default"));
                } catch (IOException e) {
                    refuse(Pages.DEVICE_ADMIN, "Factory reset failed", "the phone could not store its settings");
                }
            }
            case SOFT2, BACK, LEFT -> open(Pages.DEVICE_ADMIN);
            default -> { }
        }
    }

    // ---- refusals and switches ----------------------------------------------------------------

    private void refuse(String page, String why, String detail) {
        LOG.info("keypad: {} ({})", why, detail);
        display.show(Pages.message(page, why, detail));
    }

    private boolean yes(String name) {
        return AdminGate.yes(store, name, true); // a parameter the catalog lacks closes nothing
    }
}

package org.mppfw.display.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.discovery.ActivationCode;
import org.mppfw.api.discovery.CustomizationState;
import org.mppfw.api.display.Screen;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ProvisioningStatus.State;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.transport.ResultClass;

/** Keypad-driven flows, asserted on the screen model and on the real parameter store. */
class MenusTest {

    @TempDir
    Path data;

    /** A phone whose screen is the User ({@code Phone-UI-User-Mode}), given {@code ua="rw"} on the rule. */
    private Phone rwPhone() throws Exception {
        Phone p = new Phone(data);
        p.provision("<flat-profile><Phone-UI-User-Mode>Yes</Phone-UI-User-Mode>"
                + "<Profile_Rule ua=\"rw\">/old.xml</Profile_Rule></flat-profile>");
        return p;
    }

    @Test
    void settingsMenuMovesWithTheArrowsAndBackLeavesIt() throws Exception {
        Phone p = new Phone(data);
        p.press("settings");
        assertEquals(Pages.menu(Pages.SETTINGS, 0), p.screen());
        p.press("down");
        assertEquals(1, p.screen().selected());
        p.press("down");
        assertEquals(0, p.screen().selected(), "the selection wraps");
        p.press("up", "select");
        assertEquals(Pages.DEVICE_ADMIN, p.screen().title());
        p.press("back");
        assertEquals(Pages.SETTINGS, p.screen().title());
        p.press("back");
        assertTrue(ProvisioningScreens.passive(p.screen()), "back at the idle screen: " + p.screen());
    }

    @Test
    void aProfileRuleEnteredWithTheKeysIsSavedAsTheUserAndResyncs() throws Exception {
        Phone p = rwPhone();
        p.press("settings", "down", "select", "select");
        assertEquals(Pages.PROFILE_RULE, p.screen().title());
        assertEquals("/old.xml", p.screen().input());
        for (int i = 0; i < "/old.xml".length(); i++) {
            p.press("soft3");
        }
        assertEquals("", p.screen().input());
        String rule = "http://prov.example.com:8080/cfg/$MA_[1]-x@y.xml";
        p.type(rule);
        assertEquals(rule, p.screen().input());
        assertEquals(0, p.engine.resyncs);
        p.press("soft1");
        assertEquals(rule, p.store.get("Profile_Rule"));
        assertTrue(p.store.parameter("Profile_Rule").orElseThrow().userSet(), "written as the User");
        assertEquals(1, p.engine.resyncs);
        assertTrue(ProvisioningScreens.passive(p.screen()), "home after the resync: " + p.screen());
    }

    @Test
    void multiTapCyclesWithinTheTimeoutAndStartsANewLetterAfterIt() throws Exception {
        Phone p = rwPhone();
        p.press("settings", "2", "1");
        for (int i = 0; i < 8; i++) {
            p.press("soft3");
        }
        p.press("2", "2");
        assertEquals("b", p.screen().input());
        p.clock.advance(MultiTap.TIMEOUT);
        p.press("2");
        assertEquals("ba", p.screen().input(), "after the timeout the same key types a new letter");
        p.press("7", "7", "7", "7", "7");
        assertEquals("ba7", p.screen().input());
        p.press("right", "*", "*", "*");
        assertEquals("ba7/", p.screen().input());
        p.press("soft4");
        assertEquals(MultiTap.MODE_123, p.screen().softKeys().get(3));
        p.press("1", "2", "2");
        assertEquals("ba7/122", p.screen().input(), "123 mode types digits");
        p.press("left");
        assertEquals("ba7/12", p.screen().input());
    }

    @Test
    void aSyntaxErrorIsShownAndNothingIsSaved() throws Exception {
        Phone p = rwPhone();
        p.press("settings", "2", "1");
        for (int i = 0; i < "/old.xml".length(); i++) {
            p.press("left");
        }
        p.type("[--key x");
        p.press("select");
        assertEquals(Pages.PROFILE_RULE, p.screen().title());
        assertTrue(p.screen().lines().get(1).startsWith("Syntax error at column"), p.screen().lines().toString());
        assertEquals("/old.xml", p.store.get("Profile_Rule"));
    }

    @Test
    void aUserWithoutAccessIsRefusedWithAMessage() throws Exception {
        Phone p = new Phone(data); // Profile_Rule is ua="na" by default
        p.store.set("Phone-UI-User-Mode", "Yes", ChangeSource.ADMIN); // the screen is the User: ua applies
        p.press("settings", "down", "select", "select");
        assertEquals(Pages.DEVICE_ADMIN, p.screen().title());
        assertFalse(p.screen().isMenu());
        assertEquals(List.of("You may not change the profile rule", "user access to Profile_Rule is na"),
                p.screen().lines());
        assertTrue(p.text().contains("You may not change the profile rule"), p.text());
        p.press("back");
        assertEquals(Pages.menu(Pages.DEVICE_ADMIN, 0), p.screen());

        Phone q = rwPhone();
        q.store.set("User_Configurable_Resync", "No", ChangeSource.ADMIN);
        q.press("settings", "2", "1");
        assertEquals(List.of("You may not change the profile rule", "User_Configurable_Resync is No"), q.screen().lines());
        q.press("back", "down", "select");
        assertEquals("Resync is not allowed", q.screen().lines().get(0));
        q.press("back", "back", "back", "soft1");
        assertEquals("Resync is not allowed", q.screen().lines().get(0), "nor from the idle screen");
        assertEquals(0, q.engine.resyncs);
        assertEquals("/old.xml", q.store.get("Profile_Rule"));
    }

    @Test
    void factoryResetAsksForConfirmationThenResets() throws Exception {
        Phone p = new Phone(data);
        p.store.set("GPP_A", "kept until the reset", ChangeSource.ADMIN);
        p.press("settings", "2", "3");
        assertEquals(Pages.resetQuestion(), p.screen());
        p.press("soft2");
        assertEquals(Pages.menu(Pages.DEVICE_ADMIN, 0), p.screen(), "Cancel goes back");
        assertEquals("kept until the reset", p.store.get("GPP_A"));

        p.press("down", "down", "select");
        assertEquals(Pages.RESET_QUESTION, p.screen().lines().get(0));
        p.press("soft1");
        assertEquals("", p.store.get("GPP_A"));
        assertEquals("Factory reset done", p.screen().lines().get(0));

        p.store.set("Factory_Reset_Menu", "No", ChangeSource.ADMIN);
        p.store.set("GPP_A", "again", ChangeSource.ADMIN);
        p.press("settings", "2", "3");
        assertEquals("Factory reset is not allowed", p.screen().lines().get(0));
        assertEquals("again", p.store.get("GPP_A"));
    }

    @Test
    void statusPagesShowProvisioningAndTheCustomizationState() throws Exception {
        Phone p = new Phone(data);
        ResyncRecord ok = Fakes.record(ResultClass.A, "ok");
        p.engine.status = new ProvisioningStatus(State.IDLE, ok, Fakes.NOW.plusSeconds(3600), "periodic", 0);
        p.press("settings", "select", "select", "select");
        assertEquals(Pages.PROVISIONING, p.screen().title());
        assertEquals(List.of("Last resync: 2026-12-02 02:23", "Result: success", "ok",
                "Next resync: 2026-12-02 03:24 (periodic)"), p.screen().lines());
        p.press("back");
        assertEquals(Pages.PHONE_STATUS, p.screen().title());
        p.press("back", "2");
        assertEquals(Pages.PRODUCT_INFO, p.screen().title());
        assertTrue(p.screen().lines().contains("Customization: Open"), p.screen().lines().toString());
        assertTrue(p.screen().lines().contains("Product name: CP-8845-3PCC"));
        p.press("soft1");
        assertEquals(Pages.STATUS, p.screen().title());
        p.press("back", "back", "soft2");
        assertEquals(Pages.PROVISIONING, p.screen().title(), "the idle screen's Status soft key");
        p.press("soft1");
        assertEquals(1, p.engine.resyncs, "its Resync soft key");
    }

    @Test
    void the401PromptTakesTheProfileAccountWithoutShowingThePassword() throws Exception {
        Phone p = new Phone(data);
        ResyncRecord refused = new ResyncRecord(Fakes.NOW, Fakes.NOW, "power-up", "Profile_Rule",
                "http://prov.example.com/p.xml", ResultClass.C, "HTTP 401", "", List.of(), List.of(), List.of(), 401);
        p.screens.statusChanged(new ProvisioningStatus(State.IDLE, refused, Fakes.NOW.plusSeconds(60), "retry", 1));
        assertEquals(Pages.PROFILE_ACCOUNT, p.screen().title());
        assertEquals(Pages.USER_PROMPT, p.screen().lines().get(1));
        p.type("phone").press("select");
        assertEquals(Pages.PASSWORD_PROMPT + "phone", p.screen().lines().get(1));
        p.type("s3cr3t.pw");
        assertEquals("*********", p.screen().input());
        assertFalse(p.text().contains("s3cr") || p.text().contains("pw"), p.text());
        p.press("select");
        assertEquals("phone", p.engine.accountUser);
        assertEquals("s3cr3t.pw", p.engine.accountPassword);
        assertEquals(1, p.engine.resyncs);

        // a new refusal prompts again; Cancel dismisses it for that attempt
        p.screens.statusChanged(new ProvisioningStatus(State.IDLE, new ResyncRecord(Fakes.NOW, Fakes.NOW, "explicit",
                "Profile_Rule", "", ResultClass.C, "HTTP 401", "", List.of(), List.of(), List.of(), 401), null, null, 2));
        assertEquals(Pages.PROFILE_ACCOUNT, p.screen().title());
        p.press("soft4");
        assertTrue(ProvisioningScreens.passive(p.screen()), p.screen().toString());
        assertEquals(1, p.engine.resyncs);

        p.store.set("Profile_Authentication_Type", "Disabled", ChangeSource.ADMIN);
        p.screens.statusChanged(new ProvisioningStatus(State.IDLE, refused, null, null, 3));
        assertTrue(ProvisioningScreens.passive(p.screen()), "no prompt when disabled");

        p.store.set("Profile_Authentication_Type", "Basic HTTP Authentication", ChangeSource.ADMIN);
        p.screens.statusChanged(new ProvisioningStatus(State.IDLE, Fakes.record(ResultClass.A, "ok"), null, null, 0));
        p.screens.statusChanged(new ProvisioningStatus(State.IDLE, new ResyncRecord(Fakes.NOW, Fakes.NOW, "periodic",
                "Profile_Rule", "", ResultClass.C, "HTTP 401", "", List.of(), List.of(), List.of(), 401), null, null, 1));
        assertTrue(ProvisioningScreens.passive(p.screen()), "the prompt is for first provisioning only");
    }

    @Test
    void theActivationCodeScreenTakesSixteenDigitsOrAShortCode() throws Exception {
        Phone p = new Phone(data);
        List<ActivationCode> sent = new ArrayList<>();
        p.store.set("Profile_Rule", "gds://", ChangeSource.ADMIN);
        p.screens.parametersChanged(List.of(new ParameterChange("Profile_Rule", "/$PSN.xml", "gds://", false)),
                ChangeSource.ADMIN);
        assertEquals(Pages.ACTIVATION, p.screen().title());
        p.press("1", "2", "3", "select");
        assertTrue(p.screen().lines().get(1).startsWith("Invalid"), p.screen().lines().toString());
        p.press("soft2", "soft2", "soft2", "#", "1", "2", "3", "select");
        assertEquals("Activation is not available now", p.screen().lines().get(0), "no onboarding client yet");

        p.menus.addActivationListener(sent::add);
        p.press("back");
        assertEquals("", p.screen().input());
        p.press("#", "#", "4", "5", "6", "soft1");
        assertEquals(List.of(new ActivationCode("456", true)), sent, "# only starts a short code");
        p.press("back");
        for (char c : "1234567890123456789".toCharArray()) {
            p.press(String.valueOf(c));
        }
        assertEquals("1234567890123456", p.screen().input(), "at most 16 digits");
        p.press("select");
        assertEquals(new ActivationCode("1234567890123456", false), sent.get(1));
        assertEquals("Activating…", p.screen().lines().get(0));

        p.store.set("Profile_Rule", "https://prov.example.com/p.xml", ChangeSource.SYSTEM);
        p.screens.parametersChanged(List.of(new ParameterChange("Profile_Rule", "gds://", "https://prov.example.com/p.xml", false)),
                ChangeSource.SYSTEM);
        assertTrue(ProvisioningScreens.passive(p.screen()), "the onboarding set a rule: idle screen");
    }

    @Test
    void aFactoryPhoneAwaitingACodeShowsTheActivationScreenWithItsRuleUnchanged() throws Exception {
        Phone p = new Phone(data);
        List<ActivationCode> sent = new ArrayList<>();
        p.menus.addActivationListener(sent::add);
        p.screens.customizationChanged(CustomizationState.PENDING, false);
        assertTrue(ProvisioningScreens.passive(p.screen()), "asking the activation server: the idle screen");
        // the activation server gave no URL: the activation-code screen, the factory rule kept
        p.screens.customizationChanged(CustomizationState.GDS_PENDING, true);
        assertEquals(Pages.ACTIVATION, p.screen().title());
        assertEquals("/$PSN.xml", p.store.get("Profile_Rule"));
        p.press("1", "2", "3");
        // the resyncs and the CDA retry go on behind it and leave it as it is
        p.screens.statusChanged(new ProvisioningStatus(State.IDLE, Fakes.record(ResultClass.C, "no server"), null, null, 1));
        p.screens.customizationChanged(CustomizationState.PENDING, true);
        p.screens.customizationChanged(CustomizationState.UNAVAILABLE, true);
        assertEquals(Pages.ACTIVATION, p.screen().title());
        assertEquals("123", p.screen().input());
        p.press("back", "back", "back");
        for (char c : "1234567890123456".toCharArray()) {
            p.press(String.valueOf(c));
        }
        p.press("select");
        assertEquals(List.of(new ActivationCode("1234567890123456", false)), sent);
        assertEquals("Activating…", p.screen().lines().get(0));
        // the code accepted (its URL becomes the rule): the screen leaves
        p.screens.customizationChanged(CustomizationState.GDS_PENDING, false);
        assertTrue(ProvisioningScreens.passive(p.screen()), p.screen().toString());
    }

    @Test
    void aDhcpServerThatProvisionsThePhoneEndsTheActivationScreen() throws Exception {
        Phone p = new Phone(data);
        p.screens.customizationChanged(CustomizationState.GDS_PENDING, true);
        p.screens.home();
        assertEquals(Pages.ACTIVATION, p.screen().title(), "the idle screen is the activation-code screen");
        p.screens.statusChanged(new ProvisioningStatus(State.IDLE, Fakes.record(ResultClass.A, "ok"), null, null, 0));
        p.screens.customizationChanged(CustomizationState.ABORTED, false);
        assertTrue(ProvisioningScreens.passive(p.screen()), p.screen().toString());
        // the provider's gds:// keeps its meaning
        p.store.set("Profile_Rule", "gds://", ChangeSource.ADMIN);
        p.screens.parametersChanged(List.of(new ParameterChange("Profile_Rule", "/$PSN.xml", "gds://", false)),
                ChangeSource.ADMIN);
        assertEquals(Pages.ACTIVATION, p.screen().title());
    }

    @Test
    void aReplacedDisplayComesBackOnTheSamePageWithoutThePassword() throws Exception {
        Path file = data.resolve("display/lcd-screen.properties");
        Phone p = new Phone(data.resolve("first"), new ScreenFile(file));
        p.provision("<flat-profile><Profile_Rule ua=\"rw\">/old.xml</Profile_Rule></flat-profile>");
        p.press("settings", "2", "1");
        p.type("x");
        Screen editing = p.screen();
        p.display.stop();

        Phone q = new Phone(data.resolve("first"), new ScreenFile(file));
        assertEquals(editing, q.screen());
        assertTrue(q.display.restored());
        assertFalse(Files.exists(file), "read once");
        q.press("soft2");
        assertEquals("/old.xmlx", q.store.get("Profile_Rule"), "the new menus go on with the same text");

        ResyncRecord refused = new ResyncRecord(Fakes.NOW, Fakes.NOW, "power-up", "Profile_Rule", "", ResultClass.C,
                "HTTP 401", "", List.of(), List.of(), List.of(), 401);
        q.press("back", "back", "back");
        q.screens.statusChanged(new ProvisioningStatus(State.IDLE, refused, null, null, 1));
        q.type("u").press("select").type("pw");
        q.display.stop();
        assertFalse(Files.readString(file).contains("pw"), "the password is never written");
        Phone r = new Phone(data.resolve("first"), new ScreenFile(file));
        assertEquals("**", r.screen().input());
        r.type("z").press("select");
        assertEquals("z", r.engine.accountPassword, "the password typed before is gone; typing starts again");
    }

    @Test
    void holdsCredentialsKeepsSecretsOffTheScreen() throws Exception {
        Phone p = new Phone(data);
        p.provision("<flat-profile><Profile_Rule ua=\"rw\">[--key s3cret] http://h/p.cfg</Profile_Rule></flat-profile>");
        p.press("settings", "2", "1");
        assertEquals("", p.screen().input());
        assertFalse(p.text().contains("s3cret"), p.text());
        assertEquals("The rule holds credentials: type a new one", p.screen().lines().get(1));
    }

    @Test
    void keysForTypesEveryCharacterOfARule() {
        MultiTap tap = new MultiTap();
        String all = "abcxyzABCXYZ0123456789.:/-_@$[]* #=?&()!;'\"~%+,";
        String text = "";
        java.time.Instant t = Fakes.NOW;
        for (char c : all.toCharArray()) {
            for (org.mppfw.api.keypad.Key k : MultiTap.keysFor(c)) {
                text = tap.apply(text, k, MultiTap.MODE_ABC, t);
                t = t.plus(Duration.ofMillis(100));
            }
        }
        assertEquals(all, text);
    }
}

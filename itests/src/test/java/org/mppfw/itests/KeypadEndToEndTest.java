package org.mppfw.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mppfw.api.config.Access;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.display.Display;
import org.mppfw.api.display.Screen;
import org.mppfw.api.keypad.Key;
import org.mppfw.api.keypad.KeyListener;
import org.mppfw.api.keypad.Keypad;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.testing.Scratch;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The phone driven from its keypad, bundles as in the image: the keys go through the keypad
 * bundle's key-event service to the display bundle's menus, and the test reads the screen model.
 * On a factory phone the screen is the Admin: a profile rule typed with multi-tap resyncs against
 * nginx; once an admin password is set the admin pages ask for it, masked; with
 * {@code Phone-UI-User-Mode} a user without access is refused; a factory reset asks first; a
 * display bundle replaced in place comes back on the same screen.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class KeypadEndToEndTest {

    /** The characters of the {@code abc} mode, by key, as the phone's multi-tap cycles them. */
    private static final String[] ABC = { " 0", ".:/-_@1", "abc2ABC", "def3DEF", "ghi4GHI", "jkl5JKL", "mno6MNO",
        "pqrs7PQRS", "tuv8TUV", "wxyz9WXYZ" };
    private static final String STAR = ".:/-_$[]@*";

    @Inject
    private ParameterStore store;

    @Inject
    private Provisioning engine;

    @Inject
    private BundleContext context;

    @Inject
    private CommandProcessor shell;

    @Configuration
    public Option[] config() {
        return new Option[] {PhoneOptions.phone(PhoneOptions.tempDataDir("keypad"))};
    }

    /** The data dir is shared by the tests of this class: each starts from factory settings. */
    @Before
    public void factorySettings() throws Exception {
        store.factoryReset();
    }

    /** The keypad, once the menus listen to it. */
    private Keypad keypad() throws Exception {
        service(KeyListener.class);
        return service(Keypad.class);
    }

    private Display display() throws Exception {
        return service(Display.class);
    }

    /** The service now (the display's may be a new one after an update), waiting for it to come. */
    private <T> T service(Class<T> type) throws Exception {
        for (int i = 0; i < 200; i++) {
            ServiceReference<T> ref = context.getServiceReference(type);
            T s = ref == null ? null : context.getService(ref);
            if (s != null) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + type.getSimpleName() + " service");
    }

    private void press(String... keys) throws Exception {
        Keypad k = keypad();
        for (String name : keys) {
            k.press(Key.parse(name));
        }
    }

    /** Types a text with multi-tap: a key pressed as often as its cycle needs, then Right. */
    private void type(String text) throws Exception {
        Keypad k = keypad();
        for (char c : text.toCharArray()) {
            Key key = null;
            int times = 0;
            for (int d = 0; d < ABC.length && key == null; d++) {
                if (ABC[d].indexOf(c) >= 0) {
                    key = Key.digit(d);
                    times = ABC[d].indexOf(c) + 1;
                }
            }
            if (key == null) {
                key = Key.STAR;
                times = STAR.indexOf(c) + 1;
                assertTrue("no key types " + c, times > 0);
            }
            for (Key p : Collections.nCopies(times, key)) {
                k.press(p);
            }
            k.press(Key.RIGHT);
        }
    }

    /** Lets the user change Profile_Rule, as a provider does with {@code ua="rw"}. */
    private void allowProfileRule() throws Exception {
        store.applyProfile(new ByteArrayInputStream(
                "<flat-profile><Profile_Rule ua=\"rw\">/start.xml</Profile_Rule></flat-profile>".getBytes(StandardCharsets.UTF_8)),
                ChangeSource.PROFILE);
    }

    private void clearInput() throws Exception {
        String typed = display().current().input();
        for (int i = 0; i < typed.length(); i++) {
            press("left");
        }
        assertEquals("", display().current().input());
    }

    @Test
    public void aFactoryPhoneIsProvisionedFromTheKeypadAgainstNginx() throws Exception {
        try (Scratch peers = new Scratch("keypad")) {
            int port = ResyncEndToEndTest.nginx(peers);
            peers.write("www/open/kp.xml", "<flat-profile><GPP_A>from the keypad</GPP_A></flat-profile>\n");
            assertEquals(Access.NA, store.parameter("Profile_Rule").get().access());
            press("settings", "down", "select", "select");
            assertEquals(display().current().toString(), "Profile rule", display().current().title());
            assertEquals("/$PSN.xml", display().current().input());
            typeRuleAndResync("http://127.0.0.1:" + port + "/open/kp.xml");
            assertEquals("from the keypad", store.get("GPP_A"));
        }
    }

    @Test
    public void anAdminPasswordIsAskedOnTheScreenMaskedBeforeTheProfileRule() throws Exception {
        String password = "Zq7.Kw9x";
        try (Scratch peers = new Scratch("admin")) {
            int port = ResyncEndToEndTest.nginx(peers);
            peers.write("www/open/adm.xml", "<flat-profile><GPP_D>behind the admin password</GPP_D></flat-profile>\n");
            store.set("Admin_Password", password, ChangeSource.ADMIN);
            press("settings", "2");
            assertEquals(display().current().toString(), "Admin password", display().current().title());
            type("wrong");
            press("select");
            assertEquals("Wrong password: try again", display().current().lines().get(1));
            assertEquals("Admin password", display().current().title());

            type(password);
            assertEquals("********", display().current().input());
            String shown = shell("lcd:show") + shell("key:press right");
            assertTrue(shown, shown.contains("[********"));
            assertFalse(shown, shown.contains(password));
            press("select");
            Screen admin = display().current();
            assertEquals(admin.toString(), "Device administration", admin.title());
            assertTrue(admin.isMenu());
            press("1");
            assertEquals("/$PSN.xml", display().current().input());
            typeRuleAndResync("http://127.0.0.1:" + port + "/open/adm.xml");
            assertEquals("behind the admin password", store.get("GPP_D"));

            press("settings", "2");
            assertEquals("the session ended with the menus", "Admin password", display().current().title());
        }
    }

    /** Replaces the rule on the Profile rule page, presses Resync, and waits for its success. */
    private void typeRuleAndResync(String rule) throws Exception {
        clearInput();
        type(rule);
        assertEquals(rule, display().current().input());

        List<ResyncRecord> before = new ArrayList<>(engine.history());
        press("soft1"); // Resync: save, then resync
        assertEquals(rule, store.get("Profile_Rule"));
        ResyncRecord r = awaitExplicit(before);
        assertTrue(r.message(), r.success());
        assertEquals(rule, r.url());
        for (int i = 0; i < 100 && !display().current().title().isEmpty(); i++) {
            Thread.sleep(50);
        }
        Screen idle = display().current();
        assertEquals("the idle screen after the resync: " + idle, "", idle.title());
        assertFalse(idle.lines().toString(), idle.lines().toString().contains("failed"));
    }

    @Test
    public void a401OnFirstProvisioningAsksForTheProfileAccountAndUsesIt() throws Exception {
        try (Scratch peers = new Scratch("account")) {
            int port = ResyncEndToEndTest.nginx(peers);
            peers.write("www/basic/acc.xml", "<flat-profile><GPP_C>behind basic</GPP_C></flat-profile>\n");
            List<ResyncRecord> before = new ArrayList<>(engine.history());
            store.set("Profile_Rule", "http://127.0.0.1:" + port + "/basic/acc.xml", ChangeSource.ADMIN);
            assertTrue(engine.resync());
            ResyncRecord refused = awaitExplicit(before);
            assertEquals(401, refused.status());
            Screen prompt = display().current();
            for (int i = 0; i < 100 && !prompt.title().equals("Profile account"); i++) {
                Thread.sleep(50);
                prompt = display().current();
            }
            assertEquals(prompt.toString(), "User name", prompt.lines().get(1));
            type("phone");
            press("select");
            type("s3cret");
            assertEquals("******", display().current().input());
            String shown = shell("lcd:show");
            assertFalse(shown, shown.contains("s3cret"));

            before = new ArrayList<>(engine.history());
            press("select");
            ResyncRecord r = awaitExplicit(before);
            assertTrue(r.message(), r.success());
            assertEquals("behind basic", store.get("GPP_C"));
            assertFalse(r.toString().contains("s3cret"));
        }
    }

    private ResyncRecord awaitExplicit(List<ResyncRecord> before) throws Exception {
        for (int i = 0; i < 400; i++) {
            for (ResyncRecord r : engine.history()) {
                if (!before.contains(r) && r.reason().equals("explicit")) {
                    return r;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no explicit resync; history: " + engine.history());
    }

    @Test
    public void aUserWithoutAccessIsRefusedOnTheScreen() throws Exception {
        String rule = store.get("Profile_Rule");
        store.set("Phone-UI-User-Mode", "Yes", ChangeSource.ADMIN); // the screen is the User: ua applies
        press("settings", "2", "1");
        Screen s = display().current();
        assertEquals("Device administration", s.title());
        assertEquals(List.of("You may not change the profile rule", "user access to Profile_Rule is na"), s.lines());
        assertEquals(rule, store.get("Profile_Rule"));

        // the shell's keys: back to the menu, then its Resync item, which User_Configurable_Resync allows
        List<ResyncRecord> before = new ArrayList<>(engine.history());
        String pressed = shell("key:press back down select");
        assertTrue(pressed, pressed.contains("pressed back down select"));
        awaitExplicit(before);
        store.set("User_Configurable_Resync", "No", ChangeSource.ADMIN);
        String shown = shell("key:press settings 2 2") + shell("lcd:show");
        assertTrue(shown, shown.contains("pressed settings . ."));
        assertTrue(shown, shown.contains("Resync is not allowed"));
        assertTrue(shown, shown.contains("User_Configurable_Resync is No"));
    }

    @Test
    public void factoryResetAsksForConfirmationThenResets() throws Exception {
        store.set("GPP_B", "until the reset", ChangeSource.ADMIN);
        press("settings", "2", "3");
        assertEquals("Reset the phone to its factory settings?", display().current().lines().get(0));
        assertEquals("until the reset", store.get("GPP_B"));
        press("soft2");
        assertEquals("until the reset", store.get("GPP_B"));
        press("3", "soft1");
        assertEquals("", store.get("GPP_B"));
        assertEquals("Factory reset done", display().current().lines().get(0));
    }

    @Test
    public void anUpdatedDisplayBundleComesBackOnTheSameScreen() throws Exception {
        allowProfileRule();
        press("settings", "2", "1");
        clearInput();
        type("tftp://10.1.2.3/x.cfg");
        Display old = display();
        Screen before = old.current();
        assertEquals("tftp://10.1.2.3/x.cfg", before.input());

        Bundle bundle = null;
        for (Bundle b : context.getBundles()) {
            if ("org.mppfw.display".equals(b.getSymbolicName())) {
                bundle = b;
            }
        }
        assertNotNull(bundle);
        bundle.update();
        Display now = display();
        for (int i = 0; i < 100 && now == old; i++) {
            Thread.sleep(50);
            now = display();
        }
        assertNotSame("a new display service", old, now);
        assertEquals(before, now.current());

        press("soft2"); // Save, through the new bundle's menus
        assertEquals("tftp://10.1.2.3/x.cfg", store.get("Profile_Rule"));
        assertEquals("Profile rule saved", display().current().lines().get(0));
    }

    private String shell(String command) throws Exception {
        for (int i = 0; i < 100 && context.getServiceReferences((String) null, "(osgi.command.scope=key)") == null; i++) {
            Thread.sleep(50);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (CommandSession s = shell.createSession(new ByteArrayInputStream(new byte[0]), ps, ps)) {
            Object result = s.execute(command);
            if (result != null) {
                ps.println(s.format(result, 0));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

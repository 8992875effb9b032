package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;
import org.mppfw.layout.LoginBackoff;

/** The login rules over a real parameter store. */
class LoginTest {

    @TempDir
    Path data;
    ParameterStoreImpl store;
    final AtomicLong now = new AtomicLong();
    Login login;
    InetAddress loopback;
    InetAddress remote;

    @BeforeEach
    void open() throws Exception {
        store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        login = new Login(store, new LoginBackoff(now::get));
        loopback = InetAddress.getByName("127.0.0.1");
        remote = InetAddress.getByName("192.0.2.7");
    }

    @Test
    void withoutAdminPasswordTheAdminLoginAnswersOnlyOnLoopback() {
        assertEquals(Role.ADMIN, login.attempt(loopback, "admin", "").role());
        assertTrue(login.adminAllowed(loopback));
        assertFalse(login.adminAllowed(remote));
        assertNull(login.attempt(remote, "admin", "").role());
        assertTrue(login.page(remote, null).contains("answer only to clients on this phone&#39;s loopback"));
    }

    @Test
    void aProvisionedAdminPasswordOpensTheAdminLoginEverywhere() throws Exception {
        store.set("Admin_Password", "adm1n-pw", ChangeSource.ADMIN);
        assertEquals(Role.ADMIN, login.attempt(remote, "admin", "adm1n-pw").role());
        assertNull(login.attempt(loopback, "admin", "").role(), "the empty password no longer works");
        assertNull(login.attempt(remote, "admin", "adm1n-p").role());
        assertFalse(login.page(remote, null).contains("loopback"));
    }

    @Test
    void userLoginChecksUserPassword() throws Exception {
        store.set("User_Password", "us3r", ChangeSource.ADMIN);
        assertEquals(Role.USER, login.attempt(remote, "user", "us3r").role());
        assertNull(login.attempt(remote, "user", "").role());
        assertNull(login.attempt(remote, "root", "us3r").role());
    }

    @Test
    void adminAccessNoRefusesTheAdminLogin() throws Exception {
        store.set("Admin_Password", "adm1n-pw", ChangeSource.ADMIN);
        store.set("Enable_Web_Admin_Access", "No", ChangeSource.ADMIN);
        assertNull(login.attempt(loopback, "admin", "adm1n-pw").role());
        assertFalse(login.adminAllowed(loopback));
    }

    @Test
    void failuresBackOffPerAddressAndDouble() throws Exception {
        store.set("User_Password", "us3r", ChangeSource.ADMIN);
        for (int i = 0; i < LoginBackoff.FREE_FAILURES; i++) {
            assertNull(login.attempt(remote, "user", "wrong").role());
        }
        Login.Outcome third = login.attempt(remote, "user", "wrong");
        assertTrue(third.refusal().contains("Try again in " + LoginBackoff.FIRST_DELAY_S + " s"), third.refusal());
        Login.Outcome blocked = login.attempt(remote, "user", "us3r");
        assertNull(blocked.role(), "the right password waits too");
        assertTrue(blocked.refusal().startsWith("Too many failed logins"), blocked.refusal());
        assertEquals(Role.USER, login.attempt(loopback, "user", "us3r").role(), "another address is not held back");

        now.addAndGet(TimeUnit.SECONDS.toNanos(LoginBackoff.FIRST_DELAY_S * 2));
        Login.Outcome next = login.attempt(remote, "user", "wrong");
        assertTrue(next.refusal().contains("Try again in " + LoginBackoff.FIRST_DELAY_S * 4 + " s"),
                "doubled for each failure: " + next.refusal());
        now.addAndGet(TimeUnit.SECONDS.toNanos(LoginBackoff.FIRST_DELAY_S * 4));
        assertEquals(Role.USER, login.attempt(remote, "user", "us3r").role());
        assertFalse(login.attempt(remote, "user", "wrong").refusal().contains("Try again"), "a success clears the address");
    }
}

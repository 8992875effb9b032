package org.mppfw.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mppfw.layout.LoginBackoff;

class AccountsTest {

    static Accounts accounts(String adminPassword, String userPassword) {
        return new Accounts(new SshSettings(true, "admin", adminPassword, 22, userPassword), new LoginBackoff(() -> 0L),
                (user, key, session) -> false);
    }

    @Test
    void secretsCompareWholeAndAnEmptyOneNeverMatches() {
        assertTrue(Accounts.sameSecret("s3cret", "s3cret"));
        assertFalse(Accounts.sameSecret("s3cre", "s3cret"));
        assertFalse(Accounts.sameSecret("s3cretX", "s3cret"));
        assertFalse(Accounts.sameSecret("", ""));
        assertFalse(Accounts.sameSecret(null, "x"));
    }

    @Test
    void theLevelFollowsTheUserNameAndItsOwnPassword() {
        Accounts a = accounts("admin-pw", "user-pw");
        assertEquals(Level.ADMIN, a.passwordLevel("admin", "admin-pw"));
        assertEquals(Level.USER, a.passwordLevel("user", "user-pw"));
        assertNull(a.passwordLevel("admin", "user-pw"));
        assertNull(a.passwordLevel("user", "admin-pw"));
        assertNull(a.passwordLevel("root", "admin-pw"));
        assertNull(accounts("admin-pw", "").passwordLevel("user", ""), "no user-level login without User_Password");
    }

    @Test
    void settingsThatMayNotRunAreRefusedInOneLineWithoutTheSecret() {
        assertTrue(new SshSettings(true, "admin", "", 22, "").refusal().orElseThrow().contains("SSH_Password is empty"));
        assertTrue(new SshSettings(true, "", "pw", 22, "").refusal().orElseThrow().contains("SSH_User_ID is empty"));
        assertTrue(new SshSettings(true, "user", "pw", 22, "").refusal().isPresent());
        assertTrue(new SshSettings(true, "admin", "pw", 22, "").refusal().isEmpty());
        assertFalse(new SshSettings(true, "admin", "pw-secret", 22, "u-secret").toString().contains("secret"));
    }
}

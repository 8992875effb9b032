package org.mppfw.provisioning.internal;

import java.util.Arrays;

import org.mppfw.api.provisioning.RuleOptions;
import org.mppfw.api.transport.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profile account entered on the phone, kept in memory only, and the credentials a rule's
 * download carries: the rule's {@code --uid}/{@code --pwd} when it has them, else the account.
 */
final class ProfileAccount {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileAccount.class);

    /** The account, or null. */
    private volatile Credentials account;

    /** Sets the account (a copy of the password is kept); a null or empty user clears it. */
    void set(String user, char[] password) {
        Credentials old = account;
        account = user == null || user.isEmpty() ? null : new Credentials(user, password == null ? new char[0] : password);
        if (old != null) {
            old.wipe();
        }
        LOG.info(account == null ? "profile account cleared" : "profile account set for user {}", user);
    }

    /** The credentials of a download by a rule with these options, or null; the caller wipes them. */
    Credentials credentials(RuleOptions options) {
        String uid = options.uid();
        String pwd = options.pwd();
        if (uid == null && pwd == null) {
            Credentials a = account;
            if (a == null) {
                return null;
            }
            char[] password = a.password();
            try {
                return new Credentials(a.user(), password); // the plan wipes its own copy
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        return new Credentials(uid == null ? "" : uid, (pwd == null ? "" : pwd).toCharArray());
    }
}

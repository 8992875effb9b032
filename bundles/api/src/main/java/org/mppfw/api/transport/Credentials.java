package org.mppfw.api.transport;

import java.util.Arrays;
import java.util.Objects;

/** A user name and password for a server or proxy. {@link #toString()} never shows the password. */
public final class Credentials {

    private final String user;
    private final char[] password;

    public Credentials(String user, char[] password) {
        this.user = Objects.requireNonNull(user);
        this.password = password.clone();
    }

    public String user() {
        return user;
    }

    /** A copy of the password; wipe it after use. */
    public char[] password() {
        return password.clone();
    }

    /** Overwrites the password held here. */
    public void wipe() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return user + ":***";
    }
}

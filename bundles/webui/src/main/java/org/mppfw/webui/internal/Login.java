package org.mppfw.webui.internal;

import static org.mppfw.webui.internal.Html.esc;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.mppfw.api.config.ParameterStore;
import org.mppfw.layout.LoginBackoff;

/**
 * The login: {@code admin} with {@code Admin_Password}, {@code user} with {@code User_Password},
 * compared in constant time, failures backing off per client address. Until an admin password is
 * set, the admin login answers only to loopback clients.
 */
final class Login {

    static final String ADMIN = "admin";
    static final String USER = "user";
    static final String ADMIN_PASSWORD = "Admin_Password";
    static final String USER_PASSWORD = "User_Password";
    static final String LOOPBACK_ONLY = "No admin password is set: the admin pages answer only to clients on this"
            + " phone's loopback address until Admin_Password is provisioned.";

    /** A login's outcome: the role, or why not. */
    record Outcome(Role role, String refusal) {
    }

    private final ParameterStore store;
    private final LoginBackoff backoff;

    Login(ParameterStore store, LoginBackoff backoff) {
        this.store = store;
        this.backoff = backoff;
    }

    /** Whether an admin session may be used from this address now. */
    boolean adminAllowed(InetAddress client) {
        return WebSettings.read(store).adminAccess()
                && (!store.get(ADMIN_PASSWORD).isEmpty() || client.isLoopbackAddress());
    }

    /** How long this address is still shut out after failed attempts, 0 if not. */
    long blockedSeconds(InetAddress client) {
        return backoff.blockedSeconds(client);
    }

    Outcome attempt(InetAddress client, String user, String password) {
        return attempt(client, user, expected -> Passwords.matches(password, expected));
    }

    /**
     * A login proved otherwise than by the password itself (HTTP Digest): {@code proof} tells
     * whether the credentials given prove the account's password, which it is given.
     */
    Outcome attempt(InetAddress client, String user, Predicate<String> proof) {
        long wait = backoff.blockedSeconds(client);
        if (wait > 0) {
            backoff.failed(client);
            return new Outcome(null, "Too many failed logins from this address: try again in " + wait + " s.");
        }
        Optional<Role> role = check(client, user == null ? "" : user.trim(), proof);
        if (role.isEmpty()) {
            long delay = backoff.failed(client);
            return new Outcome(null, "Wrong user name or password." + (delay > 0 ? " Try again in " + delay + " s." : ""));
        }
        backoff.succeeded(client);
        return new Outcome(role.get(), null);
    }

    private Optional<Role> check(InetAddress client, String user, Predicate<String> proof) {
        if (ADMIN.equals(user)) {
            boolean ok = proof.test(store.get(ADMIN_PASSWORD));
            return ok && adminAllowed(client) ? Optional.of(Role.ADMIN) : Optional.empty();
        }
        if (USER.equals(user)) {
            return proof.test(store.get(USER_PASSWORD)) ? Optional.of(Role.USER) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The login page. */
    String page(InetAddress client, String refusal) {
        StringBuilder b = new StringBuilder();
        if (store.get(ADMIN_PASSWORD).isEmpty()) {
            b.append("<p id=\"loopback-only\">").append(esc(LOOPBACK_ONLY)).append(client.isLoopbackAddress() ? ""
                    : " You are not on loopback: only the user login works.").append("</p>");
        }
        if (!WebSettings.read(store).adminAccess()) {
            b.append("<p>Enable_Web_Admin_Access is No: only the user login works.</p>");
        }
        b.append("<form method=\"post\" action=\"/login\"><table>")
                .append("<tr><td><label for=\"user\">User name</label></td><td><select id=\"user\" name=\"user\">")
                .append("<option value=\"admin\">admin</option><option value=\"user\">user</option></select></td></tr>")
                .append("<tr><td><label for=\"password\">Password</label></td><td>")
                .append("<input id=\"password\" type=\"password\" name=\"password\" autocomplete=\"current-password\"></td></tr>")
                .append("</table><button id=\"login\" type=\"submit\">Log in</button></form>");
        return Page.frame("Login", null, List.of(), refusal, refusal != null, b.toString());
    }
}

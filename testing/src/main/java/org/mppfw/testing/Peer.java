package org.mppfw.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for a real peer that is not installed: where the environment variable {@code CI}
 * is {@code true} the test fails, naming the Debian package to install (a CI machine installs
 * them all with {@code scripts/test}, so a missing one is a broken set-up, not a reason to pass);
 * anywhere else it is skipped with the same message.
 *
 * <p>{@link #PACKAGES} names the Debian package of every program the tests run; every package
 * named there is in a list of {@code scripts/packages/} (checked by {@code PackagesTest}).
 */
public final class Peer {

    /** Program (as the tests run it) → the Debian package that installs it. */
    public static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry("apache2", "apache2"),
            Map.entry("atftp", "atftp"),
            Map.entry("chromedriver", "chromium-driver"),
            Map.entry("chromium", "chromium"),
            Map.entry("curl", "curl"),
            Map.entry("dnsmasq", "dnsmasq-base"),
            Map.entry("gunzip", "gzip"),
            Map.entry("gzip", "gzip"),
            Map.entry("htdigest", "apache2-utils"),
            Map.entry("htpasswd", "apache2-utils"),
            Map.entry("in.tftpd", "tftpd-hpa"),
            Map.entry("ip", "iproute2"),
            Map.entry("kamailio", "kamailio"),
            Map.entry("kamcmd", "kamailio"),
            Map.entry("kea-dhcp4", "kea-dhcp4-server"),
            Map.entry("lighttpd", "lighttpd"),
            Map.entry("nft", "nftables"),
            Map.entry("nginx", "nginx-light"),
            Map.entry("node", "nodejs"),
            Map.entry("openssl", "openssl"),
            Map.entry("python3", "python3"),
            Map.entry("rsyslogd", "rsyslog"),
            Map.entry("scp", "openssh-client"),
            Map.entry("sftp", "openssh-client"),
            Map.entry("sh", "dash"),
            Map.entry("sipp", "sip-tester"),
            Map.entry("sipsak", "sipsak"),
            Map.entry("squid", "squid"),
            Map.entry("ssh", "openssh-client"),
            Map.entry("ssh-keygen", "openssh-client"),
            Map.entry("tar", "tar"),
            Map.entry("tc", "iproute2"),
            Map.entry("tftp", "tftp-hpa"),
            Map.entry("tinyproxy", "tinyproxy"),
            Map.entry("unbound", "unbound"));

    /** Where programs are looked for besides the PATH (a user's PATH often lacks the sbin folders). */
    private static final String[] SYSTEM_DIRS = {"/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"};

    private Peer() {
    }

    /** Whether this run is a CI run ({@code CI=true}), where a missing peer fails. */
    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Whether the tests run as root (servers then drop to their own users). */
    public static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The program's path, or null when it is not installed. */
    public static Path find(String program) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return Files.isExecutable(p) ? p : null;
        }
        Set<String> dirs = new LinkedHashSet<>();
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty()) {
                dirs.add(d);
            }
        }
        dirs.addAll(Set.of(SYSTEM_DIRS));
        for (String d : dirs) {
            Path p = Path.of(d, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Whether the program is installed. */
    public static boolean installed(String program) {
        return find(program) != null;
    }

    /**
     * The path of a program of {@link #PACKAGES}; when it is missing, fails (CI) or skips the test,
     * naming its package.
     */
    public static Path require(String program) {
        Path p = find(program);
        if (p == null) {
            String name = Path.of(program).getFileName().toString();
            missing(name, "apt-get install " + packageOf(name));
        }
        return p;
    }

    /** Requires a file that a package installs (a module, a helper), naming that package. */
    public static Path requireFile(Path file, String debianPackage) {
        if (!Files.exists(file)) {
            missing(file.toString(), "apt-get install " + debianPackage);
        }
        return file;
    }

    /** The Debian package of a program of {@link #PACKAGES}. */
    public static String packageOf(String program) {
        String pkg = PACKAGES.get(program);
        if (pkg == null) {
            throw new IllegalArgumentException(program + " is not a known peer: add its Debian package to Peer.PACKAGES"
                    + " and to a list of scripts/packages/");
        }
        return pkg;
    }

    /**
     * Ends the test because {@code what} is missing: "WHAT is missing: INSTALL". Fails when
     * {@code CI=true}, else skips (aborts) the test.
     */
    public static RuntimeException missing(String what, String install) {
        String message = what + " is missing: " + install;
        if (ci()) {
            throw new AssertionError(message + " (CI=true: a missing peer fails the test)");
        }
        throw Skip.because(message);
    }
}

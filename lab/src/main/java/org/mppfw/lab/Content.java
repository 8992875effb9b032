package org.mppfw.lab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the lab serves for a path, the same for HTTP, HTTPS and TFTP: a file under the root
 * (served as is, so that firmware images or one's own profiles can be dropped there), else a
 * sample profile made for the MAC in the path, else nothing.
 *
 * <p>Refused: {@code ..} segments, absolute paths (a second leading slash, a backslash, a drive
 * letter), files reached through a symbolic link that leads out of the root, the lab's own
 * secret files, {@code /secure/} over anything but HTTPS, {@code /ece/} over TFTP (the
 * encoding is told by an HTTP header only).
 */
public final class Content {

    /** How a request came in. */
    public enum Transport {
        HTTP, HTTPS, TFTP;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The answer to a look-up. */
    public sealed interface Lookup {
    }

    /** Something to send. {@code bytes} is set for a made profile, {@code file} for a file of the root. */
    public record Found(String contentType, String contentEncoding, long length, byte[] bytes, Path file)
            implements Lookup {
        public InputStream open() throws IOException {
            return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
        }
    }

    /** Refused (HTTP 403, TFTP error 2); the reason may be shown to the client. */
    public record Denied(String reason) implements Lookup {
    }

    /** Nothing there (HTTP 404, TFTP error 1). */
    public record Missing() implements Lookup {
    }

    private final Path root;
    private final Path realRoot;
    private final Profiles profiles;

    public Content(Path root, Profiles profiles) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = this.root.toRealPath();
        this.profiles = profiles;
    }

    /**
     * Looks a name up.
     *
     * @param name the decoded path relative to the root: an HTTP path without its one leading
     *             slash, or a TFTP file name as the client sent it
     */
    public Lookup lookup(String name, Transport transport) {
        if (name.isEmpty()) {
            return new Missing();
        }
        if (name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0
                || (name.length() >= 2 && name.charAt(1) == ':')) {
            return new Denied("absolute paths are not served");
        }
        // one spelling per file: "." and empty segments go, so that "./secure/x" is "secure/x"
        StringBuilder canonical = new StringBuilder();
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return new Denied("'..' is not allowed in a path");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                canonical.append(canonical.length() == 0 ? "" : "/").append(segment);
            }
        }
        name = canonical.toString();
        if (name.isEmpty()) {
            return new Missing();
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return new Denied("control characters are not allowed in a path");
            }
        }
        if (LabKeys.isPrivate(name) || name.startsWith(".lab-")) {
            return new Denied("the lab's secret files are not served");
        }
        if (name.startsWith("secure/") && transport != Transport.HTTPS) {
            return new Denied("/secure/ is served over HTTPS only");
        }
        if (name.startsWith("ece/") && transport == Transport.TFTP) {
            return new Denied("aes128gcm profiles need HTTP (Content-Encoding)");
        }

        Lookup file = file(name);
        if (file != null) {
            return file;
        }
        return made(name);
    }

    private Lookup file(String name) {
        Path p;
        try {
            p = root.resolve(name).normalize();
        } catch (InvalidPathException e) {
            return new Denied("not a valid path");
        }
        if (!p.startsWith(root)) {
            return new Denied("outside the root");
        }
        // the deepest part of the path that exists must really lie in the root (symbolic links)
        Path existing = p;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            if (existing == null || !existing.toRealPath().startsWith(realRoot)) {
                return new Denied("outside the root");
            }
        } catch (IOException e) {
            return new Denied("outside the root"); // a dangling link
        }
        if (existing.equals(p) && Files.isRegularFile(p) && Files.isReadable(p)) {
            try {
                return new Found(contentType(name), null, Files.size(p), null, p);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private Lookup made(String name) {
        if (name.equals("bootstrap.xml")) {
            return xml(profiles.bootstrap());
        }
        int slash = name.indexOf('/');
        if (slash < 0 || name.indexOf('/', slash + 1) >= 0) {
            return new Missing();
        }
        String dir = name.substring(0, slash);
        String file = name.substring(slash + 1);
        String path = "/" + name;
        switch (dir) {
            case "secure": {
                String mac = macOf(file, ".xml");
                return mac == null ? new Missing() : xml(profiles.secure(mac));
            }
            case "cfg": {
                String mac = macOf(file, ".cfg");
                return mac == null ? new Missing() : bytes("application/octet-stream", null, profiles.cfg(mac, path));
            }
            case "ece": {
                String mac = macOf(file, ".xml");
                return mac == null ? new Missing() : bytes("application/xml", "aes128gcm", profiles.ece(mac, path));
            }
            case "plain": {
                String mac = macOf(file, ".xml");
                if (mac != null) {
                    return xml(profiles.plain(mac, path));
                }
                mac = macOf(file, ".xml.gz");
                return mac == null ? new Missing() : bytes("application/gzip", null, profiles.plainGz(mac, path));
            }
            default:
                return new Missing();
        }
    }

    private static String macOf(String file, String suffix) {
        if (!file.endsWith(suffix)) {
            return null;
        }
        return Profiles.mac(file.substring(0, file.length() - suffix.length()));
    }

    private static Found xml(byte[] b) {
        return bytes("application/xml", null, b);
    }

    private static Found bytes(String type, String encoding, byte[] b) {
        return new Found(type, encoding, b.length, b, null);
    }

    static String contentType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".xml")) {
            return "application/xml";
        }
        if (n.endsWith(".gz")) {
            return "application/gzip";
        }
        if (n.endsWith(".pem") || n.endsWith(".crt")) {
            return "application/x-pem-file";
        }
        if (n.endsWith(".txt") || n.endsWith(".cfg.txt")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }
}

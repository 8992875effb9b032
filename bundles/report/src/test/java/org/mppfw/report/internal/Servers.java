package org.mppfw.report.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.mppfw.testing.Apache;
import org.mppfw.testing.Await;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.TempDirs;
import org.mppfw.testing.Tftpd;

/**
 * The servers a report goes to, on loopback: Apache httpd storing what is PUT under {@code /dav/}
 * (mod_dav) and what is POSTed to {@code /cgi/store} (a CGI shell script writing the body, and its
 * Content-Type and Content-Encoding, into {@code posted/}), and tftpd-hpa taking writes
 * ({@code --create}) into {@code tftp/}.
 */
final class Servers implements AutoCloseable {

    final Scratch s = new Scratch("report");
    final int http = Ports.tcp();
    final int tftp = Ports.udp();
    final Path dav;
    final Path posted;
    final Path tftpRoot;

    Servers() throws IOException {
        dav = TempDirs.openForWriting(s.mkdirs("www/dav"));
        posted = TempDirs.openForWriting(s.mkdirs("posted"));
        tftpRoot = TempDirs.openForWriting(s.mkdirs("tftp"));
        Path script = s.write("cgi/store", String.join("\n", "#!/bin/sh",
                "n=" + posted + "/$(date +%s%N)",
                "cat > $n.tmp",
                "printf '%s\\n%s\\n' \"$CONTENT_TYPE\" \"$HTTP_CONTENT_ENCODING\" > $n.meta",
                "mv $n.tmp $n.body",
                "printf 'Content-Type: text/plain\\r\\n\\r\\nstored\\n'", ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path lock = TempDirs.openForWriting(s.mkdirs("davlock"));
        String d = s.dir.toString();
        Apache.start(s, http, List.of("authz_core", "alias", "dav", "dav_fs", "cgid", "mime"), "%r %>s", List.of(
                "DocumentRoot " + d + "/www",
                "DavLockDB " + lock + "/lockdb",
                "ScriptSock " + d + "/cgid.sock",
                "<Directory " + d + "/www>", "  Require all granted", "</Directory>",
                "<Location /dav/>", "  Dav On", "</Location>",
                "ScriptAlias /cgi/ " + d + "/cgi/",
                "<Directory " + d + "/cgi>", "  Options +ExecCGI", "  Require all granted", "</Directory>"));
        Tftpd.hpa(s, null, "127.0.0.1", tftp, tftpRoot, s.dir);
    }

    String httpBase() {
        return "http://127.0.0.1:" + http;
    }

    String tftpBase() {
        return "tftp://127.0.0.1:" + tftp;
    }

    /** The bodies POSTed so far, oldest first, once {@code count} have arrived. */
    List<Path> posts(int count) {
        return Await.value(count + " POST(s) stored", () -> {
            try (Stream<Path> f = Files.list(posted)) {
                List<Path> bodies = f.filter(p -> p.toString().endsWith(".body")).sorted().toList();
                return bodies.size() >= count ? bodies : null;
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** The Content-Type and Content-Encoding the CGI saw with a stored body. */
    List<String> meta(Path body) throws IOException {
        return Files.readAllLines(body.resolveSibling(body.getFileName().toString().replace(".body", ".meta")));
    }

    @Override
    public void close() {
        s.close();
    }
}

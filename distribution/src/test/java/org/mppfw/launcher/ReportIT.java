package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testing.Apache;
import org.mppfw.testing.Await;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.TempDirs;

/**
 * Reports from the real image: a profile served by nginx sets {@code Report_Rule} (two targets on
 * Apache httpd with mod_dav); after the resync that applied it, the phone PUTs the delta to both;
 * {@code prov:report} sends the status on request; local changes are reported once
 * {@code Upload_Delay_On_Local_Change} after them; {@code sys:prt} writes a problem report that tar
 * opens. No secret reaches a server or the archive in clear.
 */
class ReportIT {

    static final String SECRET = "profile-secret-5c1e";

    @TempDir
    Path scratch;

    @Test
    void reportsAfterEachResyncOnRequestAndAProblemReport() throws Exception {
        int port = Ports.tcp();
        try (Scratch apache = new Scratch("report-it");
                HttpPeer http = new HttpPeer(scratch.resolve("nginx"))) {
            Path dav = webDav(apache, port);
            String base = "http://127.0.0.1:" + port + "/dav/";
            Files.writeString(http.file("profile.xml"), "<flat-profile>\n<GPP_A>from the profile</GPP_A>\n"
                    + "<GPP_SB>" + SECRET + "</GPP_SB>\n<HTTP_Report_Method>PUT</HTTP_Report_Method>\n"
                    + "<Report_Rule>[--delta] " + base + "$MA-delta.xml " + base + "$MA-copy.xml</Report_Rule>\n"
                    + "</flat-profile>\n");
            Path data = scratch.resolve("data");
            try (PhoneProcess phone = PhoneProcess.start(UpgradeIT.IMAGE, data, scratch.resolve("phone.log"),
                    UpgradeIT.OPTS)) {
                phone.awaitSettled(data);
                phone.awaitIdle();
                phone.run("prov:resync " + http.url("profile.xml"));
                Path delta = Await.value("the delta report on the server", Await.TIMEOUT, () -> find(dav, "-delta.xml"),
                        () -> phone.logForMessage());
                String body = Files.readString(delta);
                assertTrue(body.contains("<GPP_A ua=\"na\">from the profile</GPP_A>"), body);
                assertTrue(body.contains("<GPP_SB ua=\"na\">************</GPP_SB>"), body);
                assertFalse(body.contains("<GPP_B "), "the delta holds only what changed: " + body);
                Path copy = Await.value("the second target's copy", () -> find(dav, "-copy.xml"));
                assertEquals(body, Files.readString(copy));

                String sent = phone.run("prov:report '[--status] " + base + "status.xml'");
                assertTrue(sent.contains("sent to http://127.0.0.1:" + port + "/dav/status.xml"), sent);
                String status = Files.readString(dav.resolve("status.xml"));
                assertTrue(status.contains("<Last_Resync_Result>A</Last_Resync_Result>"), status);
                assertTrue(status.contains("GPP_A") && status.contains("<Applied_Config_Hash>"), status);

                // On Local Change: one report Upload_Delay_On_Local_Change seconds after local changes,
                // holding what changed since the resync's report (the baseline moved after it)
                phone.run("param:set Upload_Delay_On_Local_Change 10");
                phone.run("param:set Report_to_Server 'On Local Change'");
                phone.run("param:set Station_Name 'changed locally'");
                String local = Await.value("the report of the local changes", Await.TIMEOUT, () -> {
                    try {
                        String b = Files.readString(delta);
                        return b.contains("changed locally") ? b : null;
                    } catch (IOException e) {
                        return null;
                    }
                }, () -> phone.logForMessage());
                assertTrue(local.contains("<Report_to_Server ua=\"na\">On Local Change</Report_to_Server>"), local);
                assertFalse(local.contains("GPP_A"), "reported after the resync already: " + local);

                Files.createDirectories(data.resolve("log"));
                Files.writeString(data.resolve("log/extra.log"), "a line quoting " + SECRET + "\n");
                String prt = phone.run("sys:prt").strip();
                Path archive = Path.of(prt.lines().findFirst().orElseThrow());
                assertTrue(archive.getFileName().toString().matches("probrep-\\d{8}-\\d{6}\\.tar\\.gz"), prt);
                Path out = Files.createDirectories(scratch.resolve("prt"));
                Commands.ok(out, "tar", "-xzf", archive.toString());
                assertTrue(Files.readString(out.resolve("resync-history.txt")).contains(http.url("profile.xml")));
                assertTrue(Files.isRegularFile(out.resolve("log/extra.log")));
                assertFalse(Files.readString(out.resolve("boots.txt")).contains("no boot recorded"));
                assertEquals(1, Commands.run(out, "grep", "-r", "-F", SECRET, ".").exit(), "no secret in the PRT");
                for (Path f : List.of(delta, copy, dav.resolve("status.xml"))) {
                    assertFalse(Files.readString(f).contains(SECRET));
                }
                assertFalse(phone.log().contains(SECRET), "the secret is never logged");
            }
        }
    }

    private static Path find(Path dir, String suffix) {
        try (Stream<Path> f = Files.list(dir)) {
            return f.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Apache httpd with WebDAV on {@code port}, files PUT under {@code /dav/} landing in the directory returned. */
    static Path webDav(Scratch apache, int port) throws Exception {
        Path dav = TempDirs.openForWriting(apache.mkdirs("www/dav"));
        Path lock = TempDirs.openForWriting(apache.mkdirs("lock"));
        Apache.start(apache, port, List.of("authz_core", "dav", "dav_fs", "mime"), "%r %>s", List.of(
                "DocumentRoot " + apache.dir + "/www", "DavLockDB " + lock + "/db",
                "<Directory " + apache.dir + "/www>", "  Require all granted", "</Directory>",
                "<Location /dav/>", "  Dav On", "</Location>"));
        return dav;
    }
}

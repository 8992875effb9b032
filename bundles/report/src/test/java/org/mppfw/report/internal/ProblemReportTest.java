package org.mppfw.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.report.ReportOutcome;
import org.mppfw.testing.Await;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Peer;

/** Problem reports: a tar.gz that tar opens, holding the logs and histories and no secret; uploads. */
class ProblemReportTest {

    static final String SECRET = "Sip-Pw-Never-In-Clear-99";

    static Servers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new Servers();
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private static ProblemReportWriter writer(Phone p) {
        return new ProblemReportWriter(p.data, p.store(), Phone.ID, p.clock, new ProblemReportWriter.History() {
            @Override
            public String resyncs() {
                return "resync history here\n";
            }

            @Override
            public String upgrades() {
                return "upgrade history here\n";
            }

            @Override
            public String boots() {
                return "boot history here\n";
            }
        });
    }

    @Test
    void archiveOpensWithTarAndHoldsNoSecret(@TempDir Path dir) throws Exception {
        Peer.require("tar");
        try (Phone p = new Phone(dir)) {
            p.set("GPP_SD", SECRET);
            p.set("Admin_Password", "admin-" + SECRET);
            Files.createDirectories(dir.resolve("log/old"));
            Files.writeString(dir.resolve("log/phone.log"), "line 1\na careless line quoting " + SECRET + " here\n");
            Files.writeString(dir.resolve("log/old/phone.log.1"), "rotated\n");
            Path archive = writer(p).write("test");
            assertEquals("probrep-20261207-100000.tar.gz", archive.getFileName().toString());
            assertEquals(dir.resolve("prt"), archive.getParent());
            Path out = Files.createDirectories(dir.resolve("x"));
            Commands.ok(out, "tar", "-xzf", archive.toString());
            List<String> names;
            try (Stream<Path> f = Files.walk(out)) {
                names = f.filter(Files::isRegularFile).map(x -> out.relativize(x).toString()).sorted().toList();
            }
            assertEquals(List.of("boots.txt", "config.xml", "log/old/phone.log.1", "log/phone.log", "prt.txt",
                    "resync-history.txt", "upgrade.txt"), names);
            assertEquals("rotated\n", Files.readString(out.resolve("log/old/phone.log.1")));
            assertTrue(Files.readString(out.resolve("log/phone.log")).contains("quoting ************ here"));
            assertEquals("boot history here\n", Files.readString(out.resolve("boots.txt")));
            assertTrue(Files.readString(out.resolve("config.xml")).contains("<GPP_SD ua=\"na\">************</GPP_SD>"));
            assertEquals(1, Commands.run(out, "grep", "-r", "-F", SECRET, ".").exit(), "grep finds no secret");
        }
    }

    @Test
    void keepsTheLatestFive(@TempDir Path dir) throws Exception {
        try (Phone p = new Phone(dir)) {
            for (int i = 0; i < 7; i++) {
                writer(p).write("n" + i);
                p.clock.advance(Duration.ofSeconds(1));
            }
            try (Stream<Path> f = Files.list(dir.resolve("prt"))) {
                assertEquals(List.of("probrep-20261207-100002.tar.gz", "probrep-20261207-100003.tar.gz",
                        "probrep-20261207-100004.tar.gz", "probrep-20261207-100005.tar.gz",
                        "probrep-20261207-100006.tar.gz"), f.map(x -> x.getFileName().toString()).sorted().toList());
            }
        }
    }

    /** POST: multipart/form-data with the fields of Cisco's sample upload script, and the PRT header. */
    @Test
    void postsTheArchiveAsPrtFile(@TempDir Path dir) throws Exception {
        try (Phone p = new Phone(dir)) {
            ProblemReportUpload up = new ProblemReportUpload(p.store(), new org.mppfw.provisioning.internal
                    .ProvisioningRulesImpl(), p.macros::now, Phone.ID, p.upload);
            Path archive = writer(p).write("test");
            assertNull(up.upload(archive), "no PRT_Upload_Rule, no upload");
            p.set("PRT_Upload_Rule", servers.httpBase() + "/cgi/store");
            p.set("Station_Display_Name", "Front Desk");
            p.set("PRT_HTTP_Header", "x-prt-test");
            p.set("PRT_HTTP_Header_Value", "always");
            int before = count();
            ReportOutcome o = up.upload(archive);
            assertTrue(o.sent(), o.toString());
            Path body = servers.posts(before + 1).get(before);
            assertTrue(servers.meta(body).get(0).startsWith("multipart/form-data; boundary="));
            String form = Files.readString(body, StandardCharsets.ISO_8859_1);
            assertTrue(form.contains("name=\"devicename\"\r\n\r\nSEP0011223344AB\r\n"), form);
            assertTrue(form.contains("name=\"serialno\"\r\n\r\nFCH1234ABCD\r\n"), form);
            assertTrue(form.contains("name=\"username\"\r\n\r\nFront Desk\r\n"), form);
            assertTrue(form.contains("name=\"prt_file\"; filename=\"probrep-20261207-100000.tar.gz\""), form);
            byte[] sent = Files.readAllBytes(archive);
            assertTrue(form.contains(new String(sent, StandardCharsets.ISO_8859_1)), "the archive as it is");
            Await.until("the POST in the access log", () -> servers.s.read("access.log").contains("POST /cgi/store"));
        }
    }

    /** PUT: the archive itself, stored by mod_dav, byte for byte. */
    @Test
    void putsTheArchive(@TempDir Path dir) throws Exception {
        try (Phone p = new Phone(dir)) {
            ProblemReportUpload up = new ProblemReportUpload(p.store(), new org.mppfw.provisioning.internal
                    .ProvisioningRulesImpl(), p.macros::now, Phone.ID, p.upload);
            Path archive = writer(p).write("test");
            p.set("PRT_Upload_Rule", servers.httpBase() + "/dav/prt-$MA.tar.gz");
            p.set("PRT_Upload_Method", "PUT");
            assertTrue(up.upload(archive).sent());
            assertEquals(-1L, Files.mismatch(archive, servers.dav.resolve("prt-0011223344ab.tar.gz")));
            assertFalse(Files.readString(servers.dav.resolve("prt-0011223344ab.tar.gz"), StandardCharsets.ISO_8859_1)
                    .isEmpty());
        }
    }

    private static int count() throws Exception {
        try (var f = Files.list(servers.posted)) {
            return (int) f.filter(x -> x.toString().endsWith(".body")).count();
        }
    }
}

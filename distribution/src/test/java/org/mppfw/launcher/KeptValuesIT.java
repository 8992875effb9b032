package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values survive firmware changes: the real image (v1) and a v2 whose config bundle is the same
 * build with two more catalog rows (a secret and an integer), made from the image as a release is
 * ({@link TestImages#appended}). The phone goes v1 → v2 → rollback → v2 over nginx, and its power
 * is cut (SIGKILL) after each step; every value set on either firmware is there at the end.
 */
class KeptValuesIT {

    static final Path IMAGE = UpgradeIT.IMAGE;
    static final String OPTS = UpgradeIT.OPTS;
    static final String CATALOG = "org/mppfw/config/internal/catalog.tsv";
    static final String SECRET = "only-v2-knows-this-9f3a";

    @TempDir
    Path scratch;

    @Test
    void upgradeRollbackUpgradeWithAPowerCutAtEachStepLosesNothing() throws Exception {
        TestImages images = new TestImages(IMAGE, UpgradeIT.KEY, scratch.resolve("images"));
        Files.createDirectories(scratch.resolve("images"));
        String jar = "mppfw-config.jar";
        Path config = images.appended(jar, CATALOG, "Future_Password\tSTRING\t-\tna\ty\t-\tFuture/Test\n"
                + "Future_Count\tINTEGER\t5\tna\tn\t0..10\tFuture/Test\n", "k2");
        Path v2 = images.draft("v2").remove(jar).add(images.level(jar), config)
                .build(UpgradeIT.V2, scratch.resolve("images/out/sip88xx." + UpgradeIT.V2 + ".loads"));
        Path data = scratch.resolve("data");
        Path file = data.resolve("config/parameters.xml");
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx"))) {
            Files.copy(v2, http.file(v2.getFileName().toString()));
            String url = http.url(v2.getFileName().toString());
            PhoneProcess.batch(IMAGE, data, OPTS, "param:set Station_Name 'set on v1'");

            // v1 → v2; both new values set on v2; power cut
            try (PhoneProcess phone = start(data, "1-upgrade")) {
                phone.run("fw:upgrade " + url);
                UpgradeIT.awaitStatus(phone, "active a (" + UpgradeIT.V2 + ")", 60);
                phone.awaitIdle();
                assertTrue(phone.run("param:set Future_Count 7").startsWith("Future_Count=7"), phone.log());
                phone.run("param:set Future_Password " + SECRET);
                phone.kill9();
            }
            assertStored(file);

            // on v2 after the cut; roll back to v1: the values only v2 knows are kept; a write on v1; power cut
            try (PhoneProcess phone = start(data, "2-rollback")) {
                assertEquals("7", get(phone, "Future_Count"));
                String rolled = phone.run("fw:rollback");
                assertTrue(rolled.contains("rolled back to " + UpgradeIT.V1), rolled + "\n" + phone.log());
                phone.awaitIdle();
                assertKeptOnV1(phone);
                phone.run("param:set Station_Name 'written on v1 after the rollback'");
                phone.run("param:import " + profile(scratch, "<GPP_A>from a profile on v1</GPP_A>"));
                phone.kill9();
            }
            assertStored(file);

            // on v1 after the cut: still kept; upgrade to v2 again (from the slot); power cut
            try (PhoneProcess phone = start(data, "3-upgrade-again")) {
                assertTrue(phone.run("fw:status").contains("running   sip8845." + UpgradeIT.V1));
                assertKeptOnV1(phone);
                phone.run("fw:upgrade " + url);
                UpgradeIT.awaitStatus(phone, "active a (" + UpgradeIT.V2 + ")", 60);
                phone.awaitIdle();
                assertEquals("7", get(phone, "Future_Count"));
                phone.kill9();
            }
            assertStored(file);

            // on v2 after the cut: every value is in use again, nothing kept
            try (PhoneProcess phone = start(data, "4-after")) {
                assertTrue(phone.run("fw:status").contains("running   sip8845." + UpgradeIT.V2), phone.log());
                assertEquals("7", get(phone, "Future_Count"));
                assertEquals("************", get(phone, "Future_Password"));
                assertEquals("written on v1 after the rollback", get(phone, "Station_Name"));
                assertEquals("from a profile on v1", get(phone, "GPP_A"));
                assertEquals("Nothing kept: every stored value is in use", phone.run("param:kept").strip());
                assertFalse(phone.log().contains(SECRET), "the secret is never logged");
            }
            assertStored(file);
        }
    }

    private PhoneProcess start(Path data, String name) throws Exception {
        PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve(name + ".log"), OPTS);
        phone.awaitSettled(data);
        phone.awaitIdle(); // and past the banner
        return phone;
    }

    /** On v1: the two values are kept, named, not parameters, not exported, their values never shown. */
    private static void assertKeptOnV1(PhoneProcess phone) throws Exception {
        assertTrue(phone.run("fw:status").contains("running   sip8845." + UpgradeIT.V1));
        String kept = phone.run("param:kept").strip();
        assertTrue(kept.startsWith("2 stored values kept") && kept.contains("Future_Password")
                && kept.contains("Future_Count"), kept);
        assertTrue(get(phone, "Future_Count").contains("unknown parameter"));
        String list = phone.run("param:list").strip();
        assertTrue(list.endsWith("Kept for another firmware, not applied (2, see param:kept): "
                + "Future_Password, Future_Count"), list);
        String export = phone.run("param:export");
        assertFalse(export.contains("Future_"), export);
        for (String out : new String[] {kept, list, export, phone.log()}) {
            assertFalse(out.contains(SECRET));
        }
    }

    private static String get(PhoneProcess phone, String name) throws Exception {
        return phone.run("param:get " + name).strip();
    }

    /** The stored file holds both values, whichever firmware wrote it last. */
    private static void assertStored(Path file) throws Exception {
        String stored = Files.readString(file);
        assertTrue(stored.contains(">7</p>") && stored.contains(">" + SECRET + "</p>"), "stored values lost");
    }

    private static String profile(Path dir, String body) throws Exception {
        Path p = dir.resolve("v1-profile.xml");
        Files.writeString(p, "<flat-profile>" + body + "</flat-profile>");
        return p.toString();
    }
}

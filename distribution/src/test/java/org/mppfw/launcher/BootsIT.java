package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.layout.BootEntry;
import org.mppfw.layout.BootHistory;

/**
 * Every restart of the real image goes through the power service and is recorded: a reboot from
 * the shell is a new Java runtime booted from the firmware state record, a factory reset reboots
 * and starts the history again, a crashed Java runtime is started again by {@code bin/mppfw} and
 * recorded as a crash, and a command run is no boot at all. A phone out of the box (the factory
 * {@code /$PSN.xml}, discovery off) says on its LCD, in {@code prov:status} and in its log what its
 * power-up resync lacks and how to give it.
 */
class BootsIT {

    static final Path IMAGE = UpgradeIT.IMAGE;

    @TempDir
    Path data;
    @TempDir
    Path scratch;

    private List<BootEntry> boots() {
        return BootHistory.read(data).entries();
    }

    /** Waits until the history has {@code n} boots and the newest runs. */
    private void awaitBoot(PhoneProcess phone, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (boots().size() != n || !BootEntry.RUNNING.equals(boots().get(n - 1).end())) {
            assertTrue(phone.alive() && System.nanoTime() < deadline, "boot " + n + " did not come: " + boots()
                    + "\n" + phone.log());
            Thread.sleep(50);
        }
        phone.awaitSettled(data);
    }

    /** What the power-up resync of a phone out of the box says: the factory rule, discovery off. */
    static final String NO_SERVER = "Profile_Rule: no server, and discovery is off: set a full URL "
            + "(param:set Profile_Rule http://server/$PSN.xml) or turn discovery on (mppfw.discovery.mode=dhcp)";

    @Test
    void aPhoneOutOfTheBoxSaysHowToGiveItAProvisioningServer() throws Exception {
        try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("phone.log"), "")) {
            // within Resync_Random_Delay x 20 s of power-on
            phone.awaitLog("resync (power-up) failed (class C): " + NO_SERVER, 120);
            String status = phone.run("prov:status");
            assertTrue(status.contains("Result:         failed (class C)"), status);
            assertTrue(status.contains("Message:        " + NO_SERVER), status);
            String lcd = phone.run("lcd:show");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!lcd.contains("Resync failed") && System.nanoTime() < deadline) {
                Thread.sleep(50); // the LCD hears of the attempt just after the log line
                lcd = phone.run("lcd:show");
            }
            for (String line : List.of("Resync failed — ", "Profile_Rule: no server, and",
                    "discovery is off: set a full", "URL (param:set Profile_Rule", "http://server/$PSN.xml) or turn",
                    "discovery on", "(mppfw.discovery.mode=dhcp)")) {
                assertTrue(lcd.contains(line), "'" + line + "' on the LCD:\n" + lcd);
            }
        }
    }

    @Test
    void rebootsFactoryResetsAndCrashesAreEachANewBootWithItsReason() throws Exception {
        PhoneProcess.batch(IMAGE, data, "", "param:set Station_Name boots; sys:boots");
        assertTrue(boots().isEmpty(), "a command run is no boot: " + boots());
        try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("phone.log"), "")) {
            awaitBoot(phone, 1);
            long firstJava = phone.java().orElseThrow().pid();
            assertTrue(phone.run("sys:boots").contains("power-on"));
            phone.send("sys:reboot", "Rebooting.");
            awaitBoot(phone, 2);
            assertTrue(phone.java().orElseThrow().pid() != firstJava, "a reboot is a new Java runtime");
            String table = phone.run("sys:boots");
            assertTrue(table.matches("(?s).*1 .*power-on .*rebooted.*2 .*user-request .*now .*sys:reboot.*"), table);
            assertEquals("boots", phone.run("param:get Station_Name").trim());

            // a crash of the Java runtime (SIGABRT, as the JVM's own fatal errors end): bin/mppfw starts it again
            new ProcessBuilder("kill", "-ABRT", Long.toString(phone.java().orElseThrow().pid())).start().waitFor();
            awaitBoot(phone, 3);
            assertEquals(BootEntry.LOST, boots().get(1).end());
            assertEquals(BootHistory.CRASH, boots().get(2).reason());
            assertTrue(boots().get(2).detail().contains("status 134"), boots().toString());

            String reset = phone.send("sys:factory-reset --yes", "Rebooting.");
            assertTrue(reset.contains("Factory reset done"), reset);
            awaitBoot(phone, 1);
            assertEquals(BootHistory.FACTORY_RESET, boots().get(0).reason(), boots().toString());
            assertFalse(phone.run("param:get Station_Name").contains("boots"), "the parameters are the factory's");
        }
        assertEquals(BootEntry.STOPPED, boots().get(0).end(), "exit is a clean stop");
        String out = PhoneProcess.batch(IMAGE, data, "", "sys:boots");
        assertTrue(out.contains("factory-reset") && out.contains("stopped"), out);
        assertEquals(1, boots().size(), "the command run added nothing");
        assertFalse(Files.exists(data.resolve("system/reboot.properties")));
    }
}

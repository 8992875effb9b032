package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootConfigTest {

    private static final Path IMAGE = Path.of("/opt/mppfw");
    private static final Path DATA = Path.of("/var/lib/mppfw");

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    private static Properties firmware() {
        return props("release", "12-0-1MPP0001-1");
    }

    @Test
    void firmwareVersionUsesTheModelSeries() {
        assertEquals("sip8845.12-0-1MPP0001-1", BootConfig.firmwareVersion("CP-8845-3PCC", "12-0-1MPP0001-1"));
        assertEquals("sip7841.12-0-1MPP0001-1", BootConfig.firmwareVersion("CP-7841-3PCC", "12-0-1MPP0001-1"));
        assertEquals("sip8851.12-0-1MPP0001-1", BootConfig.firmwareVersion("CP-8851NR-3PCC", "12-0-1MPP0001-1"));
    }

    @Test
    void setsDataDirCacheAndVersionWithoutInventingIdentity() throws Exception {
        Map<String, String> p = BootConfig.build(IMAGE, DATA, LaunchArgs.parse(), props(), props(), firmware(), props())
                .frameworkProperties();
        assertEquals(DATA.toString(), p.get("mppfw.data.dir"));
        assertEquals(DATA.resolve("felix-cache").toString(), p.get("org.osgi.framework.storage"));
        assertEquals("onFirstInit", p.get("org.osgi.framework.storage.clean"));
        assertEquals("sip8845.12-0-1MPP0001-1", p.get("mppfw.firmware.version"));
        assertEquals(IMAGE.toString(), p.get("gosh.home"));
        assertFalse(p.containsKey("mppfw.model"));
        assertFalse(p.containsKey("mppfw.mac"));
    }

    @Test
    void commandLineWinsOverBootPropertiesWhichWinOverTheImage() throws Exception {
        Properties image = props("model", "CP-6871-3PCC", "mac", "001122334455", "serial", "IMG", "hwversion", "3");
        Properties boot = props("model", "CP-7841-3PCC", "serial", "BOOT");
        LaunchArgs args = LaunchArgs.parse("--model", "CP-8861-3PCC");
        Map<String, String> p = BootConfig.build(IMAGE, DATA, args, image, boot, firmware(), props()).frameworkProperties();
        assertEquals("CP-8861-3PCC", p.get("mppfw.model"));
        assertEquals("BOOT", p.get("mppfw.serial"));
        assertEquals("001122334455", p.get("mppfw.mac"));
        assertEquals("3", p.get("mppfw.hwversion"));
        assertEquals("sip8861.12-0-1MPP0001-1", p.get("mppfw.firmware.version"));
    }

    @Test
    void laterBootsTakeTheSeriesFromThePersistedIdentity() throws Exception {
        BootConfig c = BootConfig.build(IMAGE, DATA, LaunchArgs.parse(), props(), props(), firmware(),
                props("model", "CP-7841-3PCC"));
        assertEquals("sip7841.12-0-1MPP0001-1", c.firmwareVersion());
        assertFalse(c.frameworkProperties().containsKey("mppfw.model"));
    }

    @Test
    void dottedKeysPassThroughButLauncherKeysCannotBeOverridden() throws Exception {
        Properties image = props("org.apache.felix.http.host", "127.0.0.1",
                "org.osgi.framework.storage", "/elsewhere", "mppfw.firmware.version", "forged");
        Map<String, String> p = BootConfig.build(IMAGE, DATA, LaunchArgs.parse(), image, props(), firmware(), props())
                .frameworkProperties();
        assertEquals("127.0.0.1", p.get("org.apache.felix.http.host"));
        assertEquals(DATA.resolve("felix-cache").toString(), p.get("org.osgi.framework.storage"));
        assertEquals("sip8845.12-0-1MPP0001-1", p.get("mppfw.firmware.version"));
    }

    @Test
    void withoutShellTheShellBundlesRunWithoutAConsole() throws Exception {
        Map<String, String> service = BootConfig.build(IMAGE, DATA, LaunchArgs.parse("--no-shell"), props(), props(),
                firmware(), props()).frameworkProperties();
        assertEquals("--nointeractive --noshutdown", service.get("gosh.args"));
        assertNull(BootConfig.build(IMAGE, DATA, LaunchArgs.parse(), props(), props(), firmware(), props())
                .frameworkProperties().get("gosh.args"), "the console shell reads its terminal");
        assertNull(BootConfig.build(IMAGE, DATA, LaunchArgs.parse("-c", "lb"), props(), props(), firmware(), props())
                .frameworkProperties().get("gosh.args"), "a command run installs no shell");
    }

    @Test
    void anImageWithoutReleaseDoesNotBoot() {
        assertThrows(IllegalStateException.class,
                () -> BootConfig.build(IMAGE, DATA, LaunchArgs.parse(), props(), props(), props(), props()));
    }

    @Test
    void dataDirComesFromTheCommandLineTheImageOrTheDefault() throws Exception {
        assertEquals(IMAGE.resolve("data"), BootConfig.dataDir(IMAGE, LaunchArgs.parse(), props()));
        assertEquals(IMAGE.resolve("var/phone"), BootConfig.dataDir(IMAGE, LaunchArgs.parse(), props("data", "var/phone")));
        assertEquals(Path.of("/srv/phone"),
                BootConfig.dataDir(IMAGE, LaunchArgs.parse("--data", "/srv/phone"), props("data", "x")));
        assertEquals(Path.of("rel").toAbsolutePath(), BootConfig.dataDir(IMAGE, LaunchArgs.parse("--data", "rel"), props()));
    }

    @Test
    void loadReadsTheFilesOfImageAndDataDir(@TempDir Path tmp) throws Exception {
        Path image = tmp.resolve("image");
        Path data = tmp.resolve("data");
        Files.createDirectories(image.resolve("etc"));
        Files.createDirectories(data);
        Files.writeString(image.resolve("etc/firmware.properties"), "release=12-0-1MPP0001-7\n");
        Files.writeString(image.resolve("etc/mppfw.properties"), "data=../data\nmac=00:0e:08:01:23:45\n");
        Files.writeString(data.resolve("boot.properties"), "model=CP-7841-3PCC\n");
        BootConfig c = BootConfig.load(image, LaunchArgs.parse());
        assertEquals(data.toAbsolutePath().normalize(), c.dataDir());
        assertEquals("sip7841.12-0-1MPP0001-7", c.firmwareVersion());
        assertEquals("00:0e:08:01:23:45", c.frameworkProperties().get("mppfw.mac"));
        assertTrue(c.bundlesList().endsWith(Path.of("etc", "bundles.list")));
    }
}

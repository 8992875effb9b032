package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.Access;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.Parameter;
import org.mppfw.layout.Durable;

class PersistenceTest {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsValuesAccessAndUserFlag() throws Exception {
        ParameterStoreImpl s = TestStores.open(dir);
        s.set("Resync_Periodic", "7200", ChangeSource.ADMIN);
        s.set("GPP_SB", "key & <secret>\ttab", ChangeSource.ADMIN);
        TestStores.apply(s, TestStores.flat("<GPP_C ua=\"rw\">c</GPP_C><Profile_Rule ua=\"ro\">/$PSN.xml</Profile_Rule>"));
        s.set("Station_Name", "Desk 4", ChangeSource.USER);

        ParameterStoreImpl t = TestStores.open(dir);
        assertEquals(s.values(), t.values());
        assertEquals("key & <secret>\ttab", t.get("GPP_SB"));
        assertEquals(Access.RW, t.parameter("GPP_C").orElseThrow().access());
        assertEquals(Access.RO, t.parameter("Profile_Rule").orElseThrow().access());
        assertTrue(t.parameter("Station_Name").orElseThrow().userSet());
        assertFalse(t.parameter("GPP_C").orElseThrow().userSet());

        String file = Files.readString(t.file());
        assertFalse(file.contains("Provision_Enable"), "only what differs from the factory state is stored");
        assertTrue(file.contains("Profile_Rule"), "an access override is stored");
    }

    @Test
    void filesArePrivate() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        ParameterStoreImpl s = TestStores.open(dir.resolve("data"));
        s.set("GPP_A", "x", ChangeSource.ADMIN);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file().getParent())));
    }

    @Test
    void leftoverTempFileIsIgnoredAndRemoved() throws Exception {
        ParameterStoreImpl s = TestStores.open(dir);
        s.set("GPP_A", "committed", ChangeSource.ADMIN);
        Path tmp = Durable.tempOf(s.file());
        Files.writeString(tmp, "<parameters format=\"1\">\n  <p n=\"GPP_A\" ua=\"na\" user=\"n\">half-writ");
        ParameterStoreImpl t = TestStores.open(dir);
        assertEquals("committed", t.get("GPP_A"));
        assertFalse(Files.exists(tmp));
    }

    @Test
    void corruptFileIsKeptAsideAndDefaultsLoad() throws Exception {
        ParameterStoreImpl s = TestStores.open(dir);
        s.set("GPP_A", "x", ChangeSource.ADMIN);
        String garbage = "<parameters format=\"1\">\n  <p n=\"GPP_A\" ua=\"na\" user=\"n\">trunc";
        Files.writeString(s.file(), garbage);
        ParameterStoreImpl t = TestStores.open(dir);
        assertEquals("", t.get("GPP_A"));
        assertEquals(ParameterFile.defaults(Catalog.standard()).size(), t.values().size());
        List<Path> aside = corruptCopies(t);
        assertEquals(1, aside.size());
        assertEquals(garbage, Files.readString(aside.get(0)));
        assertFalse(Files.exists(t.file()));
        // the store works on: the next write creates a good file
        t.set("GPP_B", "y", ChangeSource.ADMIN);
        assertEquals("y", TestStores.open(dir).get("GPP_B"));
    }

    @Test
    void wrongRootOrEmptyFileIsCorruptToo() throws Exception {
        Path file = dir.resolve("config").resolve(ParameterFile.FILE_NAME);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<flat-profile><GPP_A>x</GPP_A></flat-profile>");
        assertEquals("", TestStores.open(dir).get("GPP_A"));
        Files.write(file, new byte[0]);
        ParameterStoreImpl t = TestStores.open(dir);
        assertEquals(2, corruptCopies(t).size());
    }

    @Test
    void storedEntriesThatNoLongerFitAreKeptAsideNotApplied() throws Exception {
        Path file = dir.resolve("config").resolve(ParameterFile.FILE_NAME);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<parameters format=\"1\">\n<p n=\"Gone_Parameter\" ua=\"na\" user=\"n\">x</p>\n"
                + "<p n=\"Resync_Random_Delay\" ua=\"na\" user=\"n\">not a number</p>\n"
                + "<p n=\"GPP_A\" ua=\"rw\" user=\"y\">kept</p>\n</parameters>\n");
        ParameterStoreImpl t = TestStores.open(dir);
        assertEquals("2", t.get("Resync_Random_Delay"));
        assertEquals("kept", t.get("GPP_A"));
        Parameter p = t.parameter("GPP_A").orElseThrow();
        assertTrue(p.userSet());
        assertEquals(Access.RW, p.access());
        assertTrue(corruptCopies(t).isEmpty());
        assertEquals(List.of("Gone_Parameter", "Resync_Random_Delay"),
                t.kept().stream().map(KeptValue::name).toList());
        t.set("GPP_B", "y", ChangeSource.ADMIN);
        String stored = Files.readString(t.file());
        assertTrue(stored.contains("<p n=\"Gone_Parameter\" ua=\"na\" user=\"n\">x</p>"), stored);
        assertTrue(stored.contains("<p n=\"Resync_Random_Delay\" ua=\"na\" user=\"n\">not a number</p>"), stored);
    }

    @Test
    void failedWriteChangesNothing() throws Exception {
        ParameterStoreImpl s = TestStores.open(dir);
        s.set("GPP_A", "before", ChangeSource.ADMIN);
        Path tmp = Durable.tempOf(s.file());
        Files.createDirectories(tmp.resolve("blocker"));
        assertThrows(IOException.class, () -> s.set("GPP_A", "after", ChangeSource.ADMIN));
        assertThrows(IOException.class, () -> TestStores.apply(s, TestStores.flat("<GPP_A>after</GPP_A>")));
        assertEquals("before", s.get("GPP_A"));
    }

    @Test
    void userWritesHonourAccessAllOrNothing() throws Exception {
        ParameterStoreImpl s = TestStores.open(dir);
        s.set("Station_Name", "mine", ChangeSource.USER);
        assertTrue(s.parameter("Station_Name").orElseThrow().userSet());
        var e = assertThrows(org.mppfw.api.config.ParameterException.class,
                () -> s.set("Profile_Rule", "http://x/", ChangeSource.USER));
        assertTrue(e.getMessage().contains("Profile_Rule"));
        assertThrows(org.mppfw.api.config.ParameterException.class,
                () -> s.setAll(Map.of("Station_Name", "other", "GPP_A", "x"), ChangeSource.USER));
        assertEquals("mine", s.get("Station_Name"), "setAll is all or nothing");
        assertThrows(org.mppfw.api.config.ParameterException.class,
                () -> s.setAll(Map.of("GPP_A", "x", "Resync_Periodic", "bad"), ChangeSource.ADMIN));
        assertEquals("", s.get("GPP_A"));
        assertThrows(org.mppfw.api.config.ParameterException.class, () -> s.set("No_Such", "x", ChangeSource.ADMIN));
        assertThrows(org.mppfw.api.config.ParameterException.class, () -> s.get("No_Such"));
        // the admin always may, and takes the value away from the user
        s.set("Station_Name", "admin's", ChangeSource.ADMIN);
        assertFalse(s.parameter("Station_Name").orElseThrow().userSet());
        // a profile can open a parameter to the user
        TestStores.apply(s, TestStores.flat("<GPP_D ua=\"rw\"></GPP_D>"));
        s.set("GPP_D", "user value", ChangeSource.USER);
        assertEquals("user value", s.get("GPP_D"));
    }

    @Test
    void maskedSecretSentBackIsIgnored() throws Exception {
        ParameterStoreImpl s = TestStores.open(dir);
        s.set("ACS_Password", "pw", ChangeSource.ADMIN);
        s.set("ACS_Password", "************", ChangeSource.ADMIN);
        assertEquals("pw", s.get("ACS_Password"));
        assertEquals("************", s.parameter("ACS_Password").orElseThrow().displayValue());
        assertFalse(s.parameter("ACS_Password").orElseThrow().toString().contains("pw"));
    }

    @Test
    void factoryResetRestoresDefaultsClearsStateKeepsIdentity() throws Exception {
        ParameterStoreImpl s = TestStores.open(dir);
        DeviceIdentityImpl id = new DeviceIdentityImpl(dir, k -> null);
        TestStores.apply(s, TestStores.flat("<GPP_A ua=\"rw\">x</GPP_A><Profile_Rule>http://p/</Profile_Rule>"));
        Path state = dir.resolve("state").resolve("discovery");
        Files.createDirectories(state);
        Files.writeString(state.resolve("cda.json"), "{}");
        RecordingListener l = new RecordingListener();
        s.addListener(l, null);

        s.factoryReset();

        assertEquals(ParameterFile.defaults(Catalog.standard()).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value())), s.values());
        assertEquals(Access.NA, s.parameter("GPP_A").orElseThrow().access());
        assertFalse(Files.exists(dir.resolve("state")));
        assertEquals(id.mac(), new DeviceIdentityImpl(dir, k -> null).mac());
        assertEquals(1, l.events.size());
        assertEquals(ChangeSource.FACTORY_RESET, l.events.get(0).source());
        assertEquals(2, l.events.get(0).changes().size());
        assertEquals(s.values(), TestStores.open(dir).values());
    }

    private static List<Path> corruptCopies(ParameterStoreImpl s) throws IOException {
        try (Stream<Path> l = Files.list(s.file().getParent())) {
            return l.filter(p -> p.getFileName().toString().startsWith(ParameterFile.FILE_NAME + ".corrupt-")).toList();
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}

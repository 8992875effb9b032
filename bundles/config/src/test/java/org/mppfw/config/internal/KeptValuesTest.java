package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.Access;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.testing.GogoShell;

/**
 * Values only another firmware's catalog knows (or takes) survive this firmware: kept through
 * every write, never applied, exported nor shown, and taken back by a catalog that knows them.
 */
class KeptValuesTest {

    private static final String SECRET = "s3cr3t-only-v2";

    @TempDir
    Path dir;

    /** The standard catalog plus rows, as a newer firmware's would be. */
    static Catalog withRows(String... rows) throws IOException {
        StringBuilder b = new StringBuilder();
        try (InputStream in = Catalog.class.getResourceAsStream(Catalog.RESOURCE)) {
            b.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (String r : rows) {
            b.append('\n').append(r);
        }
        return Catalog.parse(new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static final String PASSWORD_ROW = "Future_Password\tSTRING\t-\tna\ty\t-\tFuture/Test";
    static final String COUNT_ROW = "Future_Count\tINTEGER\t5\tna\tn\t0..10\tFuture/Test";

    private ParameterStoreImpl open(Catalog c) throws IOException {
        return new ParameterStoreImpl(dir, c, ParameterStoreImpl.Options.defaults());
    }

    @Test
    void upgradeRollbackUpgradeLosesNothing() throws Exception {
        Catalog v1 = Catalog.standard();
        Catalog v2 = withRows(PASSWORD_ROW, COUNT_ROW);
        ParameterStoreImpl two = open(v2);
        two.set("Future_Password", SECRET, ChangeSource.ADMIN);
        TestStores.apply(two, TestStores.flat("<Future_Count ua=\"rw\">7</Future_Count><GPP_A>a</GPP_A>"));
        two.set("Future_Count", "8", ChangeSource.USER);

        ParameterStoreImpl one = open(v1);
        assertEquals("a", one.get("GPP_A"));
        assertFalse(one.values().containsKey("Future_Password"));
        assertTrue(one.parameter("Future_Count").isEmpty());
        assertEquals(List.of("Future_Password", "Future_Count"), one.kept().stream().map(KeptValue::name).toList());
        assertFalse(one.kept().get(0).refused());
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        one.exportProfile(export);
        assertFalse(export.toString(StandardCharsets.UTF_8).contains("Future_"), "kept values are not exported");
        // every kind of write keeps them
        one.set("GPP_B", "b", ChangeSource.ADMIN);
        TestStores.apply(one, TestStores.flat("<GPP_C>c</GPP_C><Future_Count>9</Future_Count>"));
        one.setAll(java.util.Map.of("GPP_D", "d"), ChangeSource.ADMIN);
        assertEquals(2, open(v1).kept().size());

        ParameterStoreImpl again = open(v2);
        assertEquals(SECRET, again.get("Future_Password"));
        assertEquals("8", again.get("Future_Count"));
        assertEquals(Access.RW, again.parameter("Future_Count").orElseThrow().access());
        assertTrue(again.parameter("Future_Count").orElseThrow().userSet());
        assertEquals("b", again.get("GPP_B"));
        assertEquals("c", again.get("GPP_C"));
        assertTrue(again.kept().isEmpty());
    }

    @Test
    void aValueTheCatalogRefusesIsKeptAsideUntilWritten() throws Exception {
        Catalog wide = withRows("Future_Count\tINTEGER\t5\tna\tn\t0..100\tFuture/Test");
        Catalog narrow = withRows(COUNT_ROW);
        open(wide).set("Future_Count", "50", ChangeSource.ADMIN);

        ParameterStoreImpl n = open(narrow);
        assertEquals("5", n.get("Future_Count"), "the default applies");
        assertTrue(n.kept().get(0).refused());
        n.set("GPP_A", "x", ChangeSource.ADMIN);
        assertEquals("50", open(wide).get("Future_Count"), "the refused value was not lost");

        // a write of the name supersedes the kept value, even one that leaves the default
        ParameterStoreImpl m = open(narrow);
        m.set("Future_Count", "5", ChangeSource.ADMIN);
        assertTrue(m.kept().isEmpty());
        assertEquals("5", open(wide).get("Future_Count"));
        m.set("Future_Count", "3", ChangeSource.ADMIN);
        assertEquals("3", open(wide).get("Future_Count"));
    }

    @Test
    void aProfileThatSetsTheNameSupersedesTheKeptValue() throws Exception {
        Catalog wide = withRows("Future_Count\tINTEGER\t5\tna\tn\t0..100\tFuture/Test");
        open(wide).set("Future_Count", "50", ChangeSource.ADMIN);
        ParameterStoreImpl n = open(withRows(COUNT_ROW));
        TestStores.apply(n, TestStores.flat("<Future_Count>*****</Future_Count>"));
        assertEquals(1, n.kept().size(), "a masked value is not applied, so it supersedes nothing");
        TestStores.apply(n, TestStores.flat("<Future_Count>6</Future_Count>"));
        assertTrue(n.kept().isEmpty());
        assertEquals("6", open(wide).get("Future_Count"));
    }

    @Test
    void factoryResetClearsKeptValues() throws Exception {
        open(withRows(PASSWORD_ROW)).set("Future_Password", SECRET, ChangeSource.ADMIN);
        ParameterStoreImpl one = open(Catalog.standard());
        assertEquals(1, one.kept().size());
        one.factoryReset();
        assertTrue(one.kept().isEmpty());
        assertEquals("", open(withRows(PASSWORD_ROW)).get("Future_Password"));
    }

    @Test
    void keptSecretsStayPrivateAndUnshown() throws Exception {
        open(withRows(PASSWORD_ROW, COUNT_ROW)).set("Future_Password", SECRET, ChangeSource.ADMIN);
        ParameterStoreImpl one = open(Catalog.standard());
        one.set("GPP_A", "x", ChangeSource.ADMIN);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(one.file())));
        }
        try (GogoShell shell = new GogoShell().add("param", new ParamCommands(one), "list", "kept", "export")) {
            String list = shell.run("param:list");
            assertTrue(list.endsWith("Kept for another firmware, not applied (1, see param:kept): Future_Password"),
                    list);
            assertTrue(shell.run("param:list 'Future*'").contains("Future_Password"));
            String kept = shell.run("param:kept");
            assertTrue(kept.startsWith("1 stored values kept, not applied"), kept);
            assertTrue(kept.contains("Future_Password  na  no    not in this firmware's catalog"), kept);
            for (String out : List.of(list, kept, shell.run("param:export"))) {
                assertFalse(out.contains(SECRET));
            }
        }
    }

    @Test
    void nothingKeptSaysSo() throws Exception {
        try (GogoShell shell = new GogoShell().add("param", new ParamCommands(open(Catalog.standard())), "kept")) {
            assertEquals("Nothing kept: every stored value is in use", shell.run("param:kept"));
        }
    }
}

package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.testing.GogoShell;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/** The shell commands, dispatched by the real Gogo runtime. */
class CommandsTest {

    @TempDir
    Path dir;
    ParameterStoreImpl store;
    GogoShell shell;

    @BeforeEach
    void shell() throws Exception {
        store = TestStores.open(dir);
        shell = new GogoShell()
                .add("param", new ParamCommands(store), "get", "set", "list", "export", "import", "reset")
                .add("sys", new SysCommands(context(), new DeviceIdentityImpl(dir, k -> null)), "info")
                .add("sys", new FactoryResetCommand(store), "factory-reset");
    }

    @AfterEach
    void close() {
        shell.close();
    }

    private String run(String line) throws Exception {
        return shell.run(line);
    }

    @Test
    void getSetReset() throws Exception {
        assertEquals("/$PSN.xml", run("param:get Profile_Rule"));
        assertEquals("Profile_Rule=https://prov.example.com/$MA.xml (ua=na)",
                run("param:set Profile_Rule 'https://prov.example.com/$MA.xml'"));
        assertEquals("https://prov.example.com/$MA.xml", store.get("Profile_Rule"));
        assertEquals("Resync_Periodic=7200 (ua=na)", run("param:set Resync_Periodic 7200"));
        assertEquals("Resync_Periodic=3600 (ua=na)", run("param:reset Resync_Periodic"));
        run("param:set GPP_SA s3cr3t");
        assertEquals("************", run("param:get GPP_SA"));
    }

    @Test
    void errorsAreOneLine() throws Exception {
        Exception e = assertThrows(Exception.class, () -> run("param:get No_Such"));
        assertEquals("Error: unknown parameter 'No_Such'", e.toString());
        e = assertThrows(Exception.class, () -> run("param:set Resync_Random_Delay 70000"));
        assertEquals("Error: Resync_Random_Delay: invalid value '70000', must be from 0 to 65535", e.toString());
        e = assertThrows(Exception.class, () -> run("param:import " + dir.resolve("missing.xml")));
        assertTrue(e.toString().startsWith("Error: cannot read"), e.toString());
        assertEquals(0, e.getStackTrace().length);
    }

    @Test
    void listIsATableWithSecretsMasked() throws Exception {
        run("param:set GPP_SB hidden-value");
        run("param:set GPP_B visible");
        String all = run("param:list");
        assertFalse(all.contains("hidden-value"));
        assertEquals(Catalog.standard().size() + 1, all.lines().count());
        String gpp = run("param:list 'gpp_s?'");
        assertEquals(5, gpp.lines().count(), gpp);
        assertTrue(gpp.lines().anyMatch(l -> l.startsWith("GPP_SB") && l.contains("changed") && l.endsWith("************")));
        assertTrue(gpp.lines().anyMatch(l -> l.startsWith("GPP_SA") && l.contains("default")));
        assertTrue(run("param:list GPP_B").contains("visible"));
        assertThrows(Exception.class, () -> run("param:list Nothing*"));
    }

    @Test
    void exportAndImport() throws Exception {
        run("param:set ACS_Password pw-value");
        String cfg = run("param:export");
        assertTrue(cfg.startsWith("<?xml"));
        assertFalse(cfg.contains("pw-value"));
        Path file = dir.resolve("cfg.xml");
        assertTrue(run("param:export " + file).startsWith("Exported "));
        assertFalse(Files.readString(file).contains("pw-value"));

        Path profile = dir.resolve("p.xml");
        Files.writeString(profile, "<flat-profile>\n<GPP_A>a</GPP_A>\n<Bogus>1</Bogus>\n"
                + "<Resync_Periodic>x</Resync_Periodic>\n</flat-profile>\n");
        String out = run("param:import " + profile);
        assertTrue(out.startsWith("1 changed, 0 unchanged, 1 unknown, 1 rejected, 0 preserved"), out);
        assertTrue(out.contains("rejected line 4: Resync_Periodic"), out);
        assertTrue(out.contains("unknown  Bogus"), out);
        assertEquals("a", store.get("GPP_A"));
        Files.writeString(profile, "<!DOCTYPE x><flat-profile/>");
        Exception e = assertThrows(Exception.class, () -> run("param:import " + profile));
        assertTrue(e.toString().contains("DOCTYPE"), e.toString());
    }

    @Test
    void factoryResetNeedsYes() throws Exception {
        store.set("GPP_A", "x", ChangeSource.ADMIN);
        assertTrue(run("sys:factory-reset").contains("--yes"));
        assertEquals("x", store.get("GPP_A"));
        assertThrows(Exception.class, () -> run("sys:factory-reset --force"));
        assertTrue(run("sys:factory-reset --yes").startsWith("Factory reset done"));
        assertEquals("", store.get("GPP_A"));
    }

    @Test
    void sysInfo() throws Exception {
        String info = run("sys:info");
        assertTrue(info.contains("Model:          CP-8845-3PCC"), info);
        assertTrue(info.contains("Firmware:       sip8845.12-0-1MPP0001-1"), info);
        assertTrue(info.contains("Data dir:       " + dir), info);
        assertTrue(info.contains("    0  ACTIVE       org.apache.felix.framework 7.0.5"), info);
    }

    private BundleContext context() {
        Bundle system = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getBundleId" -> 0L;
                    case "getState" -> Bundle.ACTIVE;
                    case "getSymbolicName" -> "org.apache.felix.framework";
                    case "getVersion" -> new Version(7, 0, 5);
                    default -> null;
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getProperty" -> DeviceProperties.DATA_DIR.equals(a[0]) ? dir.toString() : null;
                    case "getBundles" -> new Bundle[] {system};
                    default -> null;
                });
    }
}

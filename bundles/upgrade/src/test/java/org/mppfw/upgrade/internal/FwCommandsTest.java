package org.mppfw.upgrade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.crypto.internal.Ed25519ManifestSignatures;
import org.mppfw.crypto.internal.sign.Ed25519Pem;
import org.mppfw.upgrade.internal.image.LoadsManifest;
import org.mppfw.upgrade.internal.image.LoadsWriter;

class FwCommandsTest {

    private final Ed25519ManifestSignatures signatures = new Ed25519ManifestSignatures();
    private final Map<String, String> params = new HashMap<>(Map.of("Downgrade_Rev_Limit", ""));

    @TempDir
    Path home;

    /** The signing key and the built image, outside the image dir. */
    @TempDir
    Path scratch;

    private Path loads;
    private String fingerprint;

    @BeforeEach
    void buildAnImage() throws Exception {
        Files.createDirectories(home.resolve("bundles"));
        Files.createDirectories(home.resolve("etc"));
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", "org.mppfw.api");
        m.getMainAttributes().putValue("Bundle-Version", "12.0.1");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(home.resolve("bundles/mppfw-api.jar")), m)) {
            j.putNextEntry(new java.util.jar.JarEntry("a.txt"));
            j.write("hello".getBytes(StandardCharsets.US_ASCII));
        }
        Files.writeString(home.resolve("etc/bundles.list"), "2 bundles/mppfw-api.jar\n");
        String[] keys = Ed25519Pem.generate(new SecureRandom());
        Path priv = scratch.resolve("signing.key.pem");
        Files.writeString(priv, keys[0]);
        Files.writeString(home.resolve(FwCommands.TRUSTED_KEY), keys[1]);
        fingerprint = signatures.fingerprint(keys[1].getBytes(StandardCharsets.US_ASCII));
        LoadsManifest manifest = LoadsWriter.describe(home, FirmwareVersion.parse("sip88xx.12-0-2MPP0001-3"),
                List.of("CP-8845-3PCC"), Optional.empty());
        byte[] bytes = manifest.toBytes();
        loads = scratch.resolve("v2.loads");
        try (OutputStream out = Files.newOutputStream(loads)) {
            LoadsWriter.write(out, bytes, signatures.sign(bytes, priv), home.resolve("bundles"));
        }
        Files.delete(priv);
    }

    private FwCommands commands(String imageDir) {
        DeviceIdentity identity = (DeviceIdentity) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DeviceIdentity.class}, (p, method, args) -> switch (method.getName()) {
                    case "model" -> "CP-8845-3PCC";
                    case "firmwareVersion" -> "sip8845.12-0-1MPP0001-1";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ParameterStore store = (ParameterStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ParameterStore.class}, (p, method, args) -> {
                    if (method.getName().equals("get")) {
                        return params.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new FwCommands(signatures, identity, store, imageDir, null, null);
    }

    @Test
    void verifyShowsTheImageAndTheKey() {
        String out = commands(home.toString()).verify(loads.toString());
        assertTrue(out.contains("version   sip88xx.12-0-2MPP0001-3"), out);
        assertTrue(out.contains("models    CP-8845-3PCC"), out);
        assertTrue(out.contains("upgrades from any version"), out);
        assertTrue(out.contains("  2 org.mppfw.api 12.0.1 (mppfw-api.jar)"), out);
        assertTrue(out.endsWith("signature OK by key " + fingerprint), out);
    }

    @Test
    void verifyAppliesTheDowngradeLimit() {
        params.put("Downgrade_Rev_Limit", "12-0-3MPP0001-1");
        CommandException e = assertThrows(CommandException.class, () -> commands(home.toString()).verify(loads.toString()));
        assertTrue(e.getMessage().contains("below downgrade limit"), e.getMessage());
        assertTrue(e.toString().startsWith("Error: "), e.toString());
        params.put("Downgrade_Rev_Limit", "twelve");
        e = assertThrows(CommandException.class, () -> commands(home.toString()).verify(loads.toString()));
        assertTrue(e.getMessage().contains("Downgrade_Rev_Limit 'twelve'"), e.getMessage());
    }

    @Test
    void verifyNeedsTheImagesKeyAndAFile() {
        CommandException e = assertThrows(CommandException.class, () -> commands(null).verify(loads.toString()));
        assertTrue(e.getMessage().contains("mppfw.home"), e.getMessage());
        e = assertThrows(CommandException.class, () -> commands(home.toString()).verify(home.resolve("none.loads").toString()));
        assertTrue(e.getMessage().startsWith("no such file: "), e.getMessage());
    }

    @Test
    void statusShowsTheRunningVersionAndTheTrustedKey() {
        String out = commands(home.toString()).status();
        assertTrue(out.contains("running   sip8845.12-0-1MPP0001-1"), out);
        assertTrue(out.contains("downgrade limit (none)"), out);
        assertTrue(out.contains("trusted key Ed25519 " + fingerprint), out);
        assertEquals(-1, out.indexOf("PRIVATE"));
    }
}

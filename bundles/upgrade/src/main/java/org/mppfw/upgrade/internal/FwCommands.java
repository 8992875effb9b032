package org.mppfw.upgrade.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.crypto.ManifestSignatures;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.upgrade.internal.image.LoadsException;
import org.mppfw.upgrade.internal.image.LoadsManifest;
import org.mppfw.upgrade.internal.image.LoadsVerifier;
import org.mppfw.upgrade.internal.image.VerifiedImage;
import org.mppfw.upgrade.internal.image.VerifyPolicy;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Shell commands of scope {@code fw}: the running firmware, and whether an image file would be
 * accepted by this phone (signature with the image's trusted key, model, minimum version,
 * {@code Downgrade_Rev_Limit}, every bundle's hash). Verification writes nothing.
 */
@Component(service = FwCommands.class, property = {
    "osgi.command.scope=fw",
    "osgi.command.function=verify",
    "osgi.command.function=status"
})
public final class FwCommands {

    /** Framework property naming the image dir (set by the launcher). */
    static final String HOME = "mppfw.home";
    /** The public key that firmware images must be signed with, in the image dir. */
    static final String TRUSTED_KEY = "etc/firmware-signing.pem";
    static final String DOWNGRADE_REV_LIMIT = "Downgrade_Rev_Limit";

    private final ManifestSignatures signatures;
    private final DeviceIdentity identity;
    private final ParameterStore store;
    private final String home;

    @Activate
    public FwCommands(@Reference ManifestSignatures signatures, @Reference DeviceIdentity identity,
            @Reference ParameterStore store, BundleContext context) {
        this(signatures, identity, store, context.getProperty(HOME));
    }

    FwCommands(ManifestSignatures signatures, DeviceIdentity identity, ParameterStore store, String home) {
        this.signatures = signatures;
        this.identity = identity;
        this.store = store;
        this.home = home;
    }

    @Descriptor("the running firmware and the key images must be signed with")
    public String status() {
        StringBuilder s = new StringBuilder();
        s.append("running   ").append(identity.firmwareVersion()).append(System.lineSeparator());
        s.append("model     ").append(identity.model()).append(System.lineSeparator());
        String limit = store.get(DOWNGRADE_REV_LIMIT);
        s.append("downgrade limit ").append(limit.isBlank() ? "(none)" : limit).append(System.lineSeparator());
        try {
            s.append("trusted key ").append(signatures.algorithm()).append(' ')
                    .append(signatures.fingerprint(trustedKey()));
        } catch (CommandException | GeneralSecurityException e) {
            s.append("trusted key: ").append(e.getMessage());
        }
        return s.toString();
    }

    @Descriptor("check a firmware image (.loads) as an upgrade would, without installing anything")
    public String verify(@Descriptor("the .loads file") String file) {
        byte[] key = trustedKey();
        VerifyPolicy policy = policy();
        VerifiedImage v;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            v = new LoadsVerifier(signatures).verify(in, key, policy);
        } catch (NoSuchFileException e) {
            throw new CommandException("no such file: " + file);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage());
        } catch (LoadsException e) {
            throw new CommandException(file + ": " + e.getMessage());
        }
        LoadsManifest m = v.manifest();
        String nl = System.lineSeparator();
        StringBuilder s = new StringBuilder();
        s.append("version   ").append(m.version()).append(nl);
        s.append("models    ").append(String.join(", ", m.models())).append(nl);
        s.append("upgrades from ").append(m.minVersion().map(FirmwareVersion::release).orElse("any version")).append(nl);
        s.append("bundles   ").append(m.bundles().size()).append(nl);
        for (LoadsManifest.Bundle b : m.bundles()) {
            s.append("  ").append(b.startLevel()).append(' ').append(b.symbolicName()).append(' ')
                    .append(b.bundleVersion()).append(" (").append(b.file()).append(')').append(nl);
        }
        s.append("signature OK by key ").append(v.keyFingerprint());
        return s.toString();
    }

    private VerifyPolicy policy() {
        String limit = store.get(DOWNGRADE_REV_LIMIT);
        Optional<FirmwareVersion> running;
        try {
            running = Optional.of(FirmwareVersion.parse(identity.firmwareVersion()));
        } catch (IllegalArgumentException | NullPointerException e) {
            running = Optional.empty(); // an unknown running version: the minimum-version rule cannot apply
        }
        Optional<FirmwareVersion> floor;
        try {
            floor = limit == null || limit.isBlank() ? Optional.empty() : Optional.of(FirmwareVersion.parse(limit));
        } catch (IllegalArgumentException e) {
            throw new CommandException(DOWNGRADE_REV_LIMIT + " '" + limit + "' is not a firmware version in Cisco's format");
        }
        return new VerifyPolicy(Optional.of(identity.model()), running, floor);
    }

    private byte[] trustedKey() {
        if (home == null || home.isBlank()) {
            throw new CommandException("no image dir (" + HOME + " is not set): no trusted firmware key");
        }
        Path key = Path.of(home).resolve(TRUSTED_KEY);
        try {
            return Files.readAllBytes(key);
        } catch (IOException e) {
            throw new CommandException("cannot read the trusted firmware key " + TRUSTED_KEY + " of the image");
        }
    }
}

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
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.api.firmware.FirmwareService;
import org.mppfw.api.firmware.FirmwareSets;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.api.firmware.RollbackResult;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.upgrade.internal.sets.BundleSets;
import org.mppfw.upgrade.internal.state.AttemptRecord;
import org.mppfw.layout.FirmwareState;
import org.mppfw.layout.LaunchProperties;
import org.mppfw.layout.SlotManifest;
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
    "osgi.command.function=status",
    "osgi.command.function=upgrade",
    "osgi.command.function=rollback",
    "osgi.command.function=await"
})
public final class FwCommands {

    /** The public key that firmware images must be signed with, in the image dir. */
    static final String TRUSTED_KEY = "etc/firmware-signing.pem";
    static final String DOWNGRADE_REV_LIMIT = "Downgrade_Rev_Limit";
    /** fw:await returns after this long without an attempt running (the next stage starts at once). */
    static final long QUIET_NANOS = 2_000_000_000L;

    private final ManifestSignatures signatures;
    private final DeviceIdentity identity;
    private final ParameterStore store;
    private final String home;
    private final FirmwareService firmware;
    private final BundleSets sets;

    @Activate
    public FwCommands(@Reference ManifestSignatures signatures, @Reference DeviceIdentity identity,
            @Reference ParameterStore store, @Reference FirmwareService firmware, BundleContext context) {
        this(signatures, identity, store, context.getProperty(LaunchProperties.HOME), firmware,
                new BundleSets(Path.of(context.getProperty(LaunchProperties.HOME)),
                        Path.of(context.getProperty(DeviceProperties.DATA_DIR))));
    }

    FwCommands(ManifestSignatures signatures, DeviceIdentity identity, ParameterStore store, String home,
            FirmwareService firmware, BundleSets sets) {
        this.signatures = signatures;
        this.identity = identity;
        this.store = store;
        this.home = home;
        this.firmware = firmware;
        this.sets = sets;
    }

    @Descriptor("start an upgrade from an image URL now (Upgrade_Enable must be Yes; the image is checked as always)")
    public String upgrade(@Descriptor("the image URL, e.g. http://server/sip88xx.12-0-2MPP0001-1.loads") String url) {
        if (firmware == null) {
            throw new CommandException("the upgrade service is not running");
        }
        if (!url.matches("(?i)(tftp|https?)://[^/\\s]+/\\S*")) {
            throw new CommandException("not an image URL with a server: " + url + " (scheme://server[:port]/path)");
        }
        if (!firmware.upgrade(url)) {
            throw new CommandException("no upgrade started: " + (firmware.status().busy()
                    ? "one is under way (" + firmware.status().phase() + ")" : "Upgrade_Enable is No"));
        }
        return "upgrade from " + url + " started; fw:status shows its progress";
    }

    @Descriptor("wait until no upgrade runs or is pending (every stage of a multistage rule), then show the last attempt")
    public String await(@Descriptor("at most this many seconds (default 300)") int... seconds) throws InterruptedException {
        if (sets == null) {
            throw new CommandException("the upgrade service is not running");
        }
        // reads the data dir only: an upgrade may replace this very component while it waits
        long limit = seconds.length > 0 ? seconds[0] : 300;
        long deadline = System.nanoTime() + limit * 1_000_000_000L;
        Path marker = sets.dataDir().resolve(org.mppfw.upgrade.internal.engine.UpgradeEngine.UPGRADING_MARKER);
        long quietSince = 0;
        String shownUrl = null;
        String shownRunning = FirmwareState.read(sets.dataDir()).running();
        java.io.PrintStream out = System.out;
        while (true) {
            FirmwareState st = FirmwareState.read(sets.dataDir());
            String url = null;
            try {
                url = Files.readString(marker).trim();
            } catch (IOException e) {
                // no attempt running
            }
            if (!st.running().equals(shownRunning)) {
                FirmwareVersion v = sets.versionOf(st.running());
                out.println("now running " + (v == null ? st.running() : v.release()));
                shownRunning = st.running();
            }
            if (url != null && !url.equals(shownUrl)) {
                out.println("upgrading from " + url);
                shownUrl = url;
            }
            boolean busy = url != null || st.pending() != null;
            long now = System.nanoTime();
            if (busy) {
                quietSince = 0;
            } else if (quietSince == 0) {
                quietSince = now;
            } else if (now - quietSince >= QUIET_NANOS) {
                break;
            }
            if (now - deadline > 0) {
                throw new CommandException("an upgrade is still running after " + limit + " s");
            }
            Thread.sleep(100);
        }
        AttemptRecord last = AttemptRecord.read(sets.dataDir());
        return last == null ? "no upgrade was attempted"
                : (last.ok() ? "OK: " : "FAILED: ") + last.result();
    }

    @Descriptor("go back to the previous firmware (swapped in place, checked, then committed)")
    public String rollback() {
        if (firmware == null) {
            throw new CommandException("the upgrade service is not running");
        }
        RollbackResult r = firmware.rollback();
        if (!r.rolledBack()) {
            throw new CommandException(r.message());
        }
        return r.message();
    }

    @Descriptor("the running firmware, the slots, the last upgrade attempt and the key images must be signed with")
    public String status() {
        StringBuilder s = new StringBuilder();
        String nl = System.lineSeparator();
        s.append("running   ").append(identity.firmwareVersion()).append(nl);
        if (firmware != null) {
            FirmwareSets st = firmware.sets();
            s.append("sets      active ").append(st.active()).append(", running ").append(st.running());
            st.previousSet().ifPresent(p -> s.append(", previous ").append(p));
            st.pendingSet().ifPresent(p -> s.append(", pending ").append(p).append(" (").append(st.attemptsLeft())
                    .append(" boot attempts left)"));
            s.append(nl);
            UpgradeStatus u = firmware.status();
            s.append("upgrade   ").append(u.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            if (u.busy()) {
                s.append(' ').append(u.target());
                if (u.percent() >= 0) {
                    s.append(' ').append(u.percent()).append(" %");
                }
            }
            s.append(nl);
            st.last().ifPresent(last -> s.append("last attempt ").append(last.started()).append(' ').append(last.url())
                    .append(nl).append("          ").append(last.ok() ? "OK" : "FAILED").append(": ")
                    .append(last.result()).append(nl));
            if (st.note() != null) {
                s.append("note      ").append(st.note()).append(nl);
            }
        }
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
        for (SlotManifest.Bundle b : m.bundles()) {
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
            throw new CommandException("no image dir (" + LaunchProperties.HOME + " is not set): no trusted firmware key");
        }
        Path key = Path.of(home).resolve(TRUSTED_KEY);
        try {
            return Files.readAllBytes(key);
        } catch (IOException e) {
            throw new CommandException("cannot read the trusted firmware key " + TRUSTED_KEY + " of the image");
        }
    }
}

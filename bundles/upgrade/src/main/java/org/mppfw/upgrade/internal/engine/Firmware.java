package org.mppfw.upgrade.internal.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.firmware.FirmwareSets;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.layout.FirmwareState;
import org.mppfw.upgrade.internal.image.LoadsException;
import org.mppfw.upgrade.internal.image.VerifyPolicy;
import org.mppfw.upgrade.internal.sets.BundleSets;
import org.mppfw.upgrade.internal.state.AttemptRecord;

/** The firmware sets as the engine sees them: which runs, which came before, what an image must satisfy. */
public final class Firmware {

    /** The public key images must be signed with, in the image dir. */
    public static final String TRUSTED_KEY = "etc/firmware-signing.pem";
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final BundleSets sets;
    private final DeviceIdentity identity;
    private final FirmwareVersion booted;
    private final Path image;

    public Firmware(BundleSets sets, DeviceIdentity identity, FirmwareVersion booted, Path image) {
        this.sets = sets;
        this.identity = identity;
        this.booted = booted;
        this.image = image;
    }

    public BundleSets sets() {
        return sets;
    }

    public Path dataDir() {
        return sets.dataDir();
    }

    /** The state record as it is now. */
    public FirmwareState state() {
        return FirmwareState.read(sets.dataDir());
    }

    /** The version of the set that runs, with the model's prefix ({@code sip8845.12-0-2MPP0001-1}). */
    public FirmwareVersion running() {
        FirmwareVersion v = sets.versionOf(state().running());
        if (v == null) {
            return booted;
        }
        return new FirmwareVersion(modelPrefix(), v.major(), v.minor(), v.micro(), v.build());
    }

    public Optional<FirmwareVersion> previous() {
        FirmwareState st = state();
        return st.previous() == null ? Optional.empty() : Optional.ofNullable(sets.versionOf(st.previous()));
    }

    /** The sets as the state record names them, with their versions, and the last upgrade attempt. */
    public FirmwareSets describe() {
        FirmwareState st = state();
        AttemptRecord last = AttemptRecord.read(sets.dataDir());
        return new FirmwareSets(set(st.active()), set(st.running()), set(st.previous()), set(st.pending()),
                st.pending() == null ? 0 : st.attempts(), st.note(),
                last == null ? null : new FirmwareSets.Attempt(last.url(), last.started(), last.ok(), last.result()));
    }

    private FirmwareSets.SetInfo set(String name) {
        return name == null ? null : new FirmwareSets.SetInfo(name, sets.versionOf(name));
    }

    /** What an image must satisfy: the model, and {@code Downgrade_Rev_Limit}. */
    VerifyPolicy policy(String downgradeRevLimit) throws LoadsException {
        try {
            return VerifyPolicy.of(identity.model(), running().toString(), downgradeRevLimit);
        } catch (IllegalArgumentException e) {
            throw new LoadsException(LoadsException.Reason.BELOW_DOWNGRADE_LIMIT,
                    "Downgrade_Rev_Limit '" + downgradeRevLimit + "' is not a firmware version in Cisco's format");
        }
    }

    /** The key images must be signed with. */
    byte[] trustedKey() throws IOException {
        if (image == null) {
            throw new IOException("no image dir: no trusted firmware key");
        }
        return Files.readAllBytes(image.resolve(TRUSTED_KEY));
    }

    /** {@code sip8845} for a CP-8845-3PCC. */
    private String modelPrefix() {
        Matcher m = DIGITS.matcher(identity.model());
        return m.find() ? "sip" + m.group() : "";
    }

    /** The version in an image's file name ({@code .../sip88xx.12-0-2MPP0001-1.loads}), or null. */
    public static FirmwareVersion versionInName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int q = name.indexOf('?');
        if (q >= 0) {
            name = name.substring(0, q);
        }
        try {
            return FirmwareVersion.parse(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

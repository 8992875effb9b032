package org.mppfw.upgrade.internal.sets;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.mppfw.api.firmware.FirmwareVersion;

/**
 * A whole bundle set the phone can run: the image's own ({@code factory}) or an upgrade slot.
 *
 * @param name    {@code factory}, {@code a} or {@code b}
 * @param version its firmware version
 * @param members its bundles in install order
 */
public record BundleSet(String name, FirmwareVersion version, List<Member> members) {

    /**
     * One bundle of a set.
     *
     * @param symbolicName its Bundle-SymbolicName
     * @param version      its Bundle-Version
     * @param startLevel   its start level
     * @param jar          the jar file
     * @param sha256       the jar's SHA-256, lower-case hex
     */
    public record Member(String symbolicName, String version, int startLevel, Path jar, String sha256) {
    }

    public BundleSet {
        members = List.copyOf(members);
    }

    public Optional<Member> member(String symbolicName) {
        return members.stream().filter(m -> m.symbolicName().equals(symbolicName)).findFirst();
    }
}

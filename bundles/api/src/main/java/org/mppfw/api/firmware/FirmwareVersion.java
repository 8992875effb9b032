package org.mppfw.api.firmware;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A firmware version in Cisco's format: {@code sip8845.12-0-1MPP0001-1} (from 11.3(2) on) or
 * {@code sip7832.11-0-1MPP-376} (before). The model prefix ({@code sip8845.}) and a load suffix
 * ({@code .loads}) are optional and ignored by comparison, which goes major, minor, micro, build.
 * A micro such as {@code 1MPP0001} orders by its leading number, then its letters, then its
 * trailing number (the reference leaves this unconfirmed; this is the documented choice).
 *
 * @param prefix the model prefix without the dot ({@code sip8845}), or empty
 * @param major  12
 * @param minor  0
 * @param micro  {@code 1MPP0001}
 * @param build  1
 */
public record FirmwareVersion(String prefix, int major, int minor, String micro, int build)
        implements Comparable<FirmwareVersion> {

    private static final Pattern FORMAT = Pattern.compile(
            "(?:([A-Za-z][A-Za-z0-9]*)\\.)?(\\d{1,4})-(\\d{1,4})-(\\d{1,4}[A-Za-z]*\\d{0,8})-(\\d{1,9})(?:\\.loads)?");
    private static final Pattern MICRO = Pattern.compile("(\\d+)([A-Za-z]*)(\\d*)");

    private static final Comparator<FirmwareVersion> ORDER = Comparator.comparingInt(FirmwareVersion::major)
            .thenComparingInt(FirmwareVersion::minor)
            .thenComparing(FirmwareVersion::micro, FirmwareVersion::compareMicro)
            .thenComparingInt(FirmwareVersion::build);

    public FirmwareVersion {
        Objects.requireNonNull(prefix);
        Objects.requireNonNull(micro);
    }

    /**
     * Parses a version.
     *
     * @throws IllegalArgumentException if it is not in Cisco's format
     */
    public static FirmwareVersion parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a firmware version in Cisco's format: '" + text + "'");
        }
        return new FirmwareVersion(m.group(1) == null ? "" : m.group(1), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), m.group(4), Integer.parseInt(m.group(5)));
    }

    /** Whether the micro part has the 11.3(2)+ form with a number after the letters. */
    public boolean isNewFormat() {
        Matcher m = MICRO.matcher(micro);
        return m.matches() && !m.group(3).isEmpty();
    }

    @Override
    public int compareTo(FirmwareVersion o) {
        return ORDER.compare(this, o);
    }

    private static int compareMicro(String a, String b) {
        Matcher x = MICRO.matcher(a);
        Matcher y = MICRO.matcher(b);
        if (!x.matches() || !y.matches()) {
            return a.compareTo(b);
        }
        int c = Long.compare(Long.parseLong(x.group(1)), Long.parseLong(y.group(1)));
        if (c == 0) {
            c = x.group(2).compareToIgnoreCase(y.group(2));
        }
        if (c == 0) {
            c = Long.compare(x.group(3).isEmpty() ? 0 : Long.parseLong(x.group(3)),
                    y.group(3).isEmpty() ? 0 : Long.parseLong(y.group(3)));
        }
        return c;
    }

    /** The version without the model prefix: {@code 12-0-1MPP0001-1}. */
    public String release() {
        return major + "-" + minor + "-" + micro + "-" + build;
    }

    @Override
    public String toString() {
        return prefix.isEmpty() ? release() : prefix + "." + release();
    }
}

package org.mppfw.layout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the launcher and the upgrade both read of a bundle set's manifest ({@value #FILE}, the
 * signed manifest of a {@code .loads} image, kept in its slot): the firmware version and the
 * bundle lines {@code bundle.N=FILE BSN VERSION START-LEVEL SIZE SHA-256}, and the check of a jar
 * against its line. The launcher boots a slot from this alone, after checking every jar; the
 * upgrade's image reader parses the whole manifest (format, models, minimum version) and takes
 * its bundle lines from {@link Bundle#parse} and {@link Bundle#line}.
 *
 * @param version the firmware version, e.g. {@code sip88xx.12-0-1MPP0001-1}
 * @param bundles the bundles, in install order
 */
public record SlotManifest(String version, List<Bundle> bundles) {

    /** The manifest, in the root of a slot (and the first entry of a {@code .loads}). */
    public static final String FILE = "manifest.properties";
    /** The manifest's signature, beside it (and the second entry of a {@code .loads}). */
    public static final String SIGNATURE = "manifest.sig";
    /** The key of the firmware version. */
    public static final String VERSION_KEY = "version";
    /** The key of a bundle line without its number: {@code bundle.1}, {@code bundle.2}, ... */
    public static final String BUNDLE_KEY = "bundle.";

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,80}\\.jar");
    private static final Pattern TOKEN = Pattern.compile("[^\\s=]{1,200}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_LEVEL = 100;

    /**
     * One bundle jar of a set.
     *
     * @param file          the file name in {@code bundles/}
     * @param symbolicName  its Bundle-SymbolicName (without directives)
     * @param bundleVersion its Bundle-Version as written in its manifest ({@code 0.0.0} if none)
     * @param startLevel    its start level
     * @param size          its size in bytes
     * @param sha256        its SHA-256, lower-case hex
     */
    public record Bundle(String file, String symbolicName, String bundleVersion, int startLevel, long size,
            String sha256) {

        /** Its path relative to the root of its set: the entry name in a {@code .loads}. */
        public String entryName() {
            return SlotLayout.BUNDLES + "/" + file;
        }

        /** Its jar in the set whose root is {@code root}. */
        public Path jar(Path root) {
            return root.resolve(SlotLayout.BUNDLES).resolve(file);
        }

        /** Whether {@code jar} has the size and SHA-256 of this line. */
        public boolean matches(Path jar) throws IOException {
            return Files.size(jar) == size && Sha256.of(jar).equals(sha256);
        }

        /** Its line in a manifest, {@code bundle.<number>=FILE BSN VERSION START-LEVEL SIZE SHA-256}. */
        public String line(int number) {
            return BUNDLE_KEY + number + "=" + String.join(" ", file, symbolicName, bundleVersion,
                    Integer.toString(startLevel), Long.toString(size), sha256);
        }

        /**
         * Parses the value of a bundle line strictly.
         *
         * @param key the line's key, named in the message of a refusal
         * @throws IllegalArgumentException saying, after the key, what is wrong with the value
         */
        public static Bundle parse(String key, String value) {
            String[] f = value.split(" ", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(key + " is not 'FILE BSN VERSION START-LEVEL SIZE SHA-256'");
            }
            if (!isBundleFileName(f[0])) {
                throw new IllegalArgumentException(key + ": '" + f[0] + "' is not a bundle file name");
            }
            if (!TOKEN.matcher(f[1]).matches() || !TOKEN.matcher(f[2]).matches()) {
                throw new IllegalArgumentException(key + ": bad symbolic name or version");
            }
            if (!SHA256.matcher(f[5]).matches()) {
                throw new IllegalArgumentException(key + ": the SHA-256 is not 64 lower-case hex digits");
            }
            int level;
            long size;
            try {
                level = Integer.parseInt(f[3]);
                size = Long.parseLong(f[4]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": start level and size are numbers");
            }
            if (level < 1 || level > MAX_LEVEL || size < 0) {
                throw new IllegalArgumentException(key + ": start level or size out of range");
            }
            return new Bundle(f[0], f[1], f[2], level, size, f[5]);
        }
    }

    public SlotManifest {
        bundles = List.copyOf(bundles);
    }

    /** Whether a file name is one a manifest may list: a plain jar name of letters, digits and {@code . _ + -}. */
    public static boolean isBundleFileName(String name) {
        return FILE_NAME.matcher(name).matches();
    }

    /**
     * Reads the version and the bundle lines of the manifest in a set's root, in file order; other
     * keys are left to the upgrade's reader.
     *
     * @throws IOException              if it cannot be read or is not ASCII
     * @throws IllegalArgumentException if a bundle line is malformed, or it has no version or no bundle
     */
    public static SlotManifest read(Path root) throws IOException {
        String version = null;
        List<Bundle> bundles = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve(FILE), StandardCharsets.US_ASCII)) {
            int eq = line.indexOf('=');
            if (eq < 0 || line.startsWith("#")) {
                continue;
            }
            String key = line.substring(0, eq);
            if (key.equals(VERSION_KEY)) {
                version = line.substring(eq + 1).trim();
            } else if (key.startsWith(BUNDLE_KEY)) {
                bundles.add(Bundle.parse(key, line.substring(eq + 1)));
            }
        }
        if (version == null || version.isEmpty() || bundles.isEmpty()) {
            throw new IllegalArgumentException("it has no version or no bundle");
        }
        return new SlotManifest(version, bundles);
    }

    /** The release: the version without its family, e.g. {@code 12-0-1MPP0001-1}. */
    public String release() {
        int dot = version.indexOf('.');
        return dot >= 0 ? version.substring(dot + 1) : version;
    }

    /** The bundles as the entries of a bundle list: start level and path relative to the set's root. */
    public List<BundleList.Entry> entries() {
        List<BundleList.Entry> entries = new ArrayList<>();
        for (Bundle b : bundles) {
            entries.add(new BundleList.Entry(b.startLevel(), b.entryName()));
        }
        return entries;
    }
}

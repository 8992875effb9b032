package org.mppfw.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mppfw.api.device.DeviceProperties;
import org.mppfw.layout.BundleList;
import org.mppfw.layout.LaunchProperties;
import org.mppfw.layout.SlotLayout;

/**
 * Where the image and the data dir are and which framework properties the phone boots with.
 * Sources, strongest first: the command line, {@code <data>/boot.properties},
 * {@code <image>/etc/mppfw.properties}. Keys with a dot in those files are passed through as
 * framework properties, except the ones the launcher owns.
 */
final class BootConfig {

    static final String DEFAULT_MODEL = "CP-8845-3PCC";
    static final String IMAGE_PROPERTIES = "etc/mppfw.properties";
    static final String BOOT_PROPERTIES = "boot.properties";
    /** Written by the parameter store on the first boot; read here only for the model. */
    static final String IDENTITY_PROPERTIES = "identity.properties";
    static final String CACHE_DIR = "felix-cache";

    private static final Pattern SERIES = Pattern.compile("\\d+");

    /** Framework properties a configuration file may not override. */
    private static final Set<String> OWNED = Set.of(
            DeviceProperties.DATA_DIR, DeviceProperties.MODEL, DeviceProperties.MAC,
            DeviceProperties.SERIAL, DeviceProperties.HARDWARE_VERSION,
            DeviceProperties.FIRMWARE_VERSION, DeviceProperties.BOOT_MODE, LaunchProperties.HOME,
            LaunchProperties.FIRMWARE_SET, LaunchProperties.FIRMWARE_TRIAL, LaunchProperties.START_LEVEL,
            "org.osgi.framework.storage", "org.osgi.framework.storage.clean",
            "org.osgi.framework.startlevel.beginning", "felix.log.logger", "gosh.home");

    private final Path image;
    private final Path dataDir;
    private final String firmwareVersion;
    private final String model;
    private final Map<String, String> frameworkProperties;

    private BootConfig(Path image, Path dataDir, String firmwareVersion, String model, Map<String, String> props) {
        this.image = image;
        this.dataDir = dataDir;
        this.firmwareVersion = firmwareVersion;
        this.model = model;
        this.frameworkProperties = Collections.unmodifiableMap(props);
    }

    /**
     * The configuration for booting {@code set}: its release becomes the firmware version, and
     * the framework learns which set runs and whether it is on trial.
     */
    BootConfig forSet(FirmwareSets.BootSet set, int targetLevel, boolean commandRun) {
        Map<String, String> props = new LinkedHashMap<>(frameworkProperties);
        String version = firmwareVersion(model, set.release());
        props.put(DeviceProperties.FIRMWARE_VERSION, version);
        props.put(LaunchProperties.FIRMWARE_SET, set.name());
        props.put(LaunchProperties.FIRMWARE_TRIAL, Boolean.toString(set.trial()));
        props.put(LaunchProperties.START_LEVEL, Integer.toString(targetLevel));
        props.put(DeviceProperties.BOOT_MODE,
                commandRun ? DeviceProperties.BOOT_MODE_COMMAND : DeviceProperties.BOOT_MODE_POWER_ON);
        return new BootConfig(image, dataDir, version, model, props);
    }

    /** The release of the image's own bundle set. */
    String factoryRelease() {
        return firmwareVersion.substring(firmwareVersion.indexOf('.') + 1);
    }

    /** Reads the image's and the data dir's files and merges them with the command line. */
    static BootConfig load(Path image, LaunchArgs args) {
        Properties imageProps = read(image.resolve(IMAGE_PROPERTIES));
        Path dataDir = dataDir(image, args, imageProps);
        Properties bootProps = read(dataDir.resolve(BOOT_PROPERTIES));
        Properties firmware = read(image.resolve(SlotLayout.FIRMWARE_PROPERTIES));
        Properties identity = read(dataDir.resolve(IDENTITY_PROPERTIES));
        return build(image, dataDir, args, imageProps, bootProps, firmware, identity);
    }

    /**
     * The data dir: {@code --data} (relative to the working dir), else {@code data} in
     * mppfw.properties (relative to the image), else {@code <image>/data}.
     */
    static Path dataDir(Path image, LaunchArgs args, Properties imageProps) {
        Optional<String> given = args.value(LaunchArgs.DATA);
        String configured = imageProps.getProperty(LaunchArgs.DATA);
        Path path;
        if (given.isPresent()) {
            path = Path.of(given.get());
        } else if (configured != null && !configured.isBlank()) {
            path = image.resolve(configured.trim());
        } else {
            path = image.resolve("data");
        }
        return path.toAbsolutePath().normalize();
    }

    static BootConfig build(Path image, Path dataDir, LaunchArgs args, Properties imageProps,
            Properties bootProps, Properties firmware, Properties identity) {
        Map<String, String> props = new LinkedHashMap<>();
        passThrough(imageProps, props);
        passThrough(bootProps, props);

        String release = firmware.getProperty(SlotLayout.RELEASE_KEY);
        if (release == null || release.isBlank()) {
            throw new IllegalStateException(SlotLayout.FIRMWARE_PROPERTIES + " has no '" + SlotLayout.RELEASE_KEY + "'");
        }
        String model = pick(args, bootProps, imageProps, LaunchArgs.MODEL);
        String modelForVersion = model != null ? model
                : firstNonBlank(identity.getProperty("model"), identity.getProperty(DeviceProperties.MODEL), DEFAULT_MODEL);
        String version = firmwareVersion(modelForVersion, release.trim());

        putIfSet(props, DeviceProperties.MODEL, model);
        putIfSet(props, DeviceProperties.MAC, pick(args, bootProps, imageProps, LaunchArgs.MAC));
        putIfSet(props, DeviceProperties.SERIAL, pick(args, bootProps, imageProps, LaunchArgs.SERIAL));
        putIfSet(props, DeviceProperties.HARDWARE_VERSION, pick(args, bootProps, imageProps, LaunchArgs.HWVERSION));
        props.put(DeviceProperties.DATA_DIR, dataDir.toString());
        props.put(DeviceProperties.FIRMWARE_VERSION, version);
        props.put(LaunchProperties.HOME, image.toString());

        // a clean bundle cache on every boot: the installed set is always exactly the image's list
        props.put("org.osgi.framework.storage", dataDir.resolve(CACHE_DIR).toString());
        props.put("org.osgi.framework.storage.clean", "onFirstInit");
        props.put("org.osgi.framework.startlevel.beginning", "1");
        // the interactive shell reads <image>/etc/gosh_profile
        props.put("gosh.home", image.toString());
        if (!args.batch() && !args.interactive()) {
            // --no-shell: the shell's bundles run without a console (their commands serve SSH)
            props.put("gosh.args", "--nointeractive --noshutdown");
        }
        return new BootConfig(image, dataDir, version, modelForVersion, props);
    }

    /**
     * The firmware version in Cisco's format: {@code sip} + the model's series digits + {@code .} +
     * the release, e.g. {@code CP-8845-3PCC} and {@code 12-0-1MPP0001-1} give
     * {@code sip8845.12-0-1MPP0001-1}.
     */
    static String firmwareVersion(String model, String release) {
        Matcher m = SERIES.matcher(model);
        String series = m.find() ? m.group() : "";
        return "sip" + series + "." + release;
    }

    Path image() {
        return image;
    }

    Path dataDir() {
        return dataDir;
    }

    String firmwareVersion() {
        return firmwareVersion;
    }

    Path bundlesList() {
        return image.resolve(BundleList.FILE);
    }

    /** The framework properties to boot with (without the logger, which the launcher adds). */
    Map<String, String> frameworkProperties() {
        return frameworkProperties;
    }

    private static void passThrough(Properties from, Map<String, String> to) {
        for (String key : from.stringPropertyNames()) {
            if (key.indexOf('.') < 0) {
                continue; // an option key (mac, model, ...) or unknown
            }
            if (OWNED.contains(key)) {
                Log.warn("ignoring " + key + " in a properties file: the launcher sets it");
                continue;
            }
            to.put(key, from.getProperty(key).trim());
        }
    }

    private static String pick(LaunchArgs args, Properties boot, Properties image, String key) {
        return firstNonBlank(args.value(key).orElse(null), boot.getProperty(key), image.getProperty(key), null);
    }

    private static String firstNonBlank(String a, String b, String c) {
        return firstNonBlank(a, b, c, null);
    }

    private static String firstNonBlank(String a, String b, String c, String d) {
        for (String s : new String[] {a, b, c, d}) {
            if (s != null && !s.isBlank()) {
                return s.trim();
            }
        }
        return null;
    }

    private static void putIfSet(Map<String, String> props, String key, String value) {
        if (value != null) {
            props.put(key, value);
        }
    }

    /** An absent file is an empty set; an unreadable one is an error. */
    static Properties read(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            // optional
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return p;
    }
}

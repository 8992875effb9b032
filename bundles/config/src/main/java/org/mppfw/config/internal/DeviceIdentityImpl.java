package org.mppfw.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.layout.Durable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone's identity, fixed on the first boot and kept in {@code <data>/identity.properties}.
 * First boot takes the launcher's properties ({@link DeviceProperties}); a missing MAC is derived
 * from the host's first hardware address as a locally administered address (random when the
 * host has none), a missing serial number from the MAC. Later boots read the file; only the
 * firmware version comes from the running image every time.
 */
public final class DeviceIdentityImpl implements DeviceIdentity {

    static final String FILE_NAME = "identity.properties";
    static final String DEFAULT_MODEL = "CP-8845-3PCC";
    static final String DEFAULT_HARDWARE = "1";
    static final String FIRMWARE_RELEASE = "12-0-1MPP0001-1";

    private static final Logger LOG = LoggerFactory.getLogger(DeviceIdentityImpl.class);
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    private final String model;
    private final String mac;
    private final String serial;
    private final String hardware;
    private final String firmware;

    /**
     * Loads the identity of a data dir, creating it on the first boot.
     *
     * @param properties the framework properties (a missing one is null)
     */
    public DeviceIdentityImpl(Path dataDir, Function<String, String> properties) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        Properties p = Files.exists(file) ? read(file) : null;
        if (p == null) {
            p = firstBoot(properties);
            Durable.createPrivateDirectories(dataDir);
            Durable.savePrivate(file, serialize(p));
            LOG.info("Device identity created: {} {} serial {}", p.getProperty("model"), p.getProperty("mac"),
                    p.getProperty("serial"));
        }
        this.model = p.getProperty("model");
        this.mac = p.getProperty("mac");
        this.serial = p.getProperty("serial");
        this.hardware = p.getProperty("hardware");
        String fw = trimToNull(properties.apply(DeviceProperties.FIRMWARE_VERSION));
        this.firmware = fw != null ? fw : "sip" + seriesDigits(model) + "." + FIRMWARE_RELEASE;
    }

    /** The persisted identity, or null (after keeping the file aside) when it is unusable. */
    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new StringReader(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8)));
        }
        String problem = null;
        for (String k : List.of("model", "mac", "serial", "hardware")) {
            String v = trimToNull(p.getProperty(k));
            if (v == null) {
                problem = "no " + k;
            }
        }
        if (problem == null && normalizeMac(p.getProperty("mac")) == null) {
            problem = "bad mac";
        }
        if (problem == null) {
            p.setProperty("mac", normalizeMac(p.getProperty("mac")));
            return p;
        }
        Path aside = file.resolveSibling(FILE_NAME + ".corrupt-" + System.currentTimeMillis());
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        LOG.error("The stored device identity is unusable ({}); kept as {} and creating a new one",
                problem, aside.getFileName());
        return null;
    }

    private static Properties firstBoot(Function<String, String> properties) {
        Properties p = new Properties();
        String model = trimToNull(properties.apply(DeviceProperties.MODEL));
        p.setProperty("model", model == null ? DEFAULT_MODEL : model);
        String macProp = trimToNull(properties.apply(DeviceProperties.MAC));
        String mac = macProp == null ? null : normalizeMac(macProp);
        if (macProp != null && mac == null) {
            LOG.error("Ignoring the MAC address option '{}': not 12 hexadecimal digits; deriving one", macProp);
        }
        p.setProperty("mac", mac != null ? mac : deriveMac());
        String serial = trimToNull(properties.apply(DeviceProperties.SERIAL));
        p.setProperty("serial", serial != null ? serial : serialFromMac(p.getProperty("mac")));
        String hw = trimToNull(properties.apply(DeviceProperties.HARDWARE_VERSION));
        p.setProperty("hardware", hw != null ? hw : DEFAULT_HARDWARE);
        return p;
    }

    private static byte[] serialize(Properties p) {
        StringBuilder b = new StringBuilder("# Device identity, fixed at first boot\n");
        for (String k : List.of("model", "mac", "serial", "hardware")) {
            b.append(k).append('=').append(escape(p.getProperty(k))).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String v) {
        StringBuilder b = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** 12 lower-case hex digits from any common notation, or null. */
    static String normalizeMac(String raw) {
        if (raw == null) {
            return null;
        }
        String hex = raw.trim().replaceAll("[:\\-. ]", "").toLowerCase(Locale.ROOT);
        return hex.matches("[0-9a-f]{12}") ? hex : null;
    }

    /** A locally administered unicast MAC from the host's first hardware address, else random. */
    static String deriveMac() {
        byte[] hw = null;
        try {
            List<NetworkInterface> nics = new ArrayList<>(Collections.list(NetworkInterface.getNetworkInterfaces()));
            nics.sort(Comparator.comparing(NetworkInterface::getName));
            for (NetworkInterface n : nics) {
                byte[] a = n.isLoopback() ? null : n.getHardwareAddress();
                if (a != null && a.length == 6 && !allZero(a)) {
                    hw = a.clone();
                    break;
                }
            }
        } catch (SocketException | RuntimeException e) {
            LOG.debug("No hardware address readable: {}", e.toString());
        }
        if (hw == null) {
            hw = new byte[6];
            new SecureRandom().nextBytes(hw);
        }
        hw[0] = (byte) ((hw[0] | 0x02) & ~0x01);
        return HexFormat.of().formatHex(hw);
    }

    private static boolean allZero(byte[] a) {
        for (byte b : a) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code FCH} and eight digits from the MAC. */
    static String serialFromMac(String mac) {
        long n = Long.parseLong(mac, 16) % 100_000_000L;
        return String.format(Locale.ROOT, "FCH%08d", n);
    }

    private static String seriesDigits(String model) {
        Matcher m = FOUR_DIGITS.matcher(model);
        return m.find() ? m.group() : "0000";
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String productSeries() {
        return model.startsWith("CP-") ? model.substring(3) : model;
    }

    @Override
    public String mac() {
        return mac;
    }

    @Override
    public String serialNumber() {
        return serial;
    }

    @Override
    public String hardwareVersion() {
        return hardware;
    }

    @Override
    public String firmwareVersion() {
        return firmware;
    }

    @Override
    public String toString() {
        return model + " " + mac + " " + serial + " hw " + hardware + " fw " + firmware;
    }
}

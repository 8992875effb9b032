package org.mppfw.upgrade.internal.image;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.layout.SlotManifest;
import org.mppfw.layout.SlotManifest.Bundle;
import org.mppfw.upgrade.internal.image.LoadsException.Reason;

/**
 * The signed manifest of a {@code .loads} image (see the package description for its text form).
 * Its bundle lines are the firmware layout's ({@link SlotManifest.Bundle}), which the launcher
 * reads when it boots the slot the image is installed in.
 *
 * @param version    the image's firmware version, e.g. {@code sip88xx.12-0-1MPP0001-1}
 * @param models     the models it is for, e.g. {@code CP-8845-3PCC}
 * @param minVersion the lowest running version it may upgrade from, if any
 * @param bundles    the bundle jars in install order
 */
public record LoadsManifest(FirmwareVersion version, List<String> models, Optional<FirmwareVersion> minVersion,
        List<Bundle> bundles) {

    public static final int FORMAT = 1;
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public LoadsManifest {
        models = List.copyOf(models);
        bundles = List.copyOf(bundles);
    }

    /** Whether the image is for a model (case-insensitive). */
    public boolean isFor(String model) {
        return models.stream().anyMatch(m -> m.equalsIgnoreCase(model.trim()));
    }

    /** The manifest's exact bytes, the ones that are signed. */
    public byte[] toBytes() {
        StringBuilder s = new StringBuilder();
        s.append("# mppfw firmware image manifest\n");
        s.append("format=").append(FORMAT).append('\n');
        s.append(SlotManifest.VERSION_KEY).append('=').append(version).append('\n');
        s.append("models=").append(String.join(",", models)).append('\n');
        s.append("min-version=").append(minVersion.map(FirmwareVersion::toString).orElse("")).append('\n');
        int i = 1;
        for (Bundle b : bundles) {
            s.append(b.line(i++)).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Parses a manifest's bytes strictly: unknown, duplicate or missing keys are refused. */
    public static LoadsManifest parse(byte[] bytes) throws LoadsException {
        String text;
        try {
            text = StandardCharsets.US_ASCII.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw bad("it is not ASCII text");
        }
        Map<String, String> values = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw bad("line " + lineNo + " is not KEY=VALUE");
            }
            String key = line.substring(0, eq);
            if (values.put(key, line.substring(eq + 1)) != null) {
                throw bad("'" + key + "' appears twice");
            }
        }
        String format = require(values, "format");
        if (!format.equals(Integer.toString(FORMAT))) {
            throw bad("format " + format + " is not supported (this phone reads format " + FORMAT + ")");
        }
        FirmwareVersion version = version(require(values, SlotManifest.VERSION_KEY), SlotManifest.VERSION_KEY);
        List<String> models = new ArrayList<>();
        for (String m : require(values, "models").split(",", -1)) {
            if (!MODEL.matcher(m).matches()) {
                throw bad("models: '" + m + "' is not a model name");
            }
            models.add(m);
        }
        String min = require(values, "min-version");
        Optional<FirmwareVersion> minVersion = min.isEmpty() ? Optional.empty()
                : Optional.of(version(min, "min-version"));
        List<Bundle> bundles = new ArrayList<>();
        Set<String> files = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 1; values.containsKey(SlotManifest.BUNDLE_KEY + i); i++) {
            String key = SlotManifest.BUNDLE_KEY + i;
            Bundle b = bundle(key, values.remove(key));
            if (!files.add(b.file().toLowerCase(Locale.ROOT))) {
                throw bad(key + ": file " + b.file() + " is listed twice");
            }
            if (!names.add(b.symbolicName())) {
                throw bad(key + ": bundle " + b.symbolicName() + " is listed twice");
            }
            bundles.add(b);
        }
        if (!values.isEmpty()) {
            throw bad("unknown key '" + values.keySet().iterator().next() + "'");
        }
        if (bundles.isEmpty()) {
            throw bad("it lists no bundle");
        }
        return new LoadsManifest(version, models, minVersion, bundles);
    }

    private static Bundle bundle(String key, String value) throws LoadsException {
        try {
            return Bundle.parse(key, value);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static FirmwareVersion version(String text, String key) throws LoadsException {
        try {
            return FirmwareVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad(key + ": " + e.getMessage());
        }
    }

    private static String require(Map<String, String> values, String key) throws LoadsException {
        String v = values.remove(key);
        if (v == null) {
            throw bad("'" + key + "' is missing");
        }
        return v;
    }

    private static LoadsException bad(String why) {
        return new LoadsException(Reason.BAD_MANIFEST, "the manifest: " + why);
    }
}

package org.mppfw.display.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Screen;
import org.mppfw.layout.Durable;

/**
 * The LCD's model written to a file when the display stops and read back when it starts, so that
 * a display bundle replaced by a firmware upgrade shows the same screen again. The file lives in
 * the bundle's own data area, which the framework keeps across a bundle update (not across a
 * reboot, which starts from the boot screen anyway); it is written durably ({@link Durable#save})
 * and deleted once read.
 */
final class ScreenFile {

    /** What was saved. */
    record Saved(Screen screen, Indicators indicators) {
    }

    private final Path file;

    ScreenFile(Path file) {
        this.file = file;
    }

    void save(Screen s, Indicators i) throws IOException {
        Properties p = new Properties();
        p.setProperty("title", s.title());
        p.setProperty("selected", Integer.toString(s.selected()));
        p.setProperty("progress", Integer.toString(s.progress()));
        if (s.input() != null) {
            p.setProperty("input", s.input());
        }
        list(p, "line", s.lines());
        list(p, "soft", s.softKeys());
        list(p, "key", s.lineKeys());
        p.setProperty("network", Boolean.toString(i.network()));
        p.setProperty("registration", i.registration().name());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.store(out, "LCD model");
        Durable.save(file, out.toByteArray());
    }

    /** Reads and deletes the saved model; empty when there is none or it cannot be read. */
    Optional<Saved> take() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            Screen s = new Screen(p.getProperty("title", ""), list(p, "line"), Integer.parseInt(p.getProperty("selected")),
                    list(p, "soft"), Integer.parseInt(p.getProperty("progress")), list(p, "key"), p.getProperty("input"));
            Indicators i = new Indicators(Boolean.parseBoolean(p.getProperty("network")),
                    Indicators.Registration.valueOf(p.getProperty("registration")));
            return Optional.of(new Saved(s, i));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a stale file is read once more at worst
            }
        }
    }

    private static void list(Properties p, String prefix, List<String> values) {
        p.setProperty(prefix + ".count", Integer.toString(values.size()));
        for (int n = 0; n < values.size(); n++) {
            p.setProperty(prefix + "." + n, values.get(n));
        }
    }

    private static List<String> list(Properties p, String prefix) {
        int count = Integer.parseInt(p.getProperty(prefix + ".count", "0"));
        List<String> values = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            values.add(p.getProperty(prefix + "." + n, ""));
        }
        return values;
    }
}

package org.mppfw.upgrade.internal.state;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

import org.mppfw.layout.Durable;

/**
 * The last upgrade attempt, {@code <data>/firmware/attempt.properties}: which rule and URL it was
 * for, when it started, whether it succeeded, how it ended ({@code $UPGERR}) and how many attempts
 * of that URL failed in a row. The last attempt that {@code Upgrade_Rule} made is also kept on its
 * own ({@code rule-attempt.properties}), so that a manual upgrade in between does not make the rule
 * forget it: the same rule and URL are not tried again after a success, and after a failure only
 * when {@code Upgrade_Error_Retry_Delay} has passed.
 *
 * @param rule     the {@code Upgrade_Rule} text it came from, empty for a manual upgrade
 * @param url      the effective URL (scheme, server, port, path)
 * @param started  when it started
 * @param ok       whether it ended with the image committed (or already running)
 * @param result   how it ended
 * @param failures failed attempts of this rule and URL in a row
 */
public record AttemptRecord(String rule, String url, Instant started, boolean ok, String result, int failures) {

    public static final String FILE = "firmware/attempt.properties";
    public static final String RULE_FILE = "firmware/rule-attempt.properties";

    /** The last attempt, or null if there was none (or the record is unreadable). */
    public static AttemptRecord read(Path dataDir) {
        return readFile(dataDir.resolve(FILE));
    }

    /**
     * The last attempt {@code Upgrade_Rule} made, or null. A data dir written before the rule's own
     * record existed has it in the last attempt's record only.
     */
    public static AttemptRecord readRule(Path dataDir) {
        AttemptRecord r = readFile(dataDir.resolve(RULE_FILE));
        if (r != null) {
            return r;
        }
        AttemptRecord last = read(dataDir);
        return last != null && !last.rule().isEmpty() ? last : null;
    }

    private static AttemptRecord readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
            return new AttemptRecord(p.getProperty("rule", ""), p.getProperty("url", ""),
                    Instant.ofEpochMilli(Long.parseLong(p.getProperty("started", "0"))),
                    Boolean.parseBoolean(p.getProperty("ok")), p.getProperty("result", ""),
                    Integer.parseInt(p.getProperty("failures", "0")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether this attempt was for the same rule and URL. */
    public boolean sameTarget(String otherRule, String otherUrl) {
        return rule.equals(otherRule) && url.equals(otherUrl);
    }

    public void write(Path dataDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("rule", rule);
        p.setProperty("url", url);
        p.setProperty("started", Long.toString(started.toEpochMilli()));
        p.setProperty("ok", Boolean.toString(ok));
        p.setProperty("result", result);
        p.setProperty("failures", Integer.toString(failures));
        StringWriter w = new StringWriter();
        p.store(w, "mppfw: the last firmware upgrade attempt");
        byte[] bytes = w.toString().getBytes(StandardCharsets.ISO_8859_1);
        Durable.write(dataDir.resolve(FILE), bytes);
        if (!rule.isEmpty()) {
            Durable.save(dataDir.resolve(RULE_FILE), bytes);
        }
    }
}

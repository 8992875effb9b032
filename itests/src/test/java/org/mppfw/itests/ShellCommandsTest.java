package org.mppfw.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/** The Gogo commands of the parameter store, run in a real shell session. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellCommandsTest {

    @Inject
    private CommandProcessor processor;

    @Inject
    private ParameterStore store;

    @Inject
    private BundleContext context;

    @Inject
    private Clock clock;

    @Configuration
    public Option[] config() {
        return new Option[] {PhoneOptions.phone(PhoneOptions.tempDataDir("shell"))};
    }

    @Test
    public void paramGetSetListExport() throws Exception {
        awaitCommands("param");
        assertEquals("3600", run("param:get Resync_Periodic").trim());
        run("param:set Resync_Periodic 600");
        assertEquals("600", store.get("Resync_Periodic"));
        run("param:set GPP_SA hunter2-secret");
        assertFalse("secret masked in get", run("param:get GPP_SA").contains("hunter2"));
        assertFalse("secret masked in list", run("param:list 'GPP_S*'").contains("hunter2"));
        String export = run("param:export");
        assertTrue(export.contains("<Resync_Periodic"));
        assertFalse("secret masked in export", export.contains("hunter2"));
    }

    @Test
    public void paramImportChangesValues() throws Exception {
        awaitCommands("param");
        Path f = Files.createTempFile("mppfw-import", ".xml");
        Files.writeString(f, "<flat-profile><GPP_C>imported</GPP_C></flat-profile>");
        try {
            String out = run("param:import " + f);
            assertTrue(out, out.contains("1 changed"));
            assertEquals("imported", store.get("GPP_C"));
        } finally {
            Files.delete(f);
        }
    }

    @Test
    public void sysInfoNamesThePhone() throws Exception {
        awaitCommands("sys");
        String info = run("sys:info");
        assertTrue(info, info.contains("CP-8845-3PCC"));
        assertTrue(info, info.contains("00:0e:08:01:23:45"));
        assertTrue(info, info.contains("org.mppfw.config"));
    }

    @Test
    public void lcdShowsTheScreenAsTextAndAsPng() throws Exception {
        awaitCommands("lcd");
        String text = run("lcd:show");
        assertTrue(text, text.contains("CP-8845-3PCC"));
        assertTrue(text, text.startsWith("+-----"));
        Path f = Files.createTempFile("mppfw-lcd", ".png");
        try {
            String out = run("lcd:png " + f);
            assertTrue(out, out.contains("800x480"));
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(f.toFile());
            assertEquals(800, img.getWidth());
            assertEquals(480, img.getHeight());
        } finally {
            Files.delete(f);
        }
        String status = run("lcd:provisioning");
        assertTrue(status, status.contains("Provisioning status"));
        assertTrue(status, status.contains("Next resync:"));
    }

    @Test
    public void theLcdClockAndSysTimeFollowTheProfilesTimeZone() throws Exception {
        awaitCommands("lcd");
        awaitCommands("sys");
        store.setAll(Map.of("Time_Zone", "GMT+05:30", "Daylight_Saving_Time_Enable", "No"), ChangeSource.PROFILE);
        ZoneOffset india = ZoneOffset.ofHoursMinutes(5, 30);
        for (int i = 0; i < 100 && !india.equals(clock.rules().getOffset(Instant.now())); i++) {
            Thread.sleep(100); // the store tells its listeners on its own thread
        }
        assertEquals(india, clock.rules().getOffset(Instant.now()));
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String before = hhmm.format(Instant.now().atOffset(india));
        String lcd = run("lcd:show");
        String after = hhmm.format(Instant.now().atOffset(india));
        assertTrue(lcd, lcd.contains("| " + before + "  CP-8845-3PCC") || lcd.contains("| " + after + "  CP-8845-3PCC"));
        String time = run("sys:time");
        assertTrue(time, time.contains("(UTC+05:30)"));
        assertTrue(time, time.contains("Time zone:       GMT+05:30, offset 00/00"));
        assertTrue(time, time.contains("Daylight saving: disabled"));
    }

    /** Waits until a command service of the scope is registered (its component may start last). */
    private void awaitCommands(String scope) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (context.getServiceReferences((String) null, "(osgi.command.scope=" + scope + ")") != null) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + scope + ":* commands registered");
    }

    private String run(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (CommandSession s = processor.createSession(new ByteArrayInputStream(new byte[0]), ps, ps)) {
            Object result = s.execute(command);
            if (result != null) {
                ps.println(s.format(result, 0));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

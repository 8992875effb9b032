package org.mppfw.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceProperties;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Debug_Level}, set through the parameter store, chooses live which lines reach the ring of
 * log files in {@code <data>/log}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DebugLevelTest {

    private static final Logger LOG = LoggerFactory.getLogger("org.mppfw.itests.DebugLevelTest");

    @Inject
    private ParameterStore store;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return new Option[] {PhoneOptions.phone(PhoneOptions.tempDataDir("debuglevel"))};
    }

    private String ring() throws IOException {
        Path f = Path.of(context.getProperty(DeviceProperties.DATA_DIR), "log", "phone.log");
        return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }

    @Test
    public void theNextLinesFollowDebugLevel() throws Exception {
        assertEquals("NOTICE", store.get("Debug_Level"));
        LOG.debug("debug at notice");
        LOG.info("info at notice");
        assertFalse(ring().contains("debug at notice"));
        assertTrue(ring(), ring().contains("info at notice"));

        store.set("Debug_Level", "DEBUG", ChangeSource.ADMIN);
        // the store tells its listeners on its own thread: a debug line gets in once the level has changed
        int n = 0;
        while (!ring().contains("debug probe " + n)) {
            assertTrue("no debug line reached the ring:\n" + ring(), ++n < 600);
            LOG.debug("debug probe {}", n);
            Thread.sleep(50);
        }

        store.set("Debug_Level", "ERROR", ChangeSource.ADMIN);
        while (true) {
            assertTrue("info lines still reach the ring:\n" + ring(), ++n < 1200);
            LOG.info("info probe {}", n);
            LOG.error("error probe {}", n);
            if (ring().contains("error probe " + n) && !ring().contains("info probe " + n)) {
                break;
            }
            Thread.sleep(50);
        }
        LOG.warn("a warning at error");
        LOG.error("an error at error");
        assertFalse(ring().contains("a warning at error"));
        assertTrue(ring().contains("an error at error"));
        assertTrue("the ring keeps what it had", ring().contains("info at notice"));
    }
}

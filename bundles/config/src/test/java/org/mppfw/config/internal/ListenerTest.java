package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;

class ListenerTest {

    @TempDir
    Path dir;

    @Test
    void oneEventPerChangeSetFilteredByNames() throws Exception {
        ParameterStoreImpl s = TestStores.open(dir);
        RecordingListener all = new RecordingListener();
        RecordingListener rules = new RecordingListener();
        RecordingListener other = new RecordingListener();
        s.addListener(all, null);
        s.addListener(rules, List.of("Profile_Rule", "Profile_Rule_B"));
        s.addListener(other, List.of("Upgrade_Rule"));

        TestStores.apply(s, TestStores.flat("<Profile_Rule>http://a/</Profile_Rule><GPP_A>1</GPP_A>"
                + "<GPP_SA>secret-value</GPP_SA><Resync_Periodic>3600</Resync_Periodic>"));
        assertEquals(1, all.events.size());
        List<ParameterChange> changes = all.events.get(0).changes();
        assertEquals(List.of("Profile_Rule", "GPP_A", "GPP_SA"), changes.stream().map(ParameterChange::name).toList());
        assertEquals(ChangeSource.PROFILE, all.events.get(0).source());
        assertEquals(new ParameterChange("Profile_Rule", "/$PSN.xml", "http://a/", false), changes.get(0));
        assertTrue(changes.get(2).secret());
        assertFalse(changes.get(2).toString().contains("secret-value"));
        assertEquals(1, rules.events.size());
        assertEquals(1, rules.events.get(0).changes().size());
        assertTrue(other.events.isEmpty(), "no event without a matching change");

        // nothing changed: no event at all
        TestStores.apply(s, TestStores.flat("<Profile_Rule>http://a/</Profile_Rule>"));
        s.set("GPP_A", "1", ChangeSource.ADMIN);
        assertEquals(1, all.events.size());

        s.removeListener(all);
        s.set("GPP_A", "2", ChangeSource.TR069);
        assertEquals(1, all.events.size());
    }

    @Test
    void aFailingListenerDoesNotStopOthersNorTheWrite() throws Exception {
        ParameterStoreImpl s = TestStores.open(dir);
        s.addListener((c, src) -> {
            throw new IllegalStateException("listener bug");
        }, null);
        RecordingListener ok = new RecordingListener();
        s.addListener(ok, null);
        s.set("GPP_A", "x", ChangeSource.ADMIN);
        assertEquals("x", s.get("GPP_A"));
        assertEquals(1, ok.events.size());
    }

    @Test
    void eventsAreDeliveredOnTheStoreThreadInCommitOrder() throws Exception {
        ExecutorService events = Executors.newSingleThreadExecutor();
        try {
            ParameterStoreImpl s = new ParameterStoreImpl(dir, Catalog.standard(),
                    new ParameterStoreImpl.Options(false, events));
            RecordingListener l = new RecordingListener();
            s.addListener(l, List.of("GPP_A"));
            for (int i = 1; i <= 20; i++) {
                s.set("GPP_A", Integer.toString(i), ChangeSource.SYSTEM);
            }
            events.shutdown();
            assertTrue(events.awaitTermination(30, TimeUnit.SECONDS));
            assertEquals(20, l.events.size());
            for (int i = 0; i < 20; i++) {
                assertEquals(Integer.toString(i + 1), l.events.get(i).changes().get(0).newValue());
                assertNotSame(Thread.currentThread(), l.events.get(i).thread());
            }
        } finally {
            events.shutdownNow();
        }
    }
}

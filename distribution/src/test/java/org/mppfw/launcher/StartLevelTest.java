package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Why the check of a set on trial waits for the launcher's boot-complete marker, not for the start
 * level: Felix reads the target level as soon as it starts the first bundle of that level, while
 * the later bundles of the level are still INSTALLED. A check that looked then saw a bundle
 * "that does not resolve", failed the set and swapped the old one back in the middle of the boot
 * (the mixed set of the kill -9 torture).
 */
class StartLevelTest {

    @TempDir
    Path dir;

    private Path bundle(String bsn) throws Exception {
        return new TestImages(null, null, dir).bundle(bsn, null, null);
    }

    @Test
    void theStartLevelReadsItsTargetWhileBundlesOfThatLevelAreStillInstalled() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("org.osgi.framework.storage", dir.resolve("cache").toString());
        props.put("org.osgi.framework.storage.clean", "onFirstInit");
        props.put("org.osgi.framework.startlevel.beginning", "1");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        Framework framework = factory.newFramework(props);
        framework.init();
        try {
            BundleContext context = framework.getBundleContext();
            Bundle first = context.installBundle("reference:" + bundle("first").toUri());
            Bundle last = context.installBundle("reference:" + bundle("last").toUri());
            for (Bundle b : List.of(first, last)) {
                b.adapt(BundleStartLevel.class).setStartLevel(2);
                b.start();
            }
            int[] levelSeen = new int[1];
            int[] lastSeen = new int[1];
            context.addBundleListener((SynchronousBundleListener) e -> {
                if (e.getType() == BundleEvent.STARTING && e.getBundle().equals(first)) {
                    levelSeen[0] = framework.adapt(FrameworkStartLevel.class).getStartLevel();
                    lastSeen[0] = last.getState();
                }
            });
            framework.start();
            CountDownLatch reached = new CountDownLatch(1);
            framework.adapt(FrameworkStartLevel.class).setStartLevel(2, ev -> {
                if (ev.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                    reached.countDown();
                }
            });
            reached.await(30, TimeUnit.SECONDS);
            assertEquals(2, levelSeen[0], "the level reads 2 while its first bundle starts");
            assertEquals(Bundle.INSTALLED, lastSeen[0], "and a later bundle of level 2 is not even resolved");
            assertEquals(Bundle.ACTIVE, last.getState());
        } finally {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }
}

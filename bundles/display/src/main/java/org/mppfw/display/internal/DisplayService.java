package org.mppfw.display.internal;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.display.Display;
import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Screen;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LCD's model: the screen and the title-bar icons. Renderers only read it, through
 * {@link #lcd()}, so a new renderer draws the same screen; the menus keep their state in it
 * (which page, which item, the text typed so far). When the display bundle stops the model is
 * written to the bundle's data area and read back when it starts again, so a display bundle
 * replaced by a firmware upgrade comes back on the same screen.
 */
@Component(service = { Display.class, DisplayService.class })
public final class DisplayService implements Display {

    /** What the LCD shows before any service showed something. */
    static final Screen BOOT = Screen.of("", "Starting…");

    private static final Logger LOG = LoggerFactory.getLogger(DisplayService.class);

    private final Clock clock;
    private final DeviceIdentity identity;
    private final ScreenFile saved;
    private final AtomicReference<Screen> screen = new AtomicReference<>(BOOT);
    private final AtomicReference<Indicators> indicators = new AtomicReference<>(Indicators.DEFAULT);
    private final List<Runnable> observers = new CopyOnWriteArrayList<>();
    private final boolean restored;

    @Activate
    public DisplayService(@Reference Clock clock, @Reference DeviceIdentity identity, BundleContext context) {
        this(clock, identity, dataFile(context));
    }

    DisplayService(Clock clock, DeviceIdentity identity, ScreenFile saved) {
        this.clock = clock;
        this.identity = identity;
        this.saved = saved;
        boolean back = false;
        if (saved != null) {
            var s = saved.take();
            if (s.isPresent()) {
                screen.set(s.get().screen());
                indicators.set(s.get().indicators());
                back = true;
            }
        }
        this.restored = back;
    }

    private static ScreenFile dataFile(BundleContext context) {
        File f = context.getDataFile("lcd-screen.properties");
        return f == null ? null : new ScreenFile(f.toPath());
    }

    @Deactivate
    void stop() {
        if (saved != null) {
            try {
                saved.save(screen.get(), indicators.get());
            } catch (IOException e) {
                LOG.warn("the screen could not be kept for the next display: {}", e.getMessage());
            }
        }
    }

    /** Whether the model came back from a display that ran before this one. */
    boolean restored() {
        return restored;
    }

    @Override
    public void show(Screen s) {
        screen.set(Objects.requireNonNull(s));
        changed();
    }

    @Override
    public Screen current() {
        return screen.get();
    }

    @Override
    public void indicators(Indicators i) {
        indicators.set(Objects.requireNonNull(i));
        changed();
    }

    @Override
    public Indicators indicators() {
        return indicators.get();
    }

    /** The whole LCD now: the title bar at the clock's time, and the screen. */
    public Lcd lcd() {
        return Lcd.at(clock.now(), clock.rules(), identity.model(), indicators.get(), screen.get());
    }

    /** Runs {@code r} after every change of the screen or the icons (a live renderer). */
    void observe(Runnable r) {
        observers.add(r);
    }

    void unobserve(Runnable r) {
        observers.remove(r);
    }

    private void changed() {
        for (Runnable r : observers) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.debug("a live renderer failed", e);
            }
        }
    }
}

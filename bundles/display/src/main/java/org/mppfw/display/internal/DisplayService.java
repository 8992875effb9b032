package org.mppfw.display.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.display.Display;
import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Screen;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The LCD's model: the screen and the title-bar icons. Renderers only read it, through
 * {@link #lcd()}, so a new renderer draws the same screen.
 */
@Component(service = { Display.class, DisplayService.class })
public final class DisplayService implements Display {

    /** What the LCD shows before any service showed something. */
    static final Screen BOOT = Screen.of("", "Starting…");

    private final Clock clock;
    private final DeviceIdentity identity;
    private final AtomicReference<Screen> screen = new AtomicReference<>(BOOT);
    private final AtomicReference<Indicators> indicators = new AtomicReference<>(Indicators.DEFAULT);

    @Activate
    public DisplayService(@Reference Clock clock, @Reference DeviceIdentity identity) {
        this.clock = clock;
        this.identity = identity;
    }

    @Override
    public void show(Screen s) {
        screen.set(java.util.Objects.requireNonNull(s));
    }

    @Override
    public Screen current() {
        return screen.get();
    }

    @Override
    public void indicators(Indicators i) {
        indicators.set(java.util.Objects.requireNonNull(i));
    }

    @Override
    public Indicators indicators() {
        return indicators.get();
    }

    /** The whole LCD now: the title bar at the clock's time, and the screen. */
    public Lcd lcd() {
        return Lcd.at(clock.now(), clock.zone(), identity.model(), indicators.get(), screen.get());
    }
}

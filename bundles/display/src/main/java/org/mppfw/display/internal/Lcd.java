package org.mppfw.display.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.zone.ZoneRules;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Screen;

/**
 * Everything the LCD shows at one moment: the title bar (time, model, icons) and the screen.
 * A value: any renderer draws the same picture from the same {@code Lcd}.
 *
 * @param time       the time of day in the title bar, {@code HH:mm}
 * @param model      the phone's model in the title bar
 * @param indicators the network and registration icons
 * @param screen     the rest
 */
public record Lcd(String time, String model, Indicators indicators, Screen screen) {

    static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    public Lcd {
        Objects.requireNonNull(time);
        Objects.requireNonNull(model);
        Objects.requireNonNull(indicators);
        Objects.requireNonNull(screen);
    }

    static Lcd at(Instant now, ZoneRules zone, String model, Indicators indicators, Screen screen) {
        return new Lcd(HHMM.format(local(now, zone)), model, indicators, screen);
    }

    /** An instant in the phone's local time. */
    static OffsetDateTime local(Instant t, ZoneRules zone) {
        return t.atOffset(zone.getOffset(t));
    }
}

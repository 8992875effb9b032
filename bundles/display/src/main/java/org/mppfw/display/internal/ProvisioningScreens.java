package org.mppfw.display.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.display.Display;
import org.mppfw.api.display.Screen;
import org.mppfw.api.provisioning.ProvisioningListener;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Shows the resync engine's state on the LCD: "Provisioning…" while it resyncs, the idle screen,
 * "Resync failed — retry in 2 min" after a failure, and the "Provisioning status" screen.
 * It does not reference the engine (the engine references its listeners: that would be a
 * cycle); {@link ProvisioningScreensRestore} shows the engine's state when the display starts.
 */
@Component(service = { ProvisioningListener.class, ProvisioningScreens.class })
public final class ProvisioningScreens implements ProvisioningListener {

    static final String[] IDLE_SOFT_KEYS = { "Resync", "Status" };
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH);

    private final Display display;
    private final Clock clock;
    private final ParameterStore store;
    private final java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();

    @Activate
    public ProvisioningScreens(@Reference Display display, @Reference Clock clock, @Reference ParameterStore store) {
        this.display = display;
        this.clock = clock;
        this.store = store;
    }

    @Override
    public void statusChanged(ProvisioningStatus status) {
        told.set(true);
        display.show(screenFor(status, clock.now(), clock.zone(), lineKeys()));
    }

    /**
     * Shows the engine's state as read when the display started, unless the engine already told
     * a newer one.
     */
    void restore(ProvisioningStatus status) {
        if (!told.get()) {
            display.show(screenFor(status, clock.now(), clock.zone(), lineKeys()));
        }
    }

    /** Opens the "Provisioning status" screen (the keypad's Status key will call this). */
    public void showStatus(ProvisioningStatus status) {
        display.show(statusScreen(status, clock.now(), clock.zone()));
    }

    /** The labels of the line keys: the line's user ID, or its number when none is set. */
    List<String> lineKeys() {
        String user = "";
        try {
            user = store.get("User_ID_1_");
        } catch (RuntimeException e) {
            // an unknown parameter: the catalog has no line
        }
        return List.of(user == null || user.isBlank() ? "Line 1" : user);
    }

    /** The screen for an engine state. */
    static Screen screenFor(ProvisioningStatus s, Instant now, ZoneId zone, List<String> lineKeys) {
        if (s.state() == ProvisioningStatus.State.RESYNCING) {
            return new Screen("Provisioning", List.of("Provisioning…", "Please wait"), -1, List.of(), -1, lineKeys,
                    null);
        }
        List<String> lines = new ArrayList<>();
        lines.add(DAY.format(now.atZone(zone)));
        ResyncRecord last = s.last();
        if (last != null && !last.success() && s.failuresInARow() > 0) {
            lines.add("Resync failed — " + retry(s.nextResync(), now, zone));
            if (!last.message().isBlank()) {
                lines.add(last.message());
            }
        } else if (s.state() == ProvisioningStatus.State.WAITING_FOR_IDLE) {
            lines.add("Resync waits for the line to be idle");
        }
        return new Screen("", lines, -1, List.of(IDLE_SOFT_KEYS), -1, lineKeys, null);
    }

    /** "retry in 2 min", "retry at 14:05", "retry on Dec 3 02:00", or "no retry planned". */
    static String retry(Instant next, Instant now, ZoneId zone) {
        if (next == null) {
            return "no retry planned";
        }
        Duration d = Duration.between(now, next);
        if (d.isNegative() || d.isZero()) {
            return "retrying now";
        }
        long minutes = (d.getSeconds() + 59) / 60;
        if (minutes < 60) {
            return "retry in " + minutes + " min";
        }
        if (d.compareTo(Duration.ofHours(20)) < 0) {
            return "retry at " + Lcd.HHMM.format(next.atZone(zone));
        }
        return "retry on " + DAY_TIME.format(next.atZone(zone));
    }

    /** The "Provisioning status" screen: last resync, its result, next resync. */
    static Screen statusScreen(ProvisioningStatus s, Instant now, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        ResyncRecord last = s.last();
        if (last == null) {
            lines.add("Last resync: none yet");
        } else {
            lines.add("Last resync: " + STAMP.format(last.ended().atZone(zone)));
            lines.add("Result: " + (last.success() ? "success" : "failed (" + last.result() + ")"));
            if (!last.message().isBlank()) {
                lines.add(last.message());
            }
        }
        lines.add("Next resync: " + (s.nextResync() == null ? "none planned"
                : STAMP.format(s.nextResync().atZone(zone)) + (s.nextReason() == null ? "" : " (" + s.nextReason() + ")")));
        if (s.state() == ProvisioningStatus.State.RESYNCING) {
            lines.add("Resyncing now");
        } else if (s.state() == ProvisioningStatus.State.DISABLED) {
            lines.add("Provisioning is disabled");
        }
        return new Screen("Provisioning status", lines, -1, List.of("Resync", "Back"), -1);
    }
}

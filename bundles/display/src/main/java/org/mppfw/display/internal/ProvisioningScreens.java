package org.mppfw.display.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.zone.ZoneRules;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.discovery.CustomizationListener;
import org.mppfw.api.discovery.CustomizationState;
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
 * "Resync failed — retry in 2 min" after a failure, its message over as many lines as it takes,
 * and the "Provisioning status" screen; the profile-account prompt when a server answered 401
 * ({@code Profile_Authentication_Type} not {@code Disabled}), and the activation-code screen in
 * place of the idle screen while {@code Profile_Rule} is {@code gds://} or remote customization
 * awaits a code (a factory phone the activation server gave no URL, its rule unchanged: told as a
 * {@link CustomizationListener}). The engine's changes
 * replace only the idle and "Provisioning…" screens: a menu, an editor or an upgrade screen stays
 * until it is left. It does not reference the engine (the engine references its listeners: that
 * would be a cycle); {@link ProvisioningScreensRestore} shows the engine's state when the display
 * starts.
 */
@Component(service = { ProvisioningListener.class, ProvisioningScreens.class, ParameterListener.class,
    CustomizationListener.class }, property = ParameterListener.NAMES + "=Profile_Rule")
public final class ProvisioningScreens implements ProvisioningListener, ParameterListener, CustomizationListener {

    /** The title of the screen shown while the engine resyncs. */
    static final String RESYNCING = "Provisioning";

    static final String[] IDLE_SOFT_KEYS = { "Resync", "Status" };
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH);

    private final Display display;
    private final Clock clock;
    private final ParameterStore store;
    private final java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
    /** Whether a resync succeeded since the display started: the prompt is for first provisioning. */
    private boolean provisioned;
    /** The attempt whose profile-account prompt the user cancelled. */
    private ResyncRecord dismissed;
    /** Remote customization awaits an activation code. */
    private boolean awaitsCode;
    private volatile ProvisioningStatus last = new ProvisioningStatus(ProvisioningStatus.State.IDLE, null, null, null, 0);

    @Activate
    public ProvisioningScreens(@Reference Display display, @Reference Clock clock, @Reference ParameterStore store) {
        this.display = display;
        this.clock = clock;
        this.store = store;
    }

    @Override
    public synchronized void statusChanged(ProvisioningStatus status) {
        told.set(true);
        last = status;
        provisioned |= status.last() != null && status.last().success();
        if (passive(display.current())) {
            display.show(next(status));
        }
    }

    /**
     * Shows the engine's state as read when the display started, unless the engine already told
     * a newer one or the display came back on a page of the menus.
     */
    synchronized void restore(ProvisioningStatus status) {
        if (!told.get()) {
            last = status;
            if (passive(display.current())) {
                display.show(next(status));
            }
        }
    }

    @Override
    public synchronized void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        activationChanged();
    }

    @Override
    public synchronized void customizationChanged(CustomizationState state, boolean awaitsCode) {
        this.awaitsCode = awaitsCode;
        activationChanged();
    }

    /** The activation-code screen replaces a passive one when it is wanted, and leaves when it is not. */
    private void activationChanged() {
        Screen now = display.current();
        if (activationWanted() ? passive(now) : now.title().equals(Pages.ACTIVATION)) {
            display.show(next(last));
        }
    }

    /** Leaves the menus: the idle screen for the engine's latest state (or what it asks for). */
    public synchronized void home() {
        display.show(next(last));
    }

    /** The user cancelled the profile-account prompt: no prompt again for the same attempt. */
    public synchronized void dismissAccount() {
        dismissed = last.last();
        home();
    }

    /** The screens the engine's changes may replace: boot, idle and "Provisioning…". */
    static boolean passive(Screen s) {
        return s.title().isEmpty() || s.title().equals(RESYNCING);
    }

    /** The screen the engine's state asks for: the profile account, the activation code, or idle. */
    private Screen next(ProvisioningStatus status) {
        if (accountWanted(status)) {
            return Pages.accountUser("", MultiTap.MODE_ABC);
        }
        if (activationWanted()) {
            return Pages.activation("", null);
        }
        return screenFor(status, clock.now(), clock.rules(), lineKeys());
    }

    /**
     * A server answered 401 before the phone was ever provisioned, and it may ask for the
     * profile account.
     */
    private boolean accountWanted(ProvisioningStatus s) {
        return !provisioned && s.state() != ProvisioningStatus.State.RESYNCING && s.last() != null && s.last().unauthorized()
                && s.last() != dismissed
                && !"Disabled".equalsIgnoreCase(param("Profile_Authentication_Type", "Disabled"));
    }

    private boolean activationWanted() {
        return awaitsCode || param("Profile_Rule", "").trim().toLowerCase(Locale.ROOT).startsWith("gds://");
    }

    private String param(String name, String fallback) {
        try {
            String v = store.get(name);
            return v == null ? fallback : v;
        } catch (RuntimeException e) {
            return fallback; // an unknown parameter
        }
    }

    /** Opens the "Provisioning status" screen (the keypad's Status key will call this). */
    public void showStatus(ProvisioningStatus status) {
        display.show(statusScreen(status, clock.now(), clock.rules()));
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
    static Screen screenFor(ProvisioningStatus s, Instant now, ZoneRules zone, List<String> lineKeys) {
        if (s.state() == ProvisioningStatus.State.RESYNCING) {
            return new Screen(RESYNCING, List.of("Provisioning…", "Please wait"), -1, List.of(), -1, lineKeys,
                    null);
        }
        List<String> lines = new ArrayList<>();
        lines.add(DAY.format(Lcd.local(now, zone)));
        ResyncRecord last = s.last();
        if (last != null && !last.success() && s.failuresInARow() > 0) {
            lines.add("Resync failed — " + retry(s.nextResync(), now, zone));
            lines.addAll(wrap(last.message(), TextRenderer.bodyColumns(!lineKeys.isEmpty())));
        } else if (s.state() == ProvisioningStatus.State.WAITING_FOR_IDLE) {
            lines.add("Resync waits for the line to be idle");
        }
        return new Screen("", lines, -1, List.of(IDLE_SOFT_KEYS), -1, lineKeys, null);
    }

    /**
     * A message as body lines of at most {@code columns}, broken between words (a word longer
     * than a line is cut), so that a long one, such as how to give the phone a provisioning
     * server, is read whole rather than cut at the screen's edge. None for a blank message.
     */
    static List<String> wrap(String message, int columns) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : message.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > columns) {
                out.add(line.toString());
                line.setLength(0);
            }
            while (word.length() > columns) {
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                out.add(word.substring(0, columns));
                word = word.substring(columns);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    /** "retry in 2 min", "retry at 14:05", "retry on Dec 3 02:00", or "no retry planned". */
    static String retry(Instant next, Instant now, ZoneRules zone) {
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
            return "retry at " + Lcd.HHMM.format(Lcd.local(next, zone));
        }
        return "retry on " + DAY_TIME.format(Lcd.local(next, zone));
    }

    /** The "Provisioning status" screen: last resync, its result, next resync. */
    static Screen statusScreen(ProvisioningStatus s, Instant now, ZoneRules zone) {
        List<String> lines = new ArrayList<>();
        ResyncRecord last = s.last();
        if (last == null) {
            lines.add("Last resync: none yet");
        } else {
            lines.add("Last resync: " + STAMP.format(Lcd.local(last.ended(), zone)));
            lines.add("Result: " + (last.success() ? "success" : "failed (" + last.result() + ")"));
            lines.addAll(wrap(last.message(), TextRenderer.bodyColumns(false)));
        }
        lines.add("Next resync: " + (s.nextResync() == null ? "none planned"
                : STAMP.format(Lcd.local(s.nextResync(), zone)) + (s.nextReason() == null ? "" : " (" + s.nextReason() + ")")));
        if (s.state() == ProvisioningStatus.State.RESYNCING) {
            lines.add("Resyncing now");
        } else if (s.state() == ProvisioningStatus.State.DISABLED) {
            lines.add("Provisioning is disabled");
        }
        return new Screen(Pages.PROVISIONING, lines, -1, List.of("Resync", "Back"), -1);
    }
}

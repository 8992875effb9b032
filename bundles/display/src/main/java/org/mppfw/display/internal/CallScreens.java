package org.mppfw.display.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.mppfw.api.display.Screen;
import org.mppfw.api.keypad.Key;
import org.mppfw.api.line.Call;
import org.mppfw.api.line.CallListener;
import org.mppfw.api.line.LineState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call screens, drawn from the calls the line state publishes: an incoming call takes the
 * screen from any page with the caller's name and number and the line, and the soft keys
 * Answer and Decline (OK/Select answers too); an answered call shows the other party with the
 * soft key End call. A ringing call is shown before a connected one. When the last call ends the
 * screen goes back to what it showed before: the page of the menus, or a fresh idle screen.
 * While a call screen shows, it takes every key.
 */
@Component(service = { CallListener.class, CallScreens.class }, immediate = true)
public final class CallScreens implements CallListener {

    static final String INCOMING = "Incoming call";
    static final String CONNECTED = "Connected";
    static final String ANSWER = "Answer";
    static final String DECLINE = "Decline";
    static final String END = "End call";

    private static final Logger LOG = LoggerFactory.getLogger(CallScreens.class);

    private final DisplayService display;
    private final ProvisioningScreens home;
    private volatile LineState lines;
    private List<Call> calls = List.of();
    /** What the LCD showed when the first call came; null before. */
    private Screen before;

    @Activate
    public CallScreens(@Reference DisplayService display, @Reference ProvisioningScreens home) {
        this.display = display;
        this.home = home;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setLines(LineState l) {
        lines = l;
    }

    void unsetLines(LineState l) {
        if (lines == l) {
            lines = null;
        }
    }

    @Override
    public synchronized void callsChanged(List<Call> now) {
        calls = List.copyOf(now);
        Screen current = display.current();
        Optional<Call> shown = shown();
        if (shown.isPresent()) {
            if (!callScreen(current)) {
                before = current;
            }
            display.show(screenFor(shown.get(), current.lineKeys()));
        } else if (callScreen(current)) {
            Screen back = before;
            before = null;
            if (back == null || ProvisioningScreens.passive(back)) {
                home.home(); // the idle screen as it is now
            } else {
                display.show(back);
            }
        } else {
            before = null;
        }
    }

    /**
     * A key pressed while a call screen shows: Answer or OK answers a ringing call, Decline
     * declines it, End call hangs up. Returns false when no call screen shows (the menus' key).
     */
    synchronized boolean keyPressed(Key key) {
        if (!callScreen(display.current())) {
            return false;
        }
        Optional<Call> shown = shown();
        LineState l = lines;
        if (shown.isEmpty() || l == null) {
            return true;
        }
        Call c = shown.get();
        if (c.state() == Call.State.RINGING && (key == Key.SOFT1 || key == Key.SELECT)) {
            LOG.info("ext {}: answered from the keypad", c.extension());
            l.answer(c.extension());
        } else if (c.state() == Call.State.RINGING && key == Key.SOFT2
                || c.state() == Call.State.CONNECTED && key == Key.SOFT1) {
            LOG.info("ext {}: {} from the keypad", c.extension(), c.state() == Call.State.RINGING ? "declined" : "hung up");
            l.hangup(c.extension());
        }
        return true;
    }

    private Optional<Call> shown() {
        return calls.stream().min(Comparator.comparing((Call c) -> c.state() != Call.State.RINGING)
                .thenComparingInt(Call::extension));
    }

    static boolean callScreen(Screen s) {
        return s.title().equals(INCOMING) || s.title().equals(CONNECTED);
    }

    /** The screen of one call; the line keys stay as they were. */
    static Screen screenFor(Call c, List<String> lineKeys) {
        String number = number(c.remoteUri());
        List<String> body = c.remoteName().isBlank() || c.remoteName().equals(number)
                ? List.of(number, "Line " + c.extension())
                : List.of(c.remoteName(), number, "Line " + c.extension());
        return c.state() == Call.State.RINGING
                ? new Screen(INCOMING, body, -1, List.of(ANSWER, DECLINE), -1, lineKeys, null)
                : new Screen(CONNECTED, body, -1, List.of(END), -1, lineKeys, null);
    }

    /** The user part of a SIP URI ({@code 1002} of {@code sip:1002@host}), else the URI. */
    static String number(String uri) {
        String u = uri.replaceFirst("^sips?:", "");
        int at = u.indexOf('@');
        return at > 0 ? u.substring(0, at) : u;
    }
}

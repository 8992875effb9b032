package org.mppfw.display.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.display.Screen;
import org.mppfw.api.line.Call;
import org.mppfw.api.line.LineState;

/** The call screens and their keys, on the real menus, with a line state that keeps its calls. */
class CallScreensTest {

    @TempDir
    Path data;

    /** A line state as the SIP lines behave: answer connects, hangup ends, each change is told. */
    private static final class Lines implements LineState {
        final List<String> asked = new ArrayList<>();
        final List<Call> calls = new ArrayList<>();
        CallScreens screens;

        @Override
        public boolean allIdle() {
            return calls.isEmpty();
        }

        @Override
        public List<Call> calls() {
            return List.copyOf(calls);
        }

        void ring(int ext, String name, String uri) {
            calls.add(new Call(ext, Call.State.RINGING, name, uri, Fakes.NOW));
            screens.callsChanged(calls());
        }

        void end(int ext) {
            calls.removeIf(c -> c.extension() == ext);
            screens.callsChanged(calls());
        }

        @Override
        public boolean answer(int ext) {
            asked.add("answer " + ext);
            calls.replaceAll(c -> c.extension() == ext
                    ? new Call(ext, Call.State.CONNECTED, c.remoteName(), c.remoteUri(), Fakes.NOW) : c);
            screens.callsChanged(calls());
            return true;
        }

        @Override
        public boolean hangup(int ext) {
            asked.add("hangup " + ext);
            end(ext);
            return true;
        }
    }

    private Lines lines(Phone p) {
        Lines l = new Lines();
        l.screens = p.calls;
        p.calls.setLines(l);
        return l;
    }

    @Test
    void aRingingCallIsAnsweredWithTheSoftKeyAndEndedWithEndCall() throws Exception {
        Phone p = new Phone(data);
        Lines l = lines(p);
        p.screens.home();
        Screen idle = p.screen();
        l.ring(1, "Alice", "sip:1002@example.com");
        assertEquals(new Screen(CallScreens.INCOMING, List.of("Alice", "1002", "Line 1"), -1,
                List.of("Answer", "Decline"), -1, idle.lineKeys(), null), p.screen());
        assertTrue(p.text().contains("Alice"), p.text());
        p.press("soft1");
        assertEquals(List.of("answer 1"), l.asked);
        assertEquals(CallScreens.CONNECTED, p.screen().title());
        assertEquals(List.of("End call"), p.screen().softKeys());
        p.press("soft1");
        assertEquals(List.of("answer 1", "hangup 1"), l.asked);
        assertTrue(ProvisioningScreens.passive(p.screen()), "back at the idle screen: " + p.screen());
        assertEquals(0, p.engine.resyncs, "End call is not the idle screen's Resync");
    }

    @Test
    void okAnswersAndDeclineEndsARingingCall() throws Exception {
        Phone p = new Phone(data);
        Lines l = lines(p);
        l.ring(2, "", "sip:bob@example.com");
        assertEquals(List.of("bob", "Line 2"), p.screen().lines());
        p.press("select");
        assertEquals(List.of("answer 2"), l.asked);
        l.end(2);
        l.ring(1, "", "sip:carol@example.com");
        p.press("soft2");
        assertEquals(List.of("answer 2", "hangup 1"), l.asked);
    }

    @Test
    void theMenuPageComesBackWhenTheCallEnds() throws Exception {
        Phone p = new Phone(data);
        Lines l = lines(p);
        p.press("settings", "down");
        Screen menu = p.screen();
        l.ring(1, "Alice", "sip:1002@example.com");
        p.press("down", "back", "settings", "5");
        assertEquals(CallScreens.INCOMING, p.screen().title(), "a call screen takes every key");
        assertEquals(List.of(), l.asked);
        l.end(1); // the caller gave up
        assertEquals(menu, p.screen());
    }

    @Test
    void aRingingCallShowsBeforeAConnectedOne() throws Exception {
        Phone p = new Phone(data);
        Lines l = lines(p);
        l.ring(1, "Alice", "sip:1002@example.com");
        p.press("soft1");
        l.ring(2, "", "sip:1003@example.com");
        assertEquals(CallScreens.INCOMING, p.screen().title());
        assertEquals(List.of("1003", "Line 2"), p.screen().lines());
        p.press("soft2");
        assertEquals(CallScreens.CONNECTED, p.screen().title());
        assertEquals(List.of("Alice", "1002", "Line 1"), p.screen().lines());
    }

    @Test
    void aStaleCallScreenGoesWhenTheDisplayLearnsThereIsNoCall() throws Exception {
        Phone p = new Phone(data);
        p.display.show(new Screen(CallScreens.CONNECTED, List.of("x"), -1, List.of("End call"), -1));
        p.calls.callsChanged(List.of());
        assertTrue(ProvisioningScreens.passive(p.screen()), p.screen().toString());
    }
}

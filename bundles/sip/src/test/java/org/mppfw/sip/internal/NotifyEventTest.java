package org.mppfw.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mppfw.sip.internal.NotifyEvent.Action;

/** The Event header values providers send, and what each asks for. */
class NotifyEventTest {

    @Test
    void theEventsOfCiscosPhones() {
        assertEquals(new NotifyEvent(Action.RESYNC, ""), NotifyEvent.parse("check-sync"));
        assertEquals(new NotifyEvent(Action.RESYNC, ""), NotifyEvent.parse("check-sync;reboot=false"));
        assertEquals(new NotifyEvent(Action.REBOOT, ""), NotifyEvent.parse("check-sync; reboot=true"));
        assertEquals(new NotifyEvent(Action.REBOOT, ""), NotifyEvent.parse("Check-Sync;Reboot=\"TRUE\""));
        assertEquals(new NotifyEvent(Action.RESYNC, ""), NotifyEvent.parse("resync"));
        assertEquals(new NotifyEvent(Action.RESYNC, "http://p.example.com/a;b.xml"),
                NotifyEvent.parse("resync;profile=\"http://p.example.com/a;b.xml\""));
        assertEquals(new NotifyEvent(Action.RESYNC, "tftp://p.example.com/x.cfg"),
                NotifyEvent.parse("resync;profile=tftp://p.example.com/x.cfg"));
        assertEquals(new NotifyEvent(Action.REBOOT, ""), NotifyEvent.parse("reboot_now"));
        assertEquals(new NotifyEvent(Action.RESTART, ""), NotifyEvent.parse("restart_now"));
        assertEquals(new NotifyEvent(Action.REPORT, ""), NotifyEvent.parse("report"));
        assertEquals(new NotifyEvent(Action.PROBLEM_REPORT, ""), NotifyEvent.parse("prt-gen"));
    }

    @Test
    void anythingElseIsUnknown() {
        assertEquals(NotifyEvent.UNKNOWN, NotifyEvent.parse(null));
        assertEquals(NotifyEvent.UNKNOWN, NotifyEvent.parse(""));
        assertEquals(NotifyEvent.UNKNOWN, NotifyEvent.parse("message-summary"));
        assertEquals(NotifyEvent.UNKNOWN, NotifyEvent.parse("resync;profile=\"http://open"));
        assertEquals(NotifyEvent.UNKNOWN, NotifyEvent.parse("resync;profile=\"http://x\u0000y\""));
        assertEquals(NotifyEvent.UNKNOWN, NotifyEvent.parse("resync;profile=" + "x".repeat(NotifyEvent.MAX_LENGTH)));
    }
}

package org.mppfw.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Report_Rule's two targets separated by a space (reference §7). */
class ReportTargetsTest {

    @Test
    void oneOrTwoTargets() {
        assertEquals(List.of(), ReportTargets.split("  "));
        assertEquals(List.of("http://a/r.xml"), ReportTargets.split("http://a/r.xml"));
        assertEquals(List.of("[--delta]http://a/r.xml", "[--delta]tftp://b/r.xml"),
                ReportTargets.split("[--delta]http://a/r.xml tftp://b/r.xml"));
        assertEquals(List.of("[ --key $SA ] http://a/$MA.xml", "[ --key $SA ] http://b:8080/$MA.xml"),
                ReportTargets.split(" [ --key $SA ] http://a/$MA.xml   http://b:8080/$MA.xml "));
    }

    @Test
    void spacesInsideOptionsOrConditionsAreNotTargets() {
        assertEquals(List.of("[--key \"a b\"] http://a/r.xml"), ReportTargets.split("[--key \"a b\"] http://a/r.xml"));
        assertEquals(List.of("($A eq 1)? http://a/r | http://b/r"),
                ReportTargets.split("($A eq 1)? http://a/r | http://b/r"));
        assertEquals(List.of("($A eq 1)? http://a/r | http://b/r", "($A eq 1)? http://a/r | http://c/r"),
                ReportTargets.split("($A eq 1)? http://a/r | http://b/r http://c/r"));
    }
}

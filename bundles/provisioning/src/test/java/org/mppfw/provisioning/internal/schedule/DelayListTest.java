package org.mppfw.provisioning.internal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DelayListTest {

    private final Random random = new Random(42);

    @Test
    void theLastItemRepeatsForEver() {
        // reference §5.1: 30 min, 1 h, 2 h, then 4 h forever
        DelayList l = DelayList.parse("1800,3600,7200,14400");
        assertEquals(Duration.ofSeconds(1800), l.delay(0, random));
        assertEquals(Duration.ofSeconds(3600), l.delay(1, random));
        assertEquals(Duration.ofSeconds(7200), l.delay(2, random));
        assertEquals(Duration.ofSeconds(14400), l.delay(3, random));
        assertEquals(Duration.ofSeconds(14400), l.delay(4, random));
        assertEquals(Duration.ofSeconds(14400), l.delay(1000, random));
    }

    @Test
    void plusRAddsARandomExtraFromZeroToR() {
        DelayList l = DelayList.parse("3600+600");
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            long s = l.delay(0, random).toSeconds();
            assertTrue(s >= 3600 && s <= 4200, "3600..4200: " + s);
            seen.add(s);
        }
        assertTrue(seen.size() > 100, "the extra is random: " + seen.size() + " distinct values");
        assertTrue(seen.contains(3600L) || seen.contains(4200L) || seen.size() > 500);
    }

    @Test
    void mixedItemsAndWhiteSpace() {
        DelayList l = DelayList.parse(" 1800+300, 3600+600 ,7200+900");
        assertEquals(3, l.size());
        long third = l.delay(2, random).toSeconds();
        assertTrue(third >= 7200 && third <= 8100);
        assertEquals("1800+300,3600+600,7200+900", l.toString());
    }

    @Test
    void zeroOrEmptyDisablesTheTimer() {
        assertTrue(DelayList.parse("0").disabled());
        assertTrue(DelayList.parse("").disabled());
        assertTrue(DelayList.parse(null).disabled());
        assertThrows(IllegalStateException.class, () -> DelayList.parse("0").delay(0, random));
        assertFalse(DelayList.parse("0,60").disabled(), "a zero first item of a longer list is a real delay");
        assertEquals(Duration.ZERO, DelayList.parse("0,60").delay(0, random));
    }

    @Test
    void badListsAreRefusedWithTheText() {
        for (String bad : new String[] {"abc", "60,", ",60", "60+", "-5", "1+2+3", "99999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DelayList.parse(bad), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }
}

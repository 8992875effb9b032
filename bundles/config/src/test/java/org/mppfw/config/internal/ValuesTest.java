package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mppfw.api.config.ParameterException;

class ValuesTest {

    private final Catalog catalog = Catalog.standard();

    private String norm(String name, String value) {
        return Values.normalize(catalog.require(name), value);
    }

    @ParameterizedTest
    @CsvSource({"yes,Yes", "YES,Yes", "true,Yes", "1,Yes", "' no ',No", "False,No", "0,No"})
    void booleans(String in, String out) {
        assertEquals(out, norm("Provision_Enable", in));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "y", "on", "2"})
    void badBooleans(String in) {
        assertThrows(ParameterException.class, () -> norm("Provision_Enable", in));
    }

    @Test
    void integersWithRanges() {
        assertEquals("0", norm("Resync_Random_Delay", "0"));
        assertEquals("65535", norm("Resync_Random_Delay", " 65535 "));
        for (String bad : new String[] {"65536", "-1", "", "1e3", "12a", "99999999999999999999999"}) {
            assertThrows(ParameterException.class, () -> norm("Resync_Random_Delay", bad), bad);
        }
        assertThrows(ParameterException.class, () -> norm("periodic_upload_to_server", "599"));
    }

    @Test
    void delayLists() {
        assertEquals("7200", norm("Resync_Periodic", "7200"));
        assertEquals("3600+600", norm("Resync_Periodic", "3600+600"));
        assertEquals("1800+300,3600+600,7200+900", norm("Resync_Error_Retry_Delay", "1800+300, 3600+600 ,7200+900"));
        assertEquals("", norm("Resync_Periodic", ""));
        for (String bad : new String[] {"a", "1,,2", "1+", "+1", "-5", "1+2+3", "99999999999"}) {
            assertThrows(ParameterException.class, () -> norm("Resync_Periodic", bad), bad);
        }
    }

    @Test
    void timeOfDay() {
        assertEquals("", norm("Resync_At__HHmm_", ""));
        assertEquals("0000", norm("Resync_At__HHmm_", "0000"));
        assertEquals("2400", norm("Resync_At__HHmm_", "2400"));
        assertEquals("1000", norm("Resync_At__HHmm_", "1000"));
        for (String bad : new String[] {"2401", "2500", "0960", "930", "10:00", "abcd"}) {
            assertThrows(ParameterException.class, () -> norm("Resync_At__HHmm_", bad), bad);
        }
    }

    @Test
    void choicesTakeTheirCatalogSpelling() {
        assertEquals("Basic HTTP Authentication", norm("Profile_Authentication_Type", "Basic Http Authentication "));
        assertEquals("$MAU", norm("Syslog_Identifier", "$mau"));
        assertThrows(ParameterException.class, () -> norm("HTTP_Report_Method", "GET"));
    }

    @Test
    void integerLists() {
        assertEquals("66,160", norm("DHCP_Option_To_Use", "66, 160"));
        assertEquals("", norm("DHCP_Option_To_Use", ""));
        assertThrows(ParameterException.class, () -> norm("DHCP_Option_To_Use", "66,x"));
        assertThrows(ParameterException.class, () -> norm("DHCP_Option_To_Use", "0"));
    }

    @Test
    void stringsAreTrimmedOnOneLineAndBounded() {
        assertEquals("a b", norm("GPP_A", "  a\nb "));
        assertThrows(ParameterException.class, () -> norm("GPP_A", "a\u0001b"));
        assertThrows(ParameterException.class, () -> norm("GPP_A", "x".repeat(Values.MAX_LENGTH + 1)));
    }

    @Test
    void secretValuesAreNeverQuotedInMessages() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> norm("GPP_SA", "topsecret\u0001"));
        assertFalse(e.getMessage().contains("topsecret"));
        assertTrue(Values.isMasked("************"));
        assertTrue(Values.isMasked("*"));
        assertFalse(Values.isMasked(""));
        assertFalse(Values.isMasked("**x"));
    }
}

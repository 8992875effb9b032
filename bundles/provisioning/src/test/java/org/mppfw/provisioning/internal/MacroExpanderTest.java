package org.mppfw.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mppfw.api.provisioning.MacroSource;

class MacroExpanderTest {

    private static String expand(String text) {
        return MacroExpander.expand(text, Phone.source(), false);
    }

    /** Reference §2.1, each example verbatim. */
    @Test
    void documentedExamples() {
        assertEquals("000E08012345config.cfg", expand("$(MAU)config.cfg"));
        assertEquals("CDEF", expand("$(A:2)"));
        assertEquals("CDE", expand("$(A:2:3)"));
        assertEquals("$", expand("$$"));
        assertEquals("$MAU", expand("$$MAU"));
        assertEquals("$STRANGE000E08012345.cfg", expand("$STRANGE$MAU.cfg"));
    }

    @Test
    void longestKnownNameWins() {
        MacroSource s = Phone.with("P", "gpp-p", "PORT", "8080", "PATH", "/x.cfg", "SERV", "srv", "SERVIP", "10.0.0.1");
        assertEquals("000e08012345|000E08012345|00:0e:08:01:23:45",
                MacroExpander.expand("$MA|$MAU|$MAC", s, false));
        assertEquals("CP-8845-3PCC 8845-3PCC 8080 /x.cfg gpp-p", MacroExpander.expand("$PN $PSN $PORT $PATH $P", s, false));
        assertEquals("10.0.0.1 srv", MacroExpander.expand("$SERVIP $SERV", s, false));
        assertEquals("FCH2036ABCD", MacroExpander.expand("$SN", s, false));
        // a known name followed by letters: the parenthesised form delimits it
        assertEquals("000e08012345C", MacroExpander.expand("$(MA)C", s, false));
        assertEquals("00:0e:08:01:23:45", MacroExpander.expand("$MAC", s, false));
    }

    /** §13 item 5: the forms the default rule /$PSN.xml and the report example need. */
    @Test
    void productNameAndSeries() {
        assertEquals("/8845-3PCC.xml", expand("/$PSN.xml"));
        assertEquals("http://reportTargetServer/reportPath/CP-8845-3PCC_000e08012345_FCH2036ABCD.xml",
                expand("http://reportTargetServer/reportPath/$PN_$MA_$SN.xml"));
    }

    /** Every name of the reference's macro table is a macro. */
    @ParameterizedTest
    @ValueSource(strings = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "MA",
        "MAU", "MAC", "PN", "PSN", "SN", "CCERT", "IP", "EXTIP", "SWVER", "HWVER", "PRVST", "UPGST", "UPGERR",
        "PRVTMR", "UPGTMR", "REGTMR1", "REGTMR2", "UPGCOND", "SCHEME", "METH", "SERV", "SERVIP", "PORT", "PATH",
        "ERR", "UID1", "UID2", "ISCUST", "INCOMINGNAME", "REMOTENUMBER", "DISPLAYNAME1", "AUTHID1", "PROXY1",
        "XML_User_Name", "SERIAL_NUMBER", "ORIGTYPE", "AUTHSTATUS", "VERSION", "NOTIFY", "PROXY", "USER"})
    void everyTableMacroExpands(String name) {
        MacroSource echo = n -> "<" + n + ">";
        assertEquals("x<" + name + ">y", MacroExpander.expand("x$(" + name + ")y", echo, false));
        assertEquals("<" + name + ">/", MacroExpander.expand("$" + name + "/", echo, false));
    }

    @Test
    void numberedMacrosUpToLineTen() {
        MacroSource echo = n -> "<" + n + ">";
        assertEquals("<UID10>", MacroExpander.expand("$UID10", echo, false));
        assertEquals("<UID1>1", MacroExpander.expand("$UID11", echo, false));
    }

    @Test
    void secretsOnlyWhereAllowed() {
        for (String text : List.of("$SA", "$SB", "$(SA)", "$(SB:0:3)", "x$SAy")) {
            String shown = expand(text);
            assertEquals(text, shown);
            assertFalse(shown.contains(Phone.SECRET_A) || shown.contains(Phone.SECRET_B));
        }
        assertEquals(Phone.SECRET_A, MacroExpander.expand("$SA", Phone.source(), true));
        assertEquals("sa-", MacroExpander.expand("$(SA:0:3)", Phone.source(), true));
        MacroSource echo = n -> "<" + n + ">";
        assertEquals("$SC $SD", MacroExpander.expand("$SC $SD", echo, false));
        assertEquals("<SC> <SD>", MacroExpander.expand("$SC $SD", echo, true));
    }

    @Test
    void notRecursive() {
        MacroSource s = Phone.with("A", "$MA", "C", "$(B)$$");
        assertEquals("$MA", MacroExpander.expand("$A", s, false));
        assertEquals("$(B)$$/42", MacroExpander.expand("$C/$B", s, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$(STRANGE)x      | $(STRANGE)x",
        "$(MA             | $(MA",
        "$(A:x)           | $(A:x)",
        "$(A:-1)          | $(A:-1)",
        "$(A:1:2:3)       | $(A:1:2:3)",
        "$(A:10)          | ''",
        "$(A:2:100)       | CDEF",
        "$(A:0:0)         | ''",
        "$(A:99999999999) | ''",
        "cost$            | cost$",
        "$ MA             | $ MA",
        "$ma              | $ma",
        "$EXTIP.          | .",
    })
    void edgeCases(String text, String expected) {
        assertEquals(expected, expand(text));
    }

    @Test
    void defaultLogMessages() {
        MacroSource s = Phone.with("SCHEME", "https", "SERVIP", "10.1.2.3", "PORT", "443", "PATH", "/8845-3PCC.xml",
                "ERR", "HTTP 404");
        assertEquals("CP-8845-3PCC 00:0e:08:01:23:45 -- Requesting resync https://10.1.2.3:443/8845-3PCC.xml",
                MacroExpander.expand("$PN $MAC -- Requesting resync $SCHEME://$SERVIP:$PORT$PATH", s, false));
        assertEquals("CP-8845-3PCC 00:0e:08:01:23:45 -- Resync failed: HTTP 404",
                MacroExpander.expand("$PN $MAC -- Resync failed: $ERR", s, false));
    }

    @Test
    void textWithoutMacrosIsReturnedAsIs() {
        String t = "http://p.tel.com/x.cfg";
        assertTrue(t == expand(t));
    }
}

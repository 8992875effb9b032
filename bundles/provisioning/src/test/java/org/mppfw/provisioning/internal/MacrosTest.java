package org.mppfw.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.mppfw.api.provisioning.RuleDecision;

/** The numbered macros and the per-line parameters they show, both ways. */
class MacrosTest {

    @Test
    void eachNumberedMacroNamesItsLinesParameter() {
        for (int n = 1; n <= Macros.LINES; n++) {
            assertEquals("User_ID_" + n + "_", Macros.lineParameter("UID" + n));
            assertEquals("Display_Name_" + n + "_", Macros.lineParameter("DISPLAYNAME" + n));
            assertEquals("Auth_ID_" + n + "_", Macros.lineParameter("AUTHID" + n));
            assertEquals("Proxy_" + n + "_", Macros.lineParameter("PROXY" + n));
            for (String macro : new String[] {"UID" + n, "DISPLAYNAME" + n, "AUTHID" + n, "PROXY" + n}) {
                assertEquals(macro, Macros.forParameter(Macros.lineParameter(macro)));
            }
        }
    }

    @Test
    void otherNamesAreNoLines() {
        assertNull(Macros.lineParameter("PROXY"));
        assertNull(Macros.lineParameter("UID0"));
        assertNull(Macros.lineParameter("UID11"));
        assertNull(Macros.lineParameter("MAU"));
        assertNull(Macros.forParameter("Proxy_Host"));
        assertNull(Macros.forParameter("Proxy_"));
        assertNull(Macros.forParameter("Proxy_11_"));
        assertNull(Macros.forParameter("Display_Name_x_"));
        assertEquals("C", Macros.forParameter("GPP_C"));
        assertEquals("SA", Macros.forParameter("GPP_SA"));
    }

    @Test
    void anAssignedLineParameterShowsInTheSameAlternative() throws Exception {
        RuleDecision d = Rules.profile("(Proxy_3_ = \"sip3.example.com\";)! http://prov.example.com/$PROXY3.xml");
        assertEquals("sip3.example.com", d.assignments().get("Proxy_3_"));
        assertEquals("/sip3.example.com.xml", d.url().path());
    }
}

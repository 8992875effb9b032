package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;

/**
 * A cfg.xml written from Cisco's own examples (the resource {@code cisco-guide-cfg.xml}) applies:
 * every name the catalog knows is taken with its value and {@code ua}, no value is refused, and
 * the names of features this phone lacks are counted as unknown, as on a real phone. As the
 * catalog grows, names move from the unknown to the known side; the test still holds.
 */
class GuideProfileTest {

    /** The names of the file the catalog did not know when the file was written. */
    private static final Set<String> NOT_IN_THE_CATALOG_THEN = Set.of("Primary_DNS", "Back_Light_Timer", "Firewall",
            "Firewall_Config", "SIP_Transport_1_", "Ringer_Volume", "Screen_Saver_Enable", "Time_Format", "LDAP_Server",
            "LDAP_StartTLS_Enable", "LDAP_Prompt_For_Empty_Credentials");

    @TempDir
    Path data;

    @Test
    void theGuidesExamplesApply() throws Exception {
        ParameterStoreImpl store = TestStores.open(data);
        FlatProfile parsed;
        try (InputStream in = resource()) {
            parsed = FlatProfileParser.parse(in);
        }
        ApplyResult r;
        try (InputStream in = resource()) {
            r = store.applyProfile(in, ChangeSource.PROFILE);
        }
        assertEquals(List.of(), r.rejected(), "every value of the guide is accepted");
        assertTrue(NOT_IN_THE_CATALOG_THEN.containsAll(r.unknown()), r.unknown().toString());
        List<String> known = new ArrayList<>();
        for (FlatProfile.Entry e : parsed.entries()) {
            if (store.definition(e.name()).isPresent()) {
                known.add(e.name());
                assertEquals(e.ua(), store.parameter(e.name()).orElseThrow().access().token(), e.name());
            }
        }
        assertEquals(parsed.entries().size(), known.size() + r.unknown().size());
        assertEquals(known.size(), r.changed().size() + r.unchanged());

        assertEquals("Basic HTTP Authentication", store.get("Profile_Authentication_Type"));
        assertEquals("example.com", store.get("Proxy_1_"));
        assertEquals("4081001141", store.get("Display_Name_1_"));
        assertEquals("proxy.example.com", store.get("Proxy_Host"));
        assertEquals("Example", store.get("Proxy_Password"));
        assertEquals("RSA:!aNULL:!eNULL", store.get("TLS_Cipher_List"));
        assertEquals("voiceip.com, voiceip1.com", store.get("Restricted_Access_Domains"));
        assertEquals("[--delta]http://my_http_server/config-mpp-delta.xml "
                + "[--status]http://my_http_server/config-mpp-status.xml", store.get("Profile_Rule"));
        assertEquals("66,160,159,150,60,43,125", store.get("DHCP_Option_To_Use"));

        // and the phone's export of it shows each of them as applied, the secret masked
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        store.exportProfile(out);
        String cfg = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(cfg.contains("<Proxy_Host ua=\"rw\">proxy.example.com</Proxy_Host>"), cfg);
        assertTrue(cfg.contains("<Proxy_Password ua=\"rw\">" + ParameterStore.MASK + "</Proxy_Password>"), cfg);
        assertTrue(cfg.contains("<Proxy_1_ ua=\"na\">example.com</Proxy_1_>"), cfg);
    }

    private static InputStream resource() throws IOException {
        InputStream in = GuideProfileTest.class.getResourceAsStream("cisco-guide-cfg.xml");
        if (in == null) {
            throw new IOException("cisco-guide-cfg.xml missing");
        }
        return in;
    }
}

package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mppfw.api.config.Access;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterType;

class CatalogTest {

    private final Catalog catalog = Catalog.standard();

    /** Every parameter of reference §5.1–5.4 and §8 with its documented default. */
    static Map<String, String> documentedDefaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Provision_Enable", "Yes");
        m.put("Resync_On_Reset", "Yes");
        m.put("Resync_Random_Delay", "2");
        m.put("Resync_At__HHmm_", "");
        m.put("Resync_At_Random_Delay", "600");
        m.put("Resync_Periodic", "3600");
        m.put("Resync_Error_Retry_Delay", "60,120,240,480,960,1920,3840,7680,15360,30720,61440,86400");
        m.put("Forced_Resync_Delay", "14400");
        m.put("Resync_From_SIP", "Yes");
        m.put("Resync_After_Upgrade_Attempt", "Yes");
        m.put("Resync_Trigger_1", "");
        m.put("Resync_Trigger_2", "");
        m.put("User_Configurable_Resync", "Yes");
        m.put("Resync_Fails_On_FNF", "Yes");
        m.put("Profile_Authentication_Type", "Basic HTTP Authentication");
        m.put("Profile_Rule", "/$PSN.xml");
        m.put("Profile_Rule_B", "");
        m.put("Profile_Rule_C", "");
        m.put("Profile_Rule_D", "");
        m.put("DHCP_Option_To_Use", "66,160,159,150,60,43,125");
        m.put("DHCPv6_Option_To_Use", "17,160,159");
        m.put("Transport_Protocol", "");
        m.put("Log_Request_Msg", "$PN $MAC -- Requesting resync $SCHEME://$SERVIP:$PORT$PATH");
        m.put("Log_Success_Msg", "$PN $MAC -- Successful resync $SCHEME://$SERVIP:$PORT$PATH");
        m.put("Log_Failure_Msg", "$PN $MAC -- Resync failed: $ERR");
        m.put("Syslog_Identifier", "None");
        m.put("Report_Rule", "");
        m.put("HTTP_Report_Method", "POST");
        m.put("Report_to_Server", "On Request");
        m.put("periodic_upload_to_server", "3600");
        m.put("Upload_Delay_On_Local_Change", "60");
        m.put("Custom_CA_Rule", "");
        m.put("IKM_HTTP_Encrypt_Content", "");
        m.put("Restricted_Access_Domains", "");
        m.put("Webex_Onboard_Enable", "Yes");
        // not a Cisco parameter: the activation server of remote customization, Cisco's host by default
        m.put("Activation_Server_URL", "https://activate.cisco.com");
        // not a Cisco parameter: the onboarding service of 16-digit activation codes, Cisco's host by default
        m.put("Onboarding_Server_URL", "https://activation.webex.com");
        m.put("Upgrade_Enable", "Yes");
        m.put("Upgrade_Error_Retry_Delay", "3600");
        m.put("Upgrade_Rule", "");
        m.put("Downgrade_Rev_Limit", "");
        m.put("Log_Upgrade_Request_Msg", "$PN $MAC -- Requesting upgrade $SCHEME://$SERVIP:$PORT$PATH");
        m.put("Log_Upgrade_Success_Msg", "$PN $MAC -- Successful upgrade $SCHEME://$SERVIP:$PORT$PATH -- $ERR");
        m.put("Log_Upgrade_Failure_Msg", "$PN $MAC -- Upgrade failed: $ERR");
        m.put("Peer_Firmware_Sharing", "Yes");
        m.put("Peer_Firmware_Sharing_Log_Server", "");
        for (char c = 'A'; c <= 'P'; c++) {
            m.put("GPP_" + c, "");
        }
        for (char c = 'A'; c <= 'D'; c++) {
            m.put("GPP_S" + c, "");
        }
        m.put("Transition_Authorization_Error_Retry_Delay", "1800");
        m.put("MIC_Cert_Refresh_Enable", "No");
        m.put("MIC_Cert_Refresh_Rule", "http://sudirenewal.cisco.com/");
        m.put("HTTP_User_Agent_Name", "$VERSION ($MA)");
        m.put("PRT_Upload_Rule", "");
        m.put("PRT_Upload_Method", "POST");
        m.put("Profile_Rule_Menu", "Yes");
        m.put("Factory_Reset_Menu", "Yes");
        m.put("Phone-UI-User-Mode", "No");
        m.put("Admin_Password", "");
        m.put("User_Password", "");
        m.put("SSH_Access", "No");
        m.put("SSH_User_ID", "admin");
        m.put("SSH_Password", "");
        m.put("SSH_Port", "22");
        m.put("Syslog_Server", "");
        m.put("Debug_Server", "");
        m.put("Primary_NTP_Server", "");
        m.put("Secondary_NTP_Server", "");
        m.put("Time_Zone", "GMT-08:00");
        m.put("Time_Offset__HH_mm_", "00/00");
        m.put("Daylight_Saving_Time_Rule", "start=3/-1/7/2;end=10/-1/7/2;save=1");
        m.put("Daylight_Saving_Time_Enable", "Yes");
        m.put("Enable_TR-069", "No");
        m.put("ACS_URL", "");
        m.put("ACS_Username", "admin");
        m.put("ACS_Password", "");
        m.put("Connection_Request_Username", "");
        m.put("Connection_Request_Password", "");
        m.put("Periodic_Inform_Interval", "20");
        m.put("Periodic_Inform_Enable", "Yes");
        m.put("TR-069_Traceability", "No");
        m.put("CWMP_V1.2_Support", "Yes");
        m.put("TR-069_VoiceObject_Init", "Yes");
        m.put("TR-069_DHCPOption_Init", "Yes");
        m.put("BACKUP_ACS_URL", "");
        m.put("BACKUP_ACS_User", "");
        m.put("BACKUP_ACS_Password", "");
        m.put("Station_Name", "");
        m.put("Line_Enable_1_", "Yes");
        // AG8800, "Parameters for HTTP Proxy Settings"; the parameter reference for TLS_Cipher_List
        m.put("Proxy_Mode", "Off");
        m.put("Use_Auto_Discovery__WPAD_", "Yes");
        m.put("PAC_URL", "");
        m.put("Proxy_Host", "");
        m.put("Proxy_Port", "3128");
        m.put("Proxy_Server_Requires_Authentication", "No");
        m.put("Proxy_Username", "");
        m.put("Proxy_Password", "");
        m.put("TLS_Cipher_List", "");
        m.put("Profile_Account_User_Name", "");
        m.put("Profile_Account_Password", "");
        // conference phone MPP guide, Problem Report Tool: "Default: Empty"
        m.put("PRT_HTTP_Header", "");
        m.put("PRT_HTTP_Header_Value", "");
        // conference phone MPP guide: PRT Max Timer and PRT Name "Default: Empty"; a 12.0 cfg.xml: PRT Upload at Crash No
        m.put("PRT_Max_Timer", "");
        m.put("PRT_Name", "");
        m.put("PRT_Upload_at_Crash", "No");
        // a phone's TR-069 section: the two status rows, empty until a session, and the fallback
        m.put("ACS_URL_In_Use", "");
        m.put("Connection_Request_URL", "");
        m.put("TR-069_Fallback_Support", "No");
        // MPP XML reference guide, Firmware Upgrade (7800 and 8800 only): Transition Authorization Rule and Type
        m.put("Trans_Auth_Rule", "");
        m.put("Trans_Auth_Type", "Classic");
        // Voice > System, read by the web pages, TR-069 and reports: access control (XML reference guide 12.0(3):
        // Https by default), the IP settings, the log level as a 12.0 cfg.xml prints it
        m.put("Enable_Web_Server", "Yes");
        m.put("Enable_Protocol", "Https");
        m.put("Web_Server_Port", "443");
        m.put("Enable_Web_Admin_Access", "Yes");
        m.put("Connection_Type", "DHCP");
        m.put("Host_Name", "");
        m.put("Debug_Level", "NOTICE");
        m.put("VLAN_ID", "1");
        m.put("Firewall", "Enabled");
        m.put("TLS_Client_Min_Version", "TLS 1.2");
        // Ext 1 to Ext 10: "Default: Empty"
        for (int n = 1; n <= 10; n++) {
            m.put("Proxy_" + n + "_", "");
            m.put("Display_Name_" + n + "_", "");
            m.put("User_ID_" + n + "_", "");
            m.put("Auth_ID_" + n + "_", "");
        }
        return m;
    }

    static final Set<String> SECRETS = Set.of("GPP_SA", "GPP_SB", "GPP_SC", "GPP_SD", "IKM_HTTP_Encrypt_Content",
            "Admin_Password", "User_Password", "SSH_Password", "ACS_Password", "Connection_Request_Password", "BACKUP_ACS_Password",
            "Proxy_Password", "Profile_Account_Password", "XMPP_Password", "VPN_Password",
            // Voice > Phone: the XSI, Broadsoft directory, XML service and LDAP passwords
            "Login_Password", "SIP_Password", "Directory_Password", "XML_Password", "LDAP_Password");

    @Test
    void everyDocumentedParameterIsPresentWithItsDefault() {
        documentedDefaults().forEach((name, def) -> {
            ParameterDefinition d = catalog.definition(name).orElse(null);
            assertTrue(d != null, name + " missing");
            assertEquals(def, d.defaultValue(), name);
        });
        // the provisioning pages hold the documented parameters and nothing else
        Set<String> pages = Set.of("Provisioning", "TR-069");
        assertEquals(documentedDefaults().keySet().stream().filter(n -> pages.contains(tab(catalog.require(n))))
                .collect(Collectors.toSet()),
                catalog.definitions().stream().filter(d -> pages.contains(tab(d))).map(ParameterDefinition::name)
                        .collect(Collectors.toSet()));
    }

    private static String tab(ParameterDefinition d) {
        int slash = d.group().indexOf('/');
        return slash < 0 ? d.group() : d.group().substring(0, slash);
    }

    @Test
    void perLineRowsAreExpandedToTheModelsLines() {
        assertEquals("CP-8845-3PCC", catalog.product());
        for (int n = 1; n <= catalog.extensions(); n++) {
            assertEquals("", catalog.require("User_ID_" + n + "_").defaultValue());
            assertEquals("Ext " + n + "/Subscriber Information", catalog.require("User_ID_" + n + "_").group());
            assertEquals("User ID", catalog.label("User_ID_" + n + "_"));
        }
        assertFalse(catalog.definition("User_ID_" + (catalog.extensions() + 1) + "_").isPresent());
        assertFalse(catalog.definition("User_ID_[n]_").isPresent());
        Catalog c7841 = Catalog.standard("7841");
        assertEquals("CP-7841-3PCC", c7841.product());
        assertTrue(c7841.definition("Line_Enable_4_").isPresent());
        assertFalse(c7841.definition("Line_Enable_5_").isPresent());
        Catalog c6851 = Catalog.standard("6851");
        assertEquals("CP-6851-3PCC", c6851.product());
        // one key expansion module of 2 pages x 14 keys on the 6851, none on the 8845 nor the 7841
        assertEquals("Att Console/Unit 1", c6851.require("Unit_1_Key_28_").group());
        assertEquals("Unit 1 Key 28", c6851.label("Unit_1_Key_28_"));
        assertFalse(c6851.definition("Unit_1_Key_29_").isPresent());
        assertFalse(c6851.definition("Unit_2_Key_1_").isPresent());
        assertTrue(c6851.definition("Number_of_Units").isPresent());
        assertFalse(catalog.definition("Unit_1_Key_1_").isPresent());
        assertFalse(catalog.definition("Number_of_Units").isPresent());
        assertFalse(c7841.definition("Unit_1_Key_1_").isPresent());
        assertThrows(IllegalArgumentException.class, () -> Catalog.standard("9999"), "unknown model");
    }

    @Test
    void modelsColumnAndKeyExpansionModuleRows() throws Exception {
        String models = "@model\ta\tCP-A\text=2\tkeys=3\tkem=2x2\n@model\tb\tCP-B\text=1\tkeys=1\tkem=0x0\n";
        String rows = "X_[n]_\tINTEGER\t[n]\tna\tn\t0..9\tLine Key [n]/Line Key\tX [n]\tkey\t-\n"
                + "Unit_[u]_Key_[k]_\tSTRING\t-\tna\tn\t-\tAtt Console/Unit [u]\tUnit [u] Key [k]\tkem\ta\n"
                + "OnlyB\tSTRING\t-\tna\tn\t-\tg\t-\t-\tb\n"
                + "Old\tSTRING\t-\tna\tn\t-\tg\n";
        Catalog a = parse(models + rows);
        assertEquals(List.of("X_1_", "X_2_", "X_3_", "Unit_1_Key_1_", "Unit_1_Key_2_", "Unit_2_Key_1_", "Unit_2_Key_2_",
                "Old"), a.definitions().stream().map(ParameterDefinition::name).toList());
        assertEquals("3", a.require("X_3_").defaultValue());
        assertEquals("Line Key 3/Line Key", a.require("X_3_").group());
        assertEquals("Unit 2 Key 1", a.label("Unit_2_Key_1_"));
        assertEquals("", a.label("Old"));
        Catalog b = Catalog.parse(new ByteArrayInputStream((models + rows).getBytes(StandardCharsets.UTF_8)), "b");
        assertEquals(List.of("X_1_", "OnlyB", "Old"), b.definitions().stream().map(ParameterDefinition::name).toList());
        assertThrows(IllegalArgumentException.class, () -> parse(models + "Y\tSTRING\t-\tna\tn\t-\tg\t-\t-\tc\n"));
        assertThrows(IllegalArgumentException.class, () -> parse(models + "Y\tSTRING\t-\tna\tn\t-\tg\t-\text\t-\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("Y_[n]_\tSTRING\t-\tna\tn\t-\tg\t-\text\t-\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("Y\tSTRING\t-\tna\tn\t-\tg\t-\n"));
    }

    /**
     * As a phone's cfg.xml (and the public templates written from one) lists them: every parameter
     * of Ext 1 with its sections, then every parameter of Ext 2, ...; Line Key 1's, then Line Key 2's.
     */
    @Test
    void perLineRowsAreListedLineByLineAsInAPhonesCfgXml() throws Exception {
        String models = "@model\ta\tCP-A\text=2\tkeys=2\tkem=1x2\n@model\tb\tCP-B\text=1\tkeys=1\tkem=0x0\n";
        String rows = "Before\tSTRING\t-\tna\tn\t-\tg\n"
                + "E_[n]_\tSTRING\t-\tna\tn\t-\tExt [n]/General\t-\text\t-\n"
                + "# a comment and another model's row do not end the run\n"
                + "OnlyB_[n]_\tSTRING\t-\tna\tn\t-\tExt [n]/General\t-\text\tb\n"
                + "F_[n]_\tSTRING\t-\tna\tn\t-\tExt [n]/Dial Plan\t-\text\t-\n"
                + "K_[n]_\tSTRING\t-\tna\tn\t-\tLine Key [n]\t-\tkey\t-\n"
                + "S_[n]_\tSTRING\t-\tna\tn\t-\tLine Key [n]\t-\tkey\t-\n"
                + "Between\tSTRING\t-\tna\tn\t-\tg\n"
                + "G_[n]_\tSTRING\t-\tna\tn\t-\tExt [n]/Other\t-\text\t-\n"
                + "Unit_[u]_Key_[k]_\tSTRING\t-\tna\tn\t-\tAtt Console/Unit [u]\t-\tkem\t-\n"
                + "L_[u]_[k]_\tSTRING\t-\tna\tn\t-\tAtt Console/Unit [u]\t-\tkem\t-\n";
        assertEquals(List.of("Before", "E_1_", "F_1_", "E_2_", "F_2_", "K_1_", "S_1_", "K_2_", "S_2_", "Between", "G_1_",
                "G_2_", "Unit_1_Key_1_", "L_1_1_", "Unit_1_Key_2_", "L_1_2_"), names(parse(models + rows)));
        assertEquals(List.of("Before", "E_1_", "OnlyB_1_", "F_1_", "K_1_", "S_1_", "Between", "G_1_"), names(
                Catalog.parse(new ByteArrayInputStream((models + rows).getBytes(StandardCharsets.UTF_8)), "b")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(models + "E_[n]_\tINTEGER\tx\tna\tn\t0..9\tg\t-\text\t-\nX\tSTRING\t-\tna\tn\t-\tg\n"));
        assertTrue(e.getMessage().startsWith("catalog line 3: "), e.getMessage());

        // the real catalog: Ext 1's parameters, then Ext 2's, ...; each group's comment repeated per extension
        List<String> extTabs = catalog.definitions().stream().map(d -> d.group().split("/")[0])
                .filter(t -> t.startsWith("Ext ")).distinct().toList();
        assertEquals(catalog.extensions(), extTabs.size());
        for (int n = 1; n <= catalog.extensions(); n++) {
            assertEquals("Ext " + n, extTabs.get(n - 1), "Ext " + n + "'s parameters together, after Ext " + (n - 1) + "'s");
        }
        List<String> names = names(catalog);
        assertTrue(names.indexOf("Call_Waiting_Enable_1_") < names.indexOf("User_ID_2_"), "every Ext 1 row before Ext 2");
    }

    private static List<String> names(Catalog c) {
        return c.definitions().stream().map(ParameterDefinition::name).toList();
    }

    @Test
    void secretsAreFlaggedAndNothingElse() {
        Set<String> flagged = catalog.definitions().stream().filter(ParameterDefinition::secret)
                .map(ParameterDefinition::name).collect(Collectors.toSet());
        assertEquals(withExtensionSecrets(SECRETS, catalog.extensions()), flagged);
    }

    /** The one-per-extension secrets (Ext n: Password, Auth Page Password) added to a set of names. */
    static Set<String> withExtensionSecrets(Set<String> names, int extensions) {
        Set<String> all = new java.util.HashSet<>(names);
        for (int n = 1; n <= extensions; n++) {
            all.add("Password_" + n + "_");
            all.add("Auth_Page_Password_" + n + "_");
        }
        return all;
    }

    @Test
    void documentedOrderAndTypes() {
        List<ParameterDefinition> defs = catalog.definitions();
        // the web's tabs in the phone's order (as its cfg.xml lists them), each tab's rows together
        List<String> tabs = List.of("System", "SIP", "Provisioning", "Regional", "Phone", "Ext", "User", "Att Console",
                "TR-069", "cfg.xml");
        int at = 0;
        for (ParameterDefinition d : defs) {
            String tab = d.group().split("/")[0];
            int i = tabs.indexOf(tab.startsWith("Ext ") ? "Ext" : tab);
            assertTrue(i >= at, d.name() + " in " + d.group() + " comes after the " + tabs.get(at) + " tab");
            at = i;
        }
        assertEquals(ParameterType.INTEGER, catalog.require("Resync_Random_Delay").type());
        assertEquals(0, catalog.require("Resync_Random_Delay").min());
        assertEquals(65535, catalog.require("Resync_Random_Delay").max());
        assertEquals(ParameterType.DELAY_LIST, catalog.require("Resync_Periodic").type());
        assertEquals(ParameterType.TIME_OF_DAY, catalog.require("Resync_At__HHmm_").type());
        assertEquals(ParameterType.RULE, catalog.require("Profile_Rule").type());
        assertEquals(List.of("Disabled", "Basic HTTP Authentication", "XSI Authentication"),
                catalog.require("Profile_Authentication_Type").choices());
        assertEquals(Access.RW, catalog.require("Station_Name").access());
        assertEquals(Access.NA, catalog.require("Profile_Rule").access());
        assertFalse(catalog.definition("profile_rule").isPresent(), "names are case-sensitive");
    }

    @Test
    void badCatalogsAreRefusedWithTheirLine() {
        String dup = "A\tSTRING\t-\tna\tn\t-\tg\nA\tSTRING\t-\tna\tn\t-\tg\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(dup));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("B\tINTEGER\tx\tna\tn\t0..9\tg\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("B\tINTEGER\t10\tna\tn\t0..9\tg\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("B\tBOOLEAN\tyes\tna\tn\t-\tg\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("B\tFOO\t-\tna\tn\t-\tg\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("B\tSTRING\t-\txx\tn\t-\tg\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("# only a comment\n"));
    }

    private static Catalog parse(String tsv) throws Exception {
        return Catalog.parse(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
    }
}

package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mppfw.api.config.Access;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterType;

/**
 * Fifty parameters drawn at random from the catalog's guide-sourced rows, each with its default, its choices or
 * range and its factory {@code ua} written here from the guide's own text (the quote beside each), not from the
 * catalog. Per-line parameters are checked on the first and the last extension of each model.
 * Guides: ADESK = Cisco IP Desk Phone with MPP Administration Guide, chapter "Call Features Configuration";
 * AG7800N = 7800 Series MPP Administration Guide 11.3(1)+, chapter "Audio Configuration".
 */
class GuideSampleTest {

    private record Expected(String name, String def, String ua, ParameterType type, List<String> choices, long min,
            long max) {
    }

    private static final List<Expected> SAMPLE = new ArrayList<>();

    private static void bool(String name, String def, String ua) {
        SAMPLE.add(new Expected(name, def, ua, ParameterType.BOOLEAN, List.of(), 0, 0));
    }

    private static void free(String name, String def, String ua) {
        SAMPLE.add(new Expected(name, def, ua, ParameterType.STRING, List.of(), 0, 0));
    }

    private static void choice(String name, String def, String ua, String... choices) {
        SAMPLE.add(new Expected(name, def, ua, ParameterType.CHOICE, List.of(choices), 0, 0));
    }

    private static void range(String name, String def, String ua, long min, long max) {
        SAMPLE.add(new Expected(name, def, ua, ParameterType.INTEGER, List.of(), min, max));
    }

    static {
        // ADESK "Call Center Agent Setup": Sync From Local | Sync From Server, "This is the default value", ua="na"
        choice("ACD_Status_n_", "Sync From Server", "na", "Sync From Local", "Sync From Server");
        // ADESK: <Attn_Transfer_Serv ua="na">, "Options: Yes and No Default: Yes"
        bool("Attn_Transfer_Serv", "Yes", "na");
        // ADESK: <BLF_Callpark_On_Line_Key_Enable ua="na">, "Default: No"
        bool("BLF_Callpark_On_Line_Key_Enable", "No", "na");
        // ADESK: <Blind_Transfer_Serv ua="na">, "Default: Yes"
        bool("Blind_Transfer_Serv", "Yes", "na");
        // ADESK: <CallInfo_Subscribe_1_ ua="na">, "Default: No"
        bool("CallInfo_Subscribe_n_", "No", "na");
        // ADESK: <Call_Appearances_Per_Line ua="na">, "The allowed values range from 1 to 10. The default value is 2."
        range("Call_Appearances_Per_Line", "2", "na", 1, 10);
        // ADESK: <Call_Information_Enable_1_ ua="na">, "Default: Yes"
        bool("Call_Information_Enable_n_", "Yes", "na");
        // ADESK: <Cfwd_All ua="rw">, "Default: No"
        bool("Cfwd_All", "No", "rw");
        // ADESK: <Cfwd_All_Act_Code ua="na">, "The default value is *72."
        free("Cfwd_All_Act_Code", "*72", "na");
        // ADESK: <Cfwd_All_Deact_Code ua="na">, "The default value is *73."
        free("Cfwd_All_Deact_Code", "*73", "na");
        // ADESK: <Cfwd_All_Dest ua="rw">, "Default: Empty"
        free("Cfwd_All_Dest", "", "rw");
        // ADESK: <Cfwd_All_Serv ua="na">, "Default: Yes"
        bool("Cfwd_All_Serv", "Yes", "na");
        // ADESK: <Cfwd_Busy_Dest ua="rw">, "Default: Empty"
        free("Cfwd_Busy_Dest", "", "rw");
        // ADESK: <Cfwd_Busy_Serv ua="na">, "Default: Yes"
        bool("Cfwd_Busy_Serv", "Yes", "na");
        // ADESK: <Cfwd_No_Ans_Serv ua="na">, "Default: Yes"
        bool("Cfwd_No_Ans_Serv", "Yes", "na");
        // ADESK: <Cfwd_No_Answer_Delay ua="rw">, "Default: 20", seconds with no maximum
        range("Cfwd_No_Answer_Delay", "20", "rw", 0, Integer.MAX_VALUE);
        // AG7800N: <Codec_Negotiation_1_ ua="na">, "Allowed values: Default|List All Default: Default"
        choice("Codec_Negotiation_n_", "Default", "na", "Default", "List All");
        // ADESK: <Company_UUID_1_ ua="na"/>, "Default: Blank"
        free("Company_UUID_n_", "", "na");
        // ADESK: <Conference_Serv ua="na">, "Options: Yes and No Default: Yes"
        bool("Conference_Serv", "Yes", "na");
        // AG7800N: <DTMF_Tx_Method_1_ ua="rw">, AVT, InBand, Auto, INFO, InBand+INFO, AVT+INFO, "Default: Auto"
        choice("DTMF_Tx_Method_n_", "Auto", "rw", "AVT", "InBand", "Auto", "INFO", "InBand+INFO", "AVT+INFO");
        // ADESK: <Display_Recents_From ua="na">, "Default value of Display Recents From : Phone", no list of values
        free("Display_Recents_From", "Phone", "na");
        // ADESK: <Disposition_Code_Enable_1_ ua="na">, "Default: Yes"
        bool("Disposition_Code_Enable_n_", "Yes", "na");
        // ADESK: <Emergency_Escalation_Enable_1_ ua="na">, "Default: Yes"
        bool("Emergency_Escalation_Enable_n_", "Yes", "na");
        // ADESK: <Emergency_Number_1_ ua="na"/>, "Default: Blank (no emergency number)"
        free("Emergency_Number_n_", "", "na");
        // ADESK: <Enable_Direct_PLK_Configuration ua="na">, "Default value: Yes"
        bool("Enable_Direct_PLK_Configuration", "Yes", "na");
        // AG7800N: <Encryption_Method_1_ ua="na">, "Allowed values: AES 128 |AES 256 GCM Default: AES 128."
        choice("Encryption_Method_n_", "AES 128", "na", "AES 128", "AES 256 GCM");
        // ADESK: <Forward_Softkey ua="na">All Cfwds</Forward_Softkey>, "Default: All Cfwds"
        free("Forward_Softkey", "All Cfwds", "na");
        // ADESK: <Handset_LED_Alert ua="rw">, "Options: Voicemail and Voicemail, Missed Call Default: Voicemail"
        choice("Handset_LED_Alert", "Voicemail", "rw", "Voicemail", "Voicemail,Missed Call");
        // ADESK: <PSK_1 ua="na">, "PSK 1 through PSK 16", "Default: Empty"
        free("PSK_7", "", "na");
        // AG7800N: <Preferred_Codec_1_ ua="rw">, "Allowed values: G711u|G711a|G729a|G722|G722.2|iLBC|OPUS Default: G711u"
        choice("Preferred_Codec_n_", "G711u", "rw", "G711u", "G711a", "G729a", "G722", "G722.2", "iLBC", "OPUS");
        // ADESK: <Primary_Request_URL_1_ ua="na"/>, "Default: Blank"
        free("Primary_Request_URL_n_", "", "na");
        // ADESK: <Programmable_Softkey_Enable ua="na">, "Allowed values: Yes | No Default: No"
        bool("Programmable_Softkey_Enable", "No", "na");
        // ADESK: <Queue_Status_Notification_Enable_1_ ua="na">, "Default: Yes"
        bool("Queue_Status_Notification_Enable_n_", "Yes", "na");
        // ADESK: <Reverse_Phone_Lookup_Serv ua="na">, "The default value is Yes."
        bool("Reverse_Phone_Lookup_Serv", "Yes", "na");
        // AG7800N: <Second_Preferred_Codec_1_ ua="rw">, "Unspecified|G711u|...|OPUS Default: Unspecified"
        choice("Second_Preferred_Codec_n_", "Unspecified", "rw", "Unspecified", "G711u", "G711a", "G729a", "G722",
                "G722.2", "iLBC", "OPUS");
        // ADESK: <Secondary_Request_URL_1_ ua="na"/>, "Default: Blank"
        free("Secondary_Request_URL_n_", "", "na");
        // AG7800N: <Silence_Supp_Enable_1_ ua="rw">, "Allowed values: Yes|No Default: No"
        bool("Silence_Supp_Enable_n_", "No", "rw");
        // AG7800N: <Third_Preferred_Codec_1_ ua="rw">, "Default: Unspecified"
        choice("Third_Preferred_Codec_n_", "Unspecified", "rw", "Unspecified", "G711u", "G711a", "G729a", "G722",
                "G722.2", "iLBC", "OPUS");
        // ADESK: <Time_Format ua="na">12hr</Time_Format>, "12hr or 24hr", "Default: 12 hr"
        choice("Time_Format", "12hr", "na", "12hr", "24hr");
        // ADESK: <Trace_Enable_1_ ua="na">, "Default: Yes"
        bool("Trace_Enable_n_", "Yes", "na");
        // AG7800N: <Use_Pref_Codec_Only_1_ ua="rw">, "Allowed values: Yes|No Default: No"
        bool("Use_Pref_Codec_Only_n_", "No", "rw");
        // ADESK: <User_ID_ n _ ua="na"></User_ID_ n _>
        free("User_ID_n_", "", "na");
        // AG7800N: <VQ_Report_Interval_1_ ua="na">, "Default parameter = 0", seconds with no maximum
        range("VQ_Report_Interval_n_", "0", "na", 0, Integer.MAX_VALUE);
        // AG7800N: <Voice_Quality_Report_Address_1_ ua="na">, "Default parameter = empty (no report)"
        free("Voice_Quality_Report_Address_n_", "", "na");
        // AG7800N: <Voice_Quality_Report_Group_1_ ua="na">, "Default parameter = empty"
        free("Voice_Quality_Report_Group_n_", "", "na");
        // ADESK: <XMPP_Enable ua="na">, "Default: No"
        bool("XMPP_Enable", "No", "na");
        // ADESK: <XMPP_Password ua="na"></XMPP_Password>, "Default: Empty"
        free("XMPP_Password", "", "na");
        // ADESK: <XMPP_Port ua="na">, "An integer from 0 through 65535", "Default: 5222"
        range("XMPP_Port", "5222", "na", 0, 65535);
        // ADESK: <XMPP_Server ua="na">, "Default: Empty"
        free("XMPP_Server", "", "na");
        // ADESK: <XMPP_User_ID ua="na">, "Default: Empty"
        free("XMPP_User_ID", "", "na");
    }

    @Test
    void fiftyParametersMatchTheGuides() {
        assertEquals(50, SAMPLE.size());
        for (String model : List.of("8845", "7841", "6851")) {
            Catalog catalog = Catalog.standard(model);
            for (Expected e : SAMPLE) {
                List<String> names = e.name().endsWith("_n_")
                        ? List.of(line(e.name(), 1), line(e.name(), catalog.extensions()))
                        : List.of(e.name());
                for (String name : names) {
                    ParameterDefinition d = catalog.definition(name).orElse(null);
                    assertTrue(d != null, model + ": " + name + " missing");
                    assertEquals(e.def(), d.defaultValue(), model + ": " + name + " default");
                    assertEquals(Access.parse(e.ua()), d.access(), model + ": " + name + " ua");
                    assertEquals(e.type(), d.type(), model + ": " + name + " type");
                    assertEquals(e.choices(), d.choices(), model + ": " + name + " choices");
                    if (e.type() == ParameterType.INTEGER) {
                        assertEquals(e.min(), d.min(), model + ": " + name + " min");
                        assertEquals(e.max(), d.max(), model + ": " + name + " max");
                    }
                }
            }
        }
    }

    private static String line(String perLine, int n) {
        return perLine.substring(0, perLine.length() - 2) + n + "_";
    }
}

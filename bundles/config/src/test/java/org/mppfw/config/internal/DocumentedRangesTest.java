package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mppfw.config.internal.TestStores.apply;
import static org.mppfw.config.internal.TestStores.flat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.Rejection;
import org.mppfw.testing.GogoShell;

/**
 * The values Cisco's MPP guides document, at the edges of their ranges, are taken from a
 * {@code <flat-profile>} and by {@code param:set}; the values just outside are refused by both.
 * The guide for each range is quoted in {@code catalog.tsv}.
 */
class DocumentedRangesTest {

    @TempDir
    Path dir;
    ParameterStoreImpl store;
    GogoShell shell;

    @BeforeEach
    void open() throws Exception {
        store = TestStores.open(dir);
        shell = new GogoShell().add("param", new ParamCommands(store), "get", "set");
    }

    @AfterEach
    void close() {
        shell.close();
    }

    /** Documented values, each with the form the store keeps. */
    static Map<String, String> accepted() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Resync_Random_Delay=0", "0");
        m.put("Resync_Random_Delay=65535", "65535");
        m.put("Resync_At__HHmm_=0000", "0000");
        m.put("Resync_At__HHmm_=0959", "0959");
        m.put("Resync_At__HHmm_=2400", "2400");
        m.put("Resync_At_Random_Delay=0", "0");
        m.put("Resync_At_Random_Delay=599", "599");
        m.put("Resync_At_Random_Delay=65535", "65535");
        m.put("Resync_Periodic=0", "0");
        m.put("Resync_Periodic=86400", "86400");
        m.put("Resync_Periodic=600,1200,300", "600,1200,300");
        m.put("Resync_Periodic=2400+30", "2400+30");
        m.put("Resync_Error_Retry_Delay=0", "0");
        m.put("Forced_Resync_Delay=0", "0");
        m.put("Forced_Resync_Delay=65535", "65535");
        m.put("Profile_Authentication_Type=XSI Authentication", "XSI Authentication");
        m.put("Syslog_Identifier=$SN", "$SN");
        m.put("HTTP_Report_Method=PUT", "PUT");
        m.put("Report_to_Server=On Local Change", "On Local Change");
        m.put("periodic_upload_to_server=600", "600");
        m.put("periodic_upload_to_server=2592000", "2592000");
        m.put("Upload_Delay_On_Local_Change=10", "10");
        m.put("Upload_Delay_On_Local_Change=900", "900");
        m.put("Upgrade_Error_Retry_Delay=1800,3600,7200,14400+3600", "1800,3600,7200,14400+3600");
        m.put("Transition_Authorization_Error_Retry_Delay=86400", "86400");
        m.put("PRT_Upload_Method=PUT", "PUT");
        m.put("Periodic_Inform_Interval=86400", "86400");
        m.put("Max_Forward=1", "1");
        m.put("Max_Forward=255", "255");
        m.put("Max_Auth=0", "0");
        m.put("Max_Auth=255", "255");
        m.put("Caller_ID_Header=RPID-PAID-FROM", "RPID-PAID-FROM");
        m.put("Sip_Accept_Encoding=gzip", "gzip");
        m.put("SIP_IP_Preference=IPv6", "IPv6");
        m.put("SIP_T1=.5", ".5");
        m.put("SIP_T2=64", "64");
        m.put("INVITE_Expires=0", "0");
        m.put("INVITE_Expires=2000000", "2000000");
        m.put("ReINVITE_Expires=2000000", "2000000");
        m.put("Reg_Retry_Intvl=1", "1");
        m.put("Reg_Retry_Intvl_Cap=2147483647", "2147483647");
        m.put("RTP_Port_Min=2048", "2048");
        m.put("RTP_Port_Max=49151", "49151");
        m.put("RTP_Packet_Size=0.13", "0.13");
        m.put("RTCP_Tx_Interval=255", "255");
        m.put("SDP_IP_Preference=Auto", "Auto");
        m.put("AVT_Dynamic_Payload=96", "96");
        m.put("AVT_Dynamic_Payload=127", "127");
        m.put("AVT_16kHz_Dynamic_Payload=127", "127");
        m.put("AVT_48kHz_Dynamic_Payload=96", "96");
        m.put("Reorder_Delay=inf", "inf");
        m.put("Interdigit_Long_Timer=64", "64");
        m.put("Interdigit_Short_Timer=0", "0");
        return m;
    }

    /** Values outside what the guides allow. */
    static List<String> refused() {
        return List.of("Resync_Random_Delay=65536", "Resync_At__HHmm_=2401", "Resync_At_Random_Delay=65536",
                "Forced_Resync_Delay=65536", "Forced_Resync_Delay=-1", "Profile_Authentication_Type=Digest",
                "Syslog_Identifier=$IP", "HTTP_Report_Method=GET", "Report_to_Server=Never",
                "periodic_upload_to_server=599", "periodic_upload_to_server=2592001",
                "Upload_Delay_On_Local_Change=9", "Upload_Delay_On_Local_Change=901", "PRT_Upload_Method=GET",
                "Max_Forward=0", "Max_Forward=256", "Max_Auth=256", "Caller_ID_Header=PAI", "SIP_IP_Preference=IPv5",
                "INVITE_Expires=2000001", "Reg_Retry_Intvl=0", "RTP_Port_Min=2047", "RTP_Port_Max=49152",
                "RTCP_Tx_Interval=256", "AVT_Dynamic_Payload=95", "AVT_Dynamic_Payload=128",
                "AVT_48kHz_Dynamic_Payload=128", "Interdigit_Long_Timer=65");
    }

    @Test
    void documentedValuesAreAppliedFromAFlatProfile() throws Exception {
        for (Map.Entry<String, String> e : accepted().entrySet()) {
            String[] nv = e.getKey().split("=", 2);
            ApplyResult r = apply(store, flat("<" + nv[0] + " ua=\"na\">" + nv[1] + "</" + nv[0] + ">"));
            assertTrue(r.rejected().isEmpty(), e.getKey() + ": " + r.rejected());
            assertEquals(e.getValue(), store.get(nv[0]), e.getKey());
        }
    }

    @Test
    void documentedValuesAreSetFromTheShell() throws Exception {
        for (Map.Entry<String, String> e : accepted().entrySet()) {
            String[] nv = e.getKey().split("=", 2);
            assertEquals(nv[0] + "=" + e.getValue() + " (ua=na)", shell.run("param:set " + nv[0] + " '" + nv[1] + "'"),
                    e.getKey());
            assertEquals(e.getValue(), store.get(nv[0]), e.getKey());
        }
    }

    @Test
    void valuesOutsideTheGuidesAreRefusedFromAFlatProfile() throws Exception {
        for (String nameValue : refused()) {
            String[] nv = nameValue.split("=", 2);
            String before = store.get(nv[0]);
            ApplyResult r = apply(store, flat("<" + nv[0] + ">" + nv[1] + "</" + nv[0] + ">"));
            assertEquals(List.of(nv[0]), r.rejected().stream().map(Rejection::name).toList(), nameValue);
            assertEquals(2, r.rejected().get(0).line(), nameValue);
            assertEquals(before, store.get(nv[0]), nameValue);
        }
    }

    @Test
    void valuesOutsideTheGuidesAreRefusedFromTheShell() throws Exception {
        for (String nameValue : refused()) {
            String[] nv = nameValue.split("=", 2);
            String before = store.get(nv[0]);
            Exception e = assertThrows(Exception.class, () -> shell.run("param:set " + nv[0] + " '" + nv[1] + "'"),
                    nameValue);
            assertTrue(e.toString().startsWith("Error: " + nv[0] + ": invalid value"), e.toString());
            assertEquals(before, store.get(nv[0]), nameValue);
        }
    }
}

package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mppfw.config.internal.TestStores.apply;
import static org.mppfw.config.internal.TestStores.flat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.Access;
import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ProfileException;
import org.mppfw.api.config.Rejection;

/** The {@code <flat-profile>} rules of the reference, §3.1. */
class FlatProfileTest {

    @TempDir
    Path dir;
    ParameterStoreImpl store;

    @BeforeEach
    void open() throws Exception {
        store = TestStores.open(dir);
    }

    @Test
    void referenceExample() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<device>                                     <!-- optional wrapper -->\n"
                + "<flat-profile>\n"
                + "  <!-- comment -->\n"
                + "  <Resync_On_Reset ua=\"na\">Yes</Resync_On_Reset>\n"
                + "  <Resync_Periodic>7200</Resync_Periodic>\n"
                + "  <Profile_Rule ua=\"na\">[--key \"$SB\"] https://prov.example.com/$MA.cfg</Profile_Rule>\n"
                + "  <Dial_Plan_1_ ua=\"ro\">(S0 &lt;:18005551212&gt;)</Dial_Plan_1_>\n"
                + "  <Not_Yet_A_Parameter_1_ ua=\"na\">Yes</Not_Yet_A_Parameter_1_>\n"
                + "  <Profile_Rule_B />                         <!-- empty element -->\n"
                + "  <Station_Name ua=\"rw\" preserve-value=\"y\">Travel Agent 1</Station_Name>\n"
                + "</flat-profile>\n"
                + "</device>\n";
        store.set("Profile_Rule_B", "http://old/x.xml", ChangeSource.ADMIN);
        ApplyResult r = apply(store, xml);
        assertEquals("7200", store.get("Resync_Periodic"));
        assertEquals("[--key \"$SB\"] https://prov.example.com/$MA.cfg", store.get("Profile_Rule"));
        assertEquals("", store.get("Profile_Rule_B"));
        assertEquals("Travel Agent 1", store.get("Station_Name"));
        assertEquals("(S0 <:18005551212>)", store.get("Dial_Plan_1_"));
        assertEquals(List.of("Not_Yet_A_Parameter_1_"), r.unknown());
        assertEquals(List.of("Resync_Periodic", "Profile_Rule", "Dial_Plan_1_", "Profile_Rule_B", "Station_Name"), r.changed());
        assertEquals(1, r.unchanged(), "Resync_On_Reset was already Yes/na");
        assertTrue(r.rejected().isEmpty());
        assertEquals(sha256(xml), r.sha256());
    }

    @Test
    void seedExamples() throws Exception {
        ApplyResult r = apply(store, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<device>\n<flat-profile>\n"
                + "<!-- System Configuration -->\n<Profile_Rule ua=\"na\">gds://</Profile_Rule>\n"
                + "<Upgrade_Enable ua=\"na\">Yes</Upgrade_Enable>\n"
                + "<Upgrade_Error_Retry_Delay ua=\"na\">3600</Upgrade_Error_Retry_Delay>\n"
                + "<Upgrade_Rule ua=\"na\">http://10.0.0.1/sip88xx.11-2-3MSR1-1.loads</Upgrade_Rule>\n"
                + "<!-- <BACKUP_ACS_Password ua=\"na\"/> -->\n</flat-profile>\n</device>\n");
        assertEquals("gds://", store.get("Profile_Rule"));
        assertEquals("http://10.0.0.1/sip88xx.11-2-3MSR1-1.loads", store.get("Upgrade_Rule"));
        assertEquals(2, r.changed().size());
        r = apply(store, flat("<Primary_DNS ua=\"rw\">10.89.68.150</Primary_DNS>\n"
                + "<Use_Backup_IP ua=\"na\">No</Use_Backup_IP>\n"
                + "<Peer_Firmware_Sharing ua=\"na\">Yes</Peer_Firmware_Sharing>\n"
                + "<Profile_Authentication_Type ua=\"na\">Basic Http Authentication </Profile_Authentication_Type>\n"
                + "<User_ID_1_ ua=\"na\">4081001141</User_ID_1_>"));
        assertEquals("4081001141", store.get("User_ID_1_"));
        assertEquals("Basic HTTP Authentication", store.get("Profile_Authentication_Type"));
        assertEquals("10.89.68.150", store.get("Primary_DNS"));
        // a SPA-era name no MPP guide prints stays unknown
        assertEquals(List.of("Use_Backup_IP"), r.unknown());
    }

    @Test
    void flatProfileAtAnyDepthAndSeveralOfThem() throws Exception {
        apply(store, "<a><b><c><env><flat-profile><GPP_A>deep</GPP_A></flat-profile></env></c></b></a>");
        assertEquals("deep", store.get("GPP_A"));
        ApplyResult r = apply(store, "<x><flat-profile><GPP_B>1</GPP_B><GPP_C>one</GPP_C></flat-profile>"
                + "<y><flat-profile><GPP_B>2</GPP_B></flat-profile></y></x>");
        assertEquals("2", store.get("GPP_B"), "a later <flat-profile> wins");
        assertEquals("one", store.get("GPP_C"));
        assertEquals(List.of("GPP_C", "GPP_B"), r.changed());
        // elements outside <flat-profile> are not parameters
        apply(store, "<device><GPP_D>outside</GPP_D><flat-profile/></device>");
        assertEquals("", store.get("GPP_D"));
    }

    @Test
    void documentWithoutFlatProfileIsRefused() throws Exception {
        ProfileException e = assertThrows(ProfileException.class,
                () -> apply(store, "<html><body>Not found</body></html>"));
        assertTrue(e.getMessage().contains("flat-profile"), e.getMessage());
    }

    @Test
    void namesAreCaseSensitive() throws Exception {
        ApplyResult r = apply(store, flat("<resync_periodic>10</resync_periodic><RESYNC_PERIODIC>20</RESYNC_PERIODIC>"));
        assertEquals("3600", store.get("Resync_Periodic"));
        assertEquals(List.of("resync_periodic", "RESYNC_PERIODIC"), r.unknown());
        ProfileException e = assertThrows(ProfileException.class,
                () -> apply(store, "<Flat-Profile><GPP_A>x</GPP_A></Flat-Profile>"));
        assertTrue(e.getMessage().contains("flat-profile"));
    }

    @Test
    void uaAttribute() throws Exception {
        apply(store, flat("<GPP_A ua=\"rw\">a</GPP_A><GPP_B ua=\"ro\">b</GPP_B><Station_Name>s</Station_Name>"));
        assertEquals(Access.RW, store.parameter("GPP_A").orElseThrow().access());
        assertEquals(Access.RO, store.parameter("GPP_B").orElseThrow().access());
        assertEquals(Access.RW, store.parameter("Station_Name").orElseThrow().access(), "absent ua keeps access");
        ApplyResult r = apply(store, flat("\n<GPP_A ua=\"RW\">changed</GPP_A>\n<GPP_B ua=\"xx\">changed</GPP_B>"));
        assertEquals("a", store.get("GPP_A"), "an invalid ua rejects the whole element");
        assertEquals("b", store.get("GPP_B"));
        assertEquals(2, r.rejected().size());
        assertEquals(new Rejection("GPP_A", 3, "invalid ua=\"RW\" (must be na, ro or rw)"), r.rejected().get(0));
        assertEquals(4, r.rejected().get(1).line());
        // ua alone changes access and is reported as a change
        r = apply(store, flat("<GPP_A ua=\"na\">a</GPP_A>"));
        assertEquals(List.of("GPP_A"), r.changed());
        assertEquals(Access.NA, store.parameter("GPP_A").orElseThrow().access());
    }

    @Test
    void preserveValueKeepsWhatTheUserSet() throws Exception {
        apply(store, flat("<Station_Name ua=\"rw\" preserve-value=\"y\">Travel Agent 1</Station_Name>"));
        assertEquals("Travel Agent 1", store.get("Station_Name"), "not set by the user: applied");
        store.set("Station_Name", "Reception", ChangeSource.USER);
        assertTrue(store.parameter("Station_Name").orElseThrow().userSet());
        ApplyResult r = apply(store, flat("<Station_Name ua=\"ro\" preserve-value=\"y\">Travel Agent 2</Station_Name>"));
        assertEquals("Reception", store.get("Station_Name"));
        assertEquals(List.of("Station_Name"), r.preserved());
        assertEquals(Access.RO, store.parameter("Station_Name").orElseThrow().access(), "ua still applies");
        // without preserve-value the profile overwrites and the value is no longer the user's
        apply(store, flat("<Station_Name>Travel Agent 3</Station_Name>"));
        assertEquals("Travel Agent 3", store.get("Station_Name"));
        assertFalse(store.parameter("Station_Name").orElseThrow().userSet());
        r = apply(store, flat("<Station_Name preserve-value=\"maybe\">x</Station_Name>"));
        assertEquals(1, r.rejected().size());
    }

    @Test
    void lastOccurrenceWins() throws Exception {
        ApplyResult r = apply(store, flat("<GPP_A>1</GPP_A><GPP_B>b</GPP_B><GPP_A>2</GPP_A><GPP_A>3</GPP_A>"));
        assertEquals("3", store.get("GPP_A"));
        assertEquals(List.of("GPP_B", "GPP_A"), r.changed());
        r = apply(store, flat("<Resync_Periodic>100</Resync_Periodic><Resync_Periodic>bad</Resync_Periodic>"));
        assertEquals("3600", store.get("Resync_Periodic"), "the last occurrence is the one considered");
        assertEquals(1, r.rejected().size());
    }

    @Test
    void unknownNamesAreCountedOnce() throws Exception {
        ApplyResult r = apply(store, flat("<Foo>1</Foo><Bar/><Foo>2</Foo><GPP_A>x</GPP_A>"));
        assertEquals(List.of("Foo", "Bar"), r.unknown());
        assertEquals("x", store.get("GPP_A"));
    }

    @Test
    void maskedValuesAreNotApplied() throws Exception {
        store.set("GPP_SA", "s3cr3t", ChangeSource.ADMIN);
        ApplyResult r = apply(store, flat("<GPP_SA ua=\"na\">************</GPP_SA><GPP_A>*****</GPP_A>"));
        assertEquals("s3cr3t", store.get("GPP_SA"));
        assertEquals("", store.get("GPP_A"));
        assertEquals(2, r.rejected().size());
        assertTrue(r.rejected().get(0).reason().contains("masked"));
        assertTrue(r.changed().isEmpty());
    }

    @Test
    void emptyElementSetsEmptyByDefault() throws Exception {
        store.set("Profile_Rule", "http://x/y.xml", ChangeSource.ADMIN);
        store.set("GPP_A", "a", ChangeSource.ADMIN);
        apply(store, flat("<Profile_Rule/><GPP_A>\n</GPP_A>"));
        assertEquals("", store.get("Profile_Rule"));
        assertEquals("", store.get("GPP_A"), "a newline only is empty");
        ApplyResult r = apply(store, flat("<Resync_Random_Delay/>"));
        assertEquals(1, r.rejected().size(), "an integer cannot be empty");
    }

    @Test
    void emptyElementResetsToDefaultInCompatibilityMode() throws Exception {
        store.set("Profile_Rule", "http://x/y.xml", ChangeSource.ADMIN);
        store.set("Resync_Random_Delay", "9", ChangeSource.ADMIN);
        store.setEmptyResetsToDefault(true);
        ApplyResult r = apply(store, flat("<Profile_Rule></Profile_Rule><Resync_Random_Delay ua=\"ro\"/>"));
        assertEquals("/$PSN.xml", store.get("Profile_Rule"));
        assertEquals("2", store.get("Resync_Random_Delay"));
        assertEquals(Access.RO, store.parameter("Resync_Random_Delay").orElseThrow().access());
        assertTrue(r.rejected().isEmpty());
    }

    @Test
    void entitiesAndNumericReferencesAreDecoded() throws Exception {
        apply(store, flat("<GPP_A>a &amp; b &lt;c&gt; &apos;d&apos; &quot;e&quot;</GPP_A>"
                + "<GPP_B>&#40;x&#x2e;y&#41;</GPP_B><GPP_C><![CDATA[<raw> & ]]>tail</GPP_C>"));
        assertEquals("a & b <c> 'd' \"e\"", store.get("GPP_A"));
        assertEquals("(x.y)", store.get("GPP_B"));
        assertEquals("<raw> & tail", store.get("GPP_C"));
    }

    @Test
    void whitespaceAndNewlines() throws Exception {
        apply(store, flat("<GPP_A>   padded   </GPP_A><GPP_B>line one\nline two\r\nline three</GPP_B>"
                + "<Resync_Periodic>\n   7200\n</Resync_Periodic>"));
        assertEquals("padded", store.get("GPP_A"));
        assertEquals("line one line two line three", store.get("GPP_B"));
        assertEquals("7200", store.get("Resync_Periodic"));
    }

    @Test
    void utf8WithAndWithoutBom() throws Exception {
        byte[] body = flat("<Station_Name>Zürich – 東京</Station_Name>").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        ApplyResult r = store.applyProfile(new ByteArrayInputStream(withBom), ChangeSource.PROFILE);
        assertEquals("Zürich – 東京", store.get("Station_Name"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(withBom)), r.sha256(),
                "the hash covers the document as received");
        store.set("Station_Name", "", ChangeSource.ADMIN);
        store.applyProfile(new ByteArrayInputStream(body), ChangeSource.PROFILE);
        assertEquals("Zürich – 东京".replace('东', '東'), store.get("Station_Name"));
    }

    @Test
    void fileStreamIsReadToTheEndAndLeftOpenForTheCaller() throws Exception {
        Path file = dir.resolve("profile.xml");
        String xml = flat("<GPP_A>from file</GPP_A>") + "<!-- trailing comment -->\n";
        java.nio.file.Files.writeString(file, xml);
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            ApplyResult r = store.applyProfile(in, ChangeSource.PROFILE);
            assertEquals(sha256(xml), r.sha256());
            assertEquals(-1, in.read(), "the stream is still open and fully read");
        }
        assertEquals("from file", store.get("GPP_A"));
    }

    @Test
    void extraAttributesAreTolerated() throws Exception {
        apply(store, flat("<GPP_A group=\"Provisioning/General_Purpose_Parameters\" ua=\"ro\">x</GPP_A>"));
        assertEquals("x", store.get("GPP_A"));
    }

    @Test
    void invalidValuesAreRejectedWithTheirLineAndValidOnesApplied() throws Exception {
        ApplyResult r = apply(store, "<flat-profile>\n<Resync_Periodic>7200</Resync_Periodic>\n"
                + "<Resync_Random_Delay>99999</Resync_Random_Delay>\n<Provision_Enable>maybe</Provision_Enable>\n"
                + "<Resync_At__HHmm_>2500</Resync_At__HHmm_>\n<GPP_A><b>x</b></GPP_A>\n</flat-profile>");
        assertEquals("7200", store.get("Resync_Periodic"));
        assertEquals("2", store.get("Resync_Random_Delay"));
        assertEquals(List.of(3, 4, 5, 6), r.rejected().stream().map(Rejection::line).toList());
        assertEquals(List.of("Resync_Periodic"), r.changed());
        assertTrue(r.rejected().get(3).reason().contains("element"));
    }

    @Test
    void userSourceHonoursAccess() throws Exception {
        ApplyResult r = apply(store, flat("<Station_Name>mine</Station_Name><Profile_Rule>http://evil/</Profile_Rule>"
                + "<User_Password ua=\"na\">x</User_Password>"), ChangeSource.USER);
        assertEquals("mine", store.get("Station_Name"));
        assertEquals("/$PSN.xml", store.get("Profile_Rule"));
        assertEquals("", store.get("User_Password"), "the user may not change access");
        assertEquals(2, r.rejected().size());
        assertTrue(store.parameter("Station_Name").orElseThrow().userSet());
    }

    @Test
    void unchangedProfileChangesNothingAndHasTheSameHash() throws Exception {
        String xml = flat("<GPP_A>x</GPP_A>");
        ApplyResult a = apply(store, xml);
        byte[] before = TestStores.persisted(store);
        ApplyResult b = apply(store, xml);
        assertEquals(a.sha256(), b.sha256());
        assertTrue(b.changed().isEmpty());
        assertEquals(1, b.unchanged());
        assertEquals(new String(before, StandardCharsets.UTF_8),
                new String(TestStores.persisted(store), StandardCharsets.UTF_8));
    }

    @Test
    void exportMasksSecretsAndReimportIsANoOp() throws Exception {
        store.set("GPP_SA", "top<secret>&", ChangeSource.ADMIN);
        store.set("Admin_Password", "hunter2", ChangeSource.ADMIN);
        store.set("GPP_A", "a < b & \"c\"\tt", ChangeSource.ADMIN);
        apply(store, flat("<GPP_B ua=\"rw\">b</GPP_B>"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.exportProfile(out);
        String cfg = out.toString(StandardCharsets.UTF_8);
        assertFalse(cfg.contains("top<secret>") || cfg.contains("top&lt;secret") || cfg.contains("hunter2"));
        assertTrue(cfg.contains("<GPP_SA ua=\"na\">************</GPP_SA>"), cfg);
        assertTrue(cfg.contains("<GPP_SB ua=\"na\"/>"), "an empty secret stays empty");
        assertTrue(cfg.contains("<GPP_B ua=\"rw\">b</GPP_B>"));
        assertTrue(cfg.contains("<GPP_A ua=\"na\">a &lt; b &amp; &quot;c&quot;&#9;t</GPP_A>"), cfg);
        byte[] before = TestStores.persisted(store);
        var values = store.values();
        ApplyResult r = store.applyProfile(new ByteArrayInputStream(out.toByteArray()), ChangeSource.PROFILE);
        assertTrue(r.changed().isEmpty(), r.changed().toString());
        assertTrue(r.unknown().isEmpty());
        assertEquals(2, r.rejected().size(), "the two masked secrets");
        assertEquals(values, store.values());
        assertEquals(new String(before, StandardCharsets.UTF_8),
                new String(TestStores.persisted(store), StandardCharsets.UTF_8));
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}

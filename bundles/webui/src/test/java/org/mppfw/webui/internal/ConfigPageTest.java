package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;

/** The Voice pages drawn from the catalog, and Submit All Changes. */
class ConfigPageTest {

    @TempDir
    Path data;
    ParameterStoreImpl store;
    ConfigPage page;
    final Sessions.Session session = new Sessions.Session("id", Role.ADMIN, "tok");

    @BeforeEach
    void open() throws Exception {
        store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        page = new ConfigPage(store);
        String profile = "<flat-profile><Station_Name ua=\"ro\">Reception</Station_Name></flat-profile>";
        store.applyProfile(new ByteArrayInputStream(profile.getBytes(StandardCharsets.UTF_8)), ChangeSource.PROFILE);
    }

    @Test
    void tabsComeFromTheCatalogInItsOrder() {
        assertEquals("System", page.tabs(Role.ADMIN).get(0));
        assertTrue(page.tabs(Role.ADMIN).containsAll(java.util.List.of("SIP", "Provisioning", "Regional", "Phone", "Ext 1",
                "Ext 10", "User", "Att Console")));
        assertFalse(page.tabs(Role.USER).contains("Provisioning"), "every Provisioning parameter is na");
        assertTrue(page.tabs(Role.USER).contains("User"));
    }

    @Test
    void eachTypeHasItsField() {
        String html = page.body("Provisioning", Role.ADMIN, session, n -> null);
        assertTrue(html.contains("<h3>Configuration Profile</h3>"));
        assertTrue(html.contains("<select id=\"p-Provision_Enable\" name=\"Provision_Enable\"><option value=\"Yes\" selected>"));
        assertTrue(html.contains("<input id=\"p-Profile_Rule\" name=\"Profile_Rule\" type=\"text\" value=\"/$PSN.xml\">"));
        assertTrue(html.contains("<label for=\"p-Profile_Rule\">Profile Rule</label>"));
        assertTrue(html.contains("name=\"csrf\" value=\"tok\""));
        assertTrue(page.body("Ext 1", Role.ADMIN, session, n -> null)
                .contains("<label for=\"p-Line_Enable_1_\">Line Enable</label>"), "the catalog's label");
    }

    @Test
    void theUserSeesRwEditableRoReadOnlyAndNeverNa() {
        String phone = page.body("Phone", Role.USER, new Sessions.Session("u", Role.USER, "t"), n -> null);
        assertTrue(phone.contains("id=\"p-Station_Name\" disabled"), "ro is shown, not editable");
        assertTrue(phone.contains("value=\"Reception\""));
        String user = page.body("User", Role.USER, new Sessions.Session("u", Role.USER, "t"), n -> null);
        assertTrue(user.contains("name=\"Cfwd_All_Dest\""), "rw is editable");
        String system = page.body("System", Role.USER, new Sessions.Session("u", Role.USER, "t"), n -> null);
        assertFalse(system.contains("Admin_Password"), "na is never shown");
        assertTrue(system.contains("User_Password"));
    }

    @Test
    void aUserCannotSubmitWhatIsNotRw() {
        ConfigPage.Result r = page.submit("Phone", Role.USER, Map.of("Station_Name", "Hacked")::get);
        assertEquals("No field changed.", r.notice());
        assertEquals("Reception", store.get("Station_Name"));
        page.submit("System", Role.USER, Map.of("Admin_Password", "mine")::get);
        assertEquals("", store.get("Admin_Password"));
    }

    @Test
    void anInvalidFieldAppliesNothing() {
        ConfigPage.Result r = page.submit("Provisioning", Role.ADMIN,
                Map.of("Profile_Rule", "http://example.invalid/p.xml", "Resync_Periodic", "soon")::get);
        assertTrue(r.error());
        assertTrue(r.notice().startsWith("Nothing applied: "), r.notice());
        assertTrue(r.notice().contains("Resync_Periodic"), r.notice());
        assertEquals("/$PSN.xml", store.get("Profile_Rule"));
        String html = page.body("Provisioning", Role.ADMIN, session,
                Map.of("Profile_Rule", "http://example.invalid/p.xml", "Resync_Periodic", "soon")::get);
        assertTrue(html.contains("value=\"soon\""), "the refused form is shown as submitted");

        r = page.submit("Provisioning", Role.ADMIN, Map.of("Profile_Rule", "http://example.invalid/p.xml",
                "Resync_Periodic", "600", "Provision_Enable", "yes")::get);
        assertEquals("2 changes applied.", r.notice(), "Yes in another case is no change");
        assertEquals("600", store.get("Resync_Periodic"));
    }

    @Test
    void secretsAreMaskedAndTheMaskIsNeverWrittenBack() throws Exception {
        store.set("Admin_Password", "real-secret", ChangeSource.ADMIN);
        String html = page.body("System", Role.ADMIN, session, n -> null);
        assertFalse(html.contains("real-secret"));
        assertTrue(html.contains("id=\"p-Admin_Password\" name=\"Admin_Password\" type=\"password\" value=\""
                + ParameterStore.MASK + "\""));
        page.submit("System", Role.ADMIN, Map.of("Admin_Password", ParameterStore.MASK)::get);
        assertEquals("real-secret", store.get("Admin_Password"));
        String again = page.body("System", Role.ADMIN, session, Map.of("Admin_Password", "typed")::get);
        assertFalse(again.contains("typed"), "a refused form never echoes a secret");
    }

    @Test
    void valuesAreEscaped() throws Exception {
        store.set("Station_Name", "<script>alert(1)</script>", ChangeSource.ADMIN);
        String html = page.body("Phone", Role.ADMIN, session, n -> null);
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
    }
}

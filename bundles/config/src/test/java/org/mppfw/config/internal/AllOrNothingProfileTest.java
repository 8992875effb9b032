package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mppfw.config.internal.TestStores.flat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.Access;
import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterException;

/** A profile applied all or nothing: read as a download is, values and ua changed together or not at all. */
class AllOrNothingProfileTest {

    @TempDir
    Path dir;
    ParameterStoreImpl store;

    @BeforeEach
    void open() throws Exception {
        store = TestStores.open(dir);
    }

    private ApplyResult push(String xml) throws Exception {
        return store.applyProfileAllOrNothing(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                ChangeSource.ADMIN);
    }

    @Test
    void oneRefusedValueChangesNeitherValuesNorAccess() throws Exception {
        ParameterException e = assertThrows(ParameterException.class, () -> push(flat(
                "<GPP_A ua=\"rw\">a</GPP_A><Resync_Periodic ua=\"ro\">soon</Resync_Periodic>")));
        assertTrue(e.getMessage().contains("Resync_Periodic"), e.getMessage());
        assertEquals("", store.get("GPP_A"));
        assertEquals(Access.NA, store.parameter("GPP_A").orElseThrow().access());
    }

    @Test
    void valuesAndUaApplyTogetherAndAMaskIsNoRefusal() throws Exception {
        store.set("Admin_Password", "s3cret", ChangeSource.ADMIN);
        ApplyResult r = push(flat("<GPP_A ua=\"rw\">a</GPP_A><Admin_Password ua=\"ro\">************</Admin_Password>"
                + "<No_Such_Thing>1</No_Such_Thing>"));
        assertEquals("a", store.get("GPP_A"));
        assertEquals(Access.RW, store.parameter("GPP_A").orElseThrow().access());
        assertEquals("s3cret", store.get("Admin_Password"));
        assertEquals(Access.RO, store.parameter("Admin_Password").orElseThrow().access());
        assertEquals(1, r.unknown().size());
        assertEquals(1, r.rejected().size(), "the masked value, not applied");
    }
}

package org.mppfw.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javax.inject.Inject;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

/**
 * A profile applied through the service changes parameters, and they survive a restart of the
 * framework: each test method runs in a new framework (clean bundle cache) on the same data dir.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ProfileSurvivesRestartTest {

    /** Created once in the test JVM; the framework of every method gets the same path. */
    private static final Path DATA = PhoneOptions.tempDataDir("restart");

    static final String PROFILE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<device>\n<flat-profile>\n"
            + "  <Resync_Periodic ua=\"rw\">7200</Resync_Periodic>\n"
            + "  <Profile_Rule ua=\"na\">[--key \"$SB\"] https://prov.example.com/$MA.cfg</Profile_Rule>\n"
            + "  <GPP_A>ABCDEF</GPP_A>\n"
            + "  <GPP_SB>s3cr3t-key</GPP_SB>\n"
            + "  <No_Such_Parameter>x</No_Such_Parameter>\n"
            + "</flat-profile>\n</device>\n";

    @Inject
    private ParameterStore store;

    @Configuration
    public Option[] config() {
        return new Option[] {PhoneOptions.phone(DATA)};
    }

    @Test
    public void a_profileChangesParameters() throws Exception {
        ApplyResult r = store.applyProfile(new ByteArrayInputStream(PROFILE.getBytes(StandardCharsets.UTF_8)),
                ChangeSource.PROFILE);
        assertTrue(r.changed().contains("Resync_Periodic"));
        assertEquals(java.util.List.of("No_Such_Parameter"), r.unknown());
        assertEquals("7200", store.get("Resync_Periodic"));
        assertEquals("ABCDEF", store.get("GPP_A"));
    }

    @Test
    public void b_parametersSurviveFrameworkRestart() {
        assertEquals("7200", store.get("Resync_Periodic"));
        assertEquals("[--key \"$SB\"] https://prov.example.com/$MA.cfg", store.get("Profile_Rule"));
        assertEquals("s3cr3t-key", store.get("GPP_SB"));
        assertEquals("rw", store.parameter("Resync_Periodic").orElseThrow().access().token());
        assertEquals("na", store.parameter("Profile_Rule").orElseThrow().access().token());
    }
}

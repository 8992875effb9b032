package org.mppfw.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The image's bundles boot: every bundle its etc/bundles.list names is installed and active,
 * every DS component satisfied.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BootTest {

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private ParameterStore store;

    @Inject
    private DeviceIdentity identity;

    @Configuration
    public Option[] config() {
        return new Option[] {PhoneOptions.phone(PhoneOptions.tempDataDir("boot"))};
    }

    @Test
    public void everyBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
        // every bundle of the image: its etc/bundles.list, as PhoneOptions installed it
        List<String> image = List.of(context.getProperty(PhoneOptions.IMAGE_BUNDLES).split(","));
        assertTrue("the image lists the phone's bundles: " + image, image.contains("org.mppfw.api"));
        for (String bsn : image) {
            assertTrue(bsn + " installed", find(bsn) != null);
        }
    }

    @Test
    public void everyComponentIsSatisfied() {
        List<String> problems = new ArrayList<>();
        int satisfied = 0;
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!d.defaultEnabled || "require".equals(d.configurationPolicy)) {
                continue;
            }
            var configs = scr.getComponentConfigurationDTOs(d);
            if (configs.isEmpty()) {
                problems.add(d.name + ": no configuration");
            }
            for (ComponentConfigurationDTO c : configs) {
                if (c.state == ComponentConfigurationDTO.ACTIVE || c.state == ComponentConfigurationDTO.SATISFIED) {
                    satisfied++;
                } else {
                    problems.add(d.name + ": state " + c.state + " " + (c.failure == null ? "" : c.failure));
                }
            }
        }
        assertTrue("unsatisfied components: " + problems, problems.isEmpty());
        assertTrue("the phone's components are registered", satisfied >= 3);
    }

    @Test
    public void identityComesFromFirstBootProperties() {
        assertEquals("000e08012345", identity.mac());
        assertEquals("CP-8845-3PCC", identity.model());
        assertEquals("8845-3PCC", identity.productSeries());
        assertEquals("FCH2345ABCD", identity.serialNumber());
    }

    @Test
    public void catalogHasTheProvisioningDefaults() {
        assertEquals("Yes", store.get("Provision_Enable"));
        assertEquals("3600", store.get("Resync_Periodic"));
        assertEquals("/$PSN.xml", store.get("Profile_Rule"));
        assertEquals("66,160,159,150,60,43,125", store.get("DHCP_Option_To_Use"));
    }

    private Bundle find(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }
}

package org.mppfw.config.internal;

import java.io.IOException;

import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.api.power.BootReason;
import org.mppfw.api.power.Power;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Shell command {@code sys:factory-reset}. Gogo cannot map a hyphenated name to a Java method,
 * so this service answers through Gogo's catch-all entry point {@code _main}.
 */
@Component(service = FactoryResetCommand.class, property = {
    "osgi.command.scope=sys",
    "osgi.command.function=factory-reset"
})
public final class FactoryResetCommand {

    static final String PLAN = "A factory reset sets every parameter and its user access back to the factory "
            + "default and deletes the out-of-box state (" + DeviceProperties.STATE_DIR + "/ in the data dir); "
            + "the device identity is kept, and so is the firmware. Then the phone reboots. "
            + "Run 'sys:factory-reset --yes' to do it.";

    private final ParameterStore store;
    private volatile Power power;

    @Activate
    public FactoryResetCommand(@Reference ParameterStore store) {
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setPower(Power p) {
        power = p;
    }

    void unsetPower(Power p) {
        if (power == p) {
            power = null;
        }
    }

    @Descriptor("restore factory defaults (needs --yes; without it, tells what it would do)")
    public String _main(@Descriptor("--yes to confirm") String... args) {
        boolean yes = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i == 0 && a.endsWith("factory-reset")) {
                continue; // Gogo passes the command name first
            }
            if ("--yes".equals(a) || "-y".equals(a)) {
                yes = true;
            } else {
                throw new CommandException("unknown option '" + a + "'; usage: sys:factory-reset [--yes]");
            }
        }
        if (!yes) {
            return PLAN;
        }
        try {
            store.factoryReset();
        } catch (IOException e) {
            throw new CommandException("factory reset failed: " + e.getMessage());
        }
        String done = "Factory reset done: parameters and user access restored, out-of-box state cleared.";
        Power p = power;
        if (p == null) {
            return done;
        }
        return done + (p.reboot(BootReason.FACTORY_RESET, "sys:factory-reset from the shell") ? " Rebooting."
                : " The phone reboots at its next power-on.");
    }
}

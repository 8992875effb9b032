package org.mppfw.display.internal;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.testing.FakeIdentity;
import org.mppfw.testing.VirtualClock;

/** Fixed stand-ins for the services the display uses. */
final class Fakes {

    static final Instant NOW = Instant.parse("2026-12-02T02:24:00Z");
    static final ZoneId ZONE = ZoneId.of("UTC");

    private Fakes() {
    }

    static Clock clock() {
        return VirtualClock.withoutTimers(NOW, ZONE, "the display sets no timer");
    }

    static DeviceIdentity identity() {
        return FakeIdentity.cp8845("000e08012345", "FCH0000X1", "1");
    }

    /** A store that knows only the given values. */
    static ParameterStore store(Map<String, String> values) {
        return (ParameterStore) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] { ParameterStore.class }, (p, m, args) -> {
                    if (m.getName().equals("get")) {
                        String v = values.get((String) args[0]);
                        if (v == null) {
                            throw new IllegalArgumentException("unknown " + args[0]);
                        }
                        return v;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    static Provisioning engine(ProvisioningStatus status) {
        Phone.Engine e = new Phone.Engine();
        e.status = status;
        return e;
    }

    static ResyncRecord record(ResultClass result, String message) {
        return new ResyncRecord(NOW.minusSeconds(65), NOW.minusSeconds(60), "power-up", "Profile_Rule",
                "http://prov.example.com/cfg.xml", result, message, "plain", List.of(), List.of(), List.of());
    }
}

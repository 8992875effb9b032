package org.mppfw.display.internal;

import java.lang.reflect.Proxy;
import java.time.Duration;
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

/** Fixed stand-ins for the services the display uses. */
final class Fakes {

    static final Instant NOW = Instant.parse("2026-12-02T02:24:00Z");
    static final ZoneId ZONE = ZoneId.of("UTC");

    private Fakes() {
    }

    static Clock clock() {
        return new Clock() {
            @Override
            public Instant now() {
                return NOW;
            }

            @Override
            public ZoneId zone() {
                return ZONE;
            }

            @Override
            public Timer schedule(Duration delay, Runnable task) {
                throw new UnsupportedOperationException();
            }
        };
    }

    static DeviceIdentity identity() {
        return new DeviceIdentity() {
            @Override
            public String model() {
                return "CP-8845-3PCC";
            }

            @Override
            public String productSeries() {
                return "8845-3PCC";
            }

            @Override
            public String mac() {
                return "000e08012345";
            }

            @Override
            public String serialNumber() {
                return "FCH0000X1";
            }

            @Override
            public String hardwareVersion() {
                return "1";
            }

            @Override
            public String firmwareVersion() {
                return "sip8845.12-0-1MPP0001-1";
            }
        };
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
        return new Provisioning() {
            @Override
            public ProvisioningStatus status() {
                return status;
            }

            @Override
            public List<ResyncRecord> history() {
                return status.last() == null ? List.of() : List.of(status.last());
            }

            @Override
            public boolean resync() {
                return true;
            }

            @Override
            public boolean resync(String rule) {
                return true;
            }

            @Override
            public void profileAccount(String user, char[] password) {
            }
        };
    }

    static ResyncRecord record(ResultClass result, String message) {
        return new ResyncRecord(NOW.minusSeconds(65), NOW.minusSeconds(60), "power-up", "Profile_Rule",
                "http://prov.example.com/cfg.xml", result, message, "plain", List.of(), List.of(), List.of());
    }
}

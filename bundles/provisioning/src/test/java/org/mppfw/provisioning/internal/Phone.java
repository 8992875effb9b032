package org.mppfw.provisioning.internal;

import java.util.HashMap;
import java.util.Map;

import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.provisioning.MacroSource;

/** Macro values of a test phone (a CP-8845-3PCC) that tests adjust. */
final class Phone {

    static final String SECRET_A = "sa-Secret!1";
    static final String SECRET_B = "sb-Secret!2";

    private Phone() {
    }

    static Map<String, String> values() {
        Map<String, String> m = new HashMap<>();
        m.put("MA", "000e08012345");
        m.put("MAU", "000E08012345");
        m.put("MAC", "00:0e:08:01:23:45");
        m.put("PN", "CP-8845-3PCC");
        m.put("PSN", "8845-3PCC");
        m.put("SN", "FCH2036ABCD");
        m.put("SWVER", "sip8845.12-0-1MPP0001-1");
        m.put("HWVER", "4");
        m.put("IP", "192.168.1.20");
        m.put("CCERT", "Installed");
        m.put("PRVTMR", "700");
        m.put("UPGTMR", "400");
        m.put("REGTMR1", "0");
        m.put("A", "ABCDEF");
        m.put("B", "42");
        m.put("D", "dee");
        m.put("E", "eee");
        m.put("SA", SECRET_A);
        m.put("SB", SECRET_B);
        return m;
    }

    /** The same phone with other secrets: what may be shown must not differ from {@link #source()}. */
    static MacroSource otherSecrets() {
        return with("SA", "other-a", "SB", "other-b", "SC", "other-c", "SD", "other-d");
    }

    static MacroSource source() {
        return MacroSource.of(values());
    }

    static MacroSource with(String... pairs) {
        Map<String, String> m = values();
        for (int k = 0; k < pairs.length; k += 2) {
            m.put(pairs[k], pairs[k + 1]);
        }
        return MacroSource.of(m);
    }

    /** The identity of the same phone, as the device bundle gives it. */
    static DeviceIdentity identity() {
        Map<String, String> v = values();
        return new DeviceIdentity() {
            @Override
            public String model() {
                return v.get("PN");
            }

            @Override
            public String productSeries() {
                return v.get("PSN");
            }

            @Override
            public String mac() {
                return v.get("MA");
            }

            @Override
            public String serialNumber() {
                return v.get("SN");
            }

            @Override
            public String hardwareVersion() {
                return v.get("HWVER");
            }

            @Override
            public String firmwareVersion() {
                return v.get("SWVER");
            }
        };
    }
}

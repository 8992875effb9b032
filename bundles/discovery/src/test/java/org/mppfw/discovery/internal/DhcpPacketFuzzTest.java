package org.mppfw.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes what a DHCP server (or anything on port 68) can send: the packet parser and the option
 * decoder. In the normal build only the regression inputs under {@code DhcpPacketFuzzTestInputs/}
 * run; {@code JAZZER_FUZZ=1} fuzzes.
 */
class DhcpPacketFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        DhcpPacket p;
        try {
            p = DhcpPacket.parse(input, input.length);
        } catch (MalformedDhcpException expected) {
            return;
        }
        byte[] out = p.encode();
        DhcpPacket again;
        try {
            again = DhcpPacket.parse(out, out.length);
        } catch (MalformedDhcpException e) {
            throw new AssertionError("re-encoded " + p + " does not parse: " + e.getMessage());
        }
        assertEquals(p.options().keySet(), again.options().keySet());
        p.type();
        OptionDecoder.Decoded d = OptionDecoder.decode(p.options(), OptionDecoder.DEFAULT_ORDER);
        d.sources().forEach(s -> assertTrue(s.value().chars().allMatch(c -> c >= 0x20 && c < 0x7f), s.value()));
        if (d.acsUrl() != null) {
            assertTrue(d.acsUrl().contains("://"));
        }
    }

    @FuzzTest(maxDuration = "60s")
    void decode(FuzzedDataProvider data) {
        java.util.Map<Integer, byte[]> o = new java.util.LinkedHashMap<>();
        int n = data.consumeInt(0, 8);
        for (int i = 0; i < n; i++) {
            int code = data.pickValue(new Integer[] {6, 15, 43, 60, 66, 125, 150, 159, 160});
            o.put(code, data.consumeBytes(data.consumeInt(0, 255)));
        }
        List<Integer> order = List.of(66, 160, 159, 150, 60, 43, 125);
        OptionDecoder.Decoded d = OptionDecoder.decode(o, order);
        d.sources().forEach(s -> assertTrue(order.contains(s.option())));
    }
}

package org.mppfw.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mppfw.api.discovery.ProvisioningSource;

/** Option bytes as dnsmasq, Kea and ISC dhcpd send them (raw OFFER captures), decoded. */
class OptionDecoderTest {

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void dnsmasqNulTerminatedHostIsClean() {
        var d = OptionDecoder.decode(Map.of(66, hex("31302e39392e302e3100")), OptionDecoder.DEFAULT_ORDER);
        assertEquals(List.of(new ProvisioningSource(66, "10.99.0.1")), d.sources());
    }

    @Test
    void orderOfTheListWinsNotOrderOfThePacket() {
        Map<Integer, byte[]> o = new LinkedHashMap<>();
        o.put(150, hex("0a6300010a630002"));
        o.put(159, ascii("https://p.example.com/$PSN.xml"));
        o.put(160, ascii("http://q.example.com/x.cfg"));
        o.put(66, ascii("tftp.example.com"));
        var d = OptionDecoder.decode(o, OptionDecoder.DEFAULT_ORDER);
        assertEquals(List.of("66 tftp.example.com", "160 http://q.example.com/x.cfg", "159 https://p.example.com/$PSN.xml",
                "150 10.99.0.1", "150 10.99.0.2"), d.sources().stream().map(s -> s.option() + " " + s.value()).toList());
        assertTrue(d.sources().get(1).isUrl());
        assertEquals(List.of(150), OptionDecoder.decode(o, List.of(150)).sources().stream().map(ProvisioningSource::option)
                .distinct().toList());
    }

    @Test
    void kea159CutToFourBytesIsRefusedAndBinary159IsAnAddress() {
        var cut = OptionDecoder.decode(Map.of(159, ascii("http")), List.of(159));
        assertTrue(cut.sources().isEmpty());
        assertTrue(cut.notes().get(0).contains("v4-portparams"));
        var bin = OptionDecoder.decode(Map.of(159, hex("0a630001")), List.of(159));
        assertEquals(List.of(new ProvisioningSource(159, "10.99.0.1")), bin.sources());
    }

    @Test
    void option66WithSeveralServersAndABadOne() {
        var d = OptionDecoder.decode(Map.of(66, ascii("a.example.com, 10.0.0.2 bad/name")), List.of(66));
        assertEquals(List.of("a.example.com", "10.0.0.2"), d.sources().stream().map(ProvisioningSource::value).toList());
        assertEquals(1, d.notes().size());
    }

    @Test
    void controlCharactersAreRefused() {
        var d = OptionDecoder.decode(Map.of(160, ascii("http://a/\r\nInjected: x")), List.of(160));
        assertTrue(d.sources().isEmpty());
        assertNull(OptionDecoder.text(hex("41ff42")));
    }

    @Test
    void acsFrom43SubOptionAnd125VendorBlock() {
        String url = "http://acs.example.com:7547/";
        byte[] tr106 = new byte[2 + url.length()];
        tr106[0] = 1;
        tr106[1] = (byte) url.length();
        System.arraycopy(ascii(url), 0, tr106, 2, url.length());
        assertEquals(url, OptionDecoder.decode(Map.of(43, tr106), OptionDecoder.DEFAULT_ORDER).acsUrl());
        // dnsmasq 43 = 01 04 "test": a sub-option that is not a URL
        var test = OptionDecoder.decode(Map.of(43, hex("010474657374")), OptionDecoder.DEFAULT_ORDER);
        assertNull(test.acsUrl());
        // 125, enterprise 3561, sub-option 11
        byte[] v = ascii("https://acs125/");
        byte[] o125 = new byte[5 + 2 + v.length];
        o125[2] = 0x0d;
        o125[3] = (byte) 0xe9;
        o125[4] = (byte) (2 + v.length);
        o125[5] = 11;
        o125[6] = (byte) v.length;
        System.arraycopy(v, 0, o125, 7, v.length);
        assertEquals("https://acs125/", OptionDecoder.decode(Map.of(125, o125), List.of(125)).acsUrl());
        // dslforum.org echoed in 60: a plain-text 43 is the URL
        assertEquals(url, OptionDecoder.decode(Map.of(60, ascii("dslforum.org"), 43, ascii(url)), List.of(60, 43)).acsUrl());
    }

    @Test
    void ntpServersOfOption42InTheOrderSent() {
        OptionDecoder.Decoded d = OptionDecoder.decode(Map.of(42, hex("c0000201c0000202")), OptionDecoder.DEFAULT_ORDER);
        assertEquals(List.of("192.0.2.1", "192.0.2.2"), d.ntpServers());
        OptionDecoder.Decoded bad = OptionDecoder.decode(Map.of(42, hex("c00002")), List.of());
        assertEquals(List.of(), bad.ntpServers());
        assertEquals(List.of("option 42 of 3 bytes is not a list of IPv4 addresses"), bad.notes());
    }

    @Test
    void domainLosesItsTrailingDot() {
        assertEquals("example.com", OptionDecoder.decode(Map.of(15, ascii("example.com.\0")), List.of()).domain());
    }

    @Test
    void packetRoundTripsAndSplitsLongOptions() throws Exception {
        Map<Integer, byte[]> o = new LinkedHashMap<>();
        o.put(53, new byte[] {2});
        o.put(160, new byte[600]);
        DhcpPacket p = new DhcpPacket(DhcpPacket.BOOTREPLY, 0x1234, 0, 0x8000, null, hex("0a630064"), null, null,
                hex("020000000001"), o);
        byte[] wire = p.encode();
        DhcpPacket q = DhcpPacket.parse(wire, wire.length);
        assertEquals(p, q);
        assertEquals(DhcpPacket.Type.OFFER, q.type());
        assertArrayEquals(new byte[600], q.option(160));
    }

    @Test
    void truncatedOptionIsMalformed() {
        Map<Integer, byte[]> o = new LinkedHashMap<>();
        o.put(53, new byte[] {5});
        o.put(66, ascii("host"));
        byte[] wire = new DhcpPacket(DhcpPacket.BOOTREPLY, 1, 0, 0, null, null, null, null, null, o).encode();
        int end = DhcpPacket.HEADER + 4 + 3 + 2 + 2; // inside option 66's value
        MalformedDhcpException e = assertThrows(MalformedDhcpException.class, () -> DhcpPacket.parse(wire, end));
        assertTrue(e.getMessage().contains("option 66"), e.getMessage());
    }

    @Test
    void staticOptionsReadLikeAServerReply() {
        var o = Settings.staticOptions("66=10.0.0.1; 150=10.0.0.2,10.0.0.3 ;160=https://p.example.com/$PSN.xml");
        var d = OptionDecoder.decode(o, OptionDecoder.DEFAULT_ORDER);
        assertEquals(List.of("66 10.0.0.1", "160 https://p.example.com/$PSN.xml", "150 10.0.0.2", "150 10.0.0.3"),
                d.sources().stream().map(s -> s.option() + " " + s.value()).toList());
        assertThrows(IllegalArgumentException.class, () -> Settings.staticOptions("150=10.0.0"));
    }
}

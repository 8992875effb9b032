package org.mppfw.api.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TransportsTest {

    private static final Transport HTTP = request -> null;
    private static final Transport TFTP = request -> null;

    @Test
    void schemesComeAsAStringAListOrAnArrayAndAreLowerCased() {
        assertEquals(List.of("http", "https"), Transports.schemes("HTTP, https"));
        assertEquals(List.of("tftp"), Transports.schemes(new String[] {"TFTP"}));
        assertEquals(List.of("http"), Transports.schemes(List.of("Http")));
        assertEquals(List.of(), Transports.schemes(null));
    }

    @Test
    void aUrlFindsItsTransportWhateverTheCaseOfItsScheme() throws TransportException {
        Transports t = new Transports();
        t.add(HTTP, Map.of(Transport.SCHEMES, new String[] {"http", "https"}));
        t.add(TFTP, Map.of(Transport.SCHEMES, "tftp"));
        assertSame(HTTP, t.forUri(URI.create("HTTPS://prov.example.com/x.xml")));
        assertSame(TFTP, t.find("tftp").orElseThrow());
    }

    @Test
    void aRemovedTransportIsGoneFromEverySchemeAndTheUrlFailsClassC() {
        Transports t = new Transports();
        t.add(HTTP, Map.of(Transport.SCHEMES, "http,https"));
        t.remove(HTTP);
        assertTrue(t.find("https").isEmpty());
        TransportException e = assertThrows(TransportException.class,
                () -> t.forUri(URI.create("http://prov.example.com/")));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals("no transport for http is running", e.getMessage());
    }
}

package org.mppfw.api.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class AccessDomainsTest {

    @Test
    void anEmptyListAllowsEveryServer() {
        assertSame(AccessDomains.ANY, AccessDomains.parse(null));
        assertSame(AccessDomains.ANY, AccessDomains.parse(" "));
        assertSame(AccessDomains.ANY, AccessDomains.parse(" , ,"));
        assertTrue(AccessDomains.ANY.allows("anything.example.net"));
        assertTrue(AccessDomains.ANY.allows("10.0.0.5"));
        assertTrue(AccessDomains.ANY.refusal(URI.create("http://10.0.0.5/x")).isEmpty());
    }

    @Test
    void theGuidesExampleAllowsItsDomainsAndTheirSubdomains() {
        AccessDomains d = AccessDomains.parse("voiceip.com, voiceip1.com");
        assertEquals(List.of("voiceip.com", "voiceip1.com"), d.entries());
        assertTrue(d.restricted());
        assertTrue(d.allows("voiceip.com"));
        assertTrue(d.allows("VoiceIP1.com."));
        assertTrue(d.allows("prov.voiceip.com"));
        assertTrue(d.allows("a.b.voiceip1.com"));
        assertFalse(d.allows("badvoiceip.com"));
        assertFalse(d.allows("voiceip.com.evil.net"));
        assertFalse(d.allows("com"));
        assertFalse(d.allows(""));
        assertFalse(d.allows(null));
    }

    @Test
    void wildcardAndLeadingDotsAreTheDomainItself() {
        AccessDomains d = AccessDomains.parse("*.example.test, .example.org");
        assertEquals(List.of("example.test", "example.org"), d.entries());
        assertTrue(d.allows("example.test"));
        assertTrue(d.allows("p.example.org"));
    }

    @Test
    void anAddressIsAllowedOnlyWhenListedItself() {
        AccessDomains names = AccessDomains.parse("example.test");
        assertFalse(names.allows("127.0.0.1"));
        assertFalse(names.allows("::1"));
        AccessDomains addresses = AccessDomains.parse("example.test, 10.0.0.5, [fd00::1]");
        assertTrue(addresses.allows("10.0.0.5"));
        assertTrue(addresses.allows("[FD00::1]"));
        assertTrue(addresses.allows("fd00::1"));
        assertFalse(addresses.allows("110.0.0.5"));
        assertFalse(AccessDomains.parse("0.0.5").allows("10.0.0.5"), "an address is in no domain");
    }

    @Test
    void aRefusalIsClassCAndNamesTheHostAndTheParameter() throws TransportException {
        AccessDomains d = AccessDomains.parse("example.test");
        TransportException e = assertThrows(TransportException.class,
                () -> d.check(URI.create("https://evil.example.net:8443/p.xml")));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals("host evil.example.net is not in Restricted_Access_Domains (example.test): not contacted",
                e.getMessage());
        d.check(URI.create("https://prov.example.test/p.xml"));
    }

    @Test
    void aRequestCarriesItsDomainsThroughToBuilder() {
        AccessDomains d = AccessDomains.parse("example.test");
        TransportRequest r = TransportRequest.builder(URI.create("http://example.test/x")).allowedDomains(d).build();
        assertEquals(d, r.allowedDomains());
        assertEquals(d, r.toBuilder().build().allowedDomains());
        assertSame(AccessDomains.ANY, TransportRequest.get(URI.create("http://x/")).allowedDomains());
    }
}

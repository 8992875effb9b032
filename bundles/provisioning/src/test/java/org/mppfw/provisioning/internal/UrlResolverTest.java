package org.mppfw.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mppfw.api.provisioning.ProvisioningUrl;
import org.mppfw.api.provisioning.RuleKind;

class UrlResolverTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tftp:///x.cfg                | tftp://<DHCP option 66>:69/x.cfg",
        "HTTPS://Prov.Example.com/a?b | https://Prov.Example.com:443/a?b",
        "http://[fd00::1]/a           | http://[fd00::1]:80/a",
        "[fd00::1]:6969/a             | tftp://[fd00::1]:6969/a",
        "prov:6900/a/b.cfg            | tftp://prov:6900/a/b.cfg",
        "http://h:1/                  | http://h:1/",
        "https://h:65535/x            | https://h:65535/x",
    })
    void resolves(String url, String expected) throws Exception {
        assertEquals(expected, UrlResolver.resolve(url, RuleKind.PROFILE).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                | 0  | a URL",
        "http://h          | 8  | an absolute file path starting with '/'",
        "http://           | 7  | an absolute file path starting with '/'",
        "http://h:0/a      | 9  | a port number 1-65535",
        "http://[fd00::1/a | 7  | an IPv6 address in brackets: [fd00::1]",
        "http://[::1]x/a   | 12 | ':' and a port, or '/'",
        "gds://            | 0  | the scheme tftp://, http:// or https://",
        "/a\tb             | 2  | a URL without spaces or control characters",
    })
    void refuses(String url, int offset, String expected) {
        UrlResolver.UrlException e = assertThrows(UrlResolver.UrlException.class,
                () -> UrlResolver.resolve(url.replace("\\t", "\t"), RuleKind.PROFILE));
        assertEquals(offset, e.offset);
        assertEquals(expected, e.expected);
    }

    @ParameterizedTest
    @CsvSource({"/fw.loads", "tftp:///fw.loads", "https:///fw.loads"})
    void upgradesNeedAServer(String url) throws Exception {
        assertThrows(UrlResolver.UrlException.class, () -> UrlResolver.resolve(url, RuleKind.UPGRADE));
        ProvisioningUrl profile = UrlResolver.resolve(url, RuleKind.PROFILE);
        assertEquals(true, profile.hostFromDhcp());
    }
}

package org.mppfw.webui.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** The SNI host check goes off on the server's TLS connector; the connector given back opens nothing. */
class TlsHostCheckTest {

    @Test
    void turnsTheHostCheckOffAndGivesAConnectorThatOpensNothing() throws Exception {
        Server server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        config.addCustomizer(secure);
        server.addConnector(new ServerConnector(server, new HttpConnectionFactory(config)));
        assertTrue(secure.isSniHostCheck(), "Jetty's default");

        Connector c = new TlsHostCheck().createConnector(server);
        assertFalse(secure.isSniHostCheck());
        c.start();
        assertTrue(c.isStarted());
        assertTrue(((ServerConnector) c).getLocalPort() <= 0, "no socket");
        assertFalse(((ServerConnector) c).isOpen());
        c.stop();
    }
}

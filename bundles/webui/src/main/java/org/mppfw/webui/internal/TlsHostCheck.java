package org.mppfw.webui.internal;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.osgi.service.component.annotations.Component;

/**
 * Lets HTTPS answer a client that names the phone by its address. Jetty's HTTPS connector, as
 * Felix HTTP makes it, refuses ({@code 400 Invalid SNI}) a request whose host is not a name of the
 * certificate; a device certificate names the device, never the addresses a phone gets, and a
 * phone's pages are opened by address. Felix HTTP has no setting for that check, but calls each
 * {@link ConnectorFactory} service with the started server: this one turns the check off on the
 * server's TLS connectors. The factory must give a connector: it gives one that never opens a
 * socket nor starts a thread. The TLS handshake is untouched.
 */
@Component(service = ConnectorFactory.class)
public final class TlsHostCheck implements ConnectorFactory {

    @Override
    public Connector createConnector(Server server) {
        for (Connector c : server.getConnectors()) {
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            HttpConfiguration config = http == null ? null : http.getHttpConfiguration();
            SecureRequestCustomizer secure = config == null ? null : config.getCustomizer(SecureRequestCustomizer.class);
            if (secure != null) {
                secure.setSniHostCheck(false);
            }
        }
        return new Inert(server);
    }

    /** A connector that opens nothing: Felix HTTP lists it among the server's (as a ServerConnector). */
    static final class Inert extends ServerConnector {

        Inert(Server server) {
            super(server, 0, 1);
            setHost("127.0.0.1");
            setName("mppfw-tls-host-check");
        }

        @Override
        public void open() {
            // no socket
        }

        @Override
        protected void doStart() {
            // no acceptor, no selector
        }

        @Override
        protected void doStop() {
            // nothing started
        }
    }
}

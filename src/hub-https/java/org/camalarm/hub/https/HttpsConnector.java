package org.camalarm.hub.https;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Adds the hub's HTTPS port to Felix HTTP Jetty through its {@link ConnectorFactory} whiteboard.
 *
 * <p>Why not Felix's own HTTPS connector: it installs Jetty's {@link SecureRequestCustomizer} with
 * its SNI host check on, which answers {@code 400 Invalid SNI} to every request whose {@code Host}
 * the certificate does not name. A self-signed certificate names the addresses the hub had when it
 * was made; a camera given the hub's new address after a DHCP change, a DNS name, or the address of
 * the machine a container runs on would lose every alarm. The check protects multi-site servers
 * choosing certificates by name, which this hub is not; this connector leaves it off, and is
 * otherwise what Felix would build (HTTP/1.1 over TLS, the same servlets).
 *
 * <p>Reads the framework properties the launcher sets: {@value #ENABLED} ({@code true} to serve),
 * {@code org.osgi.service.http.port.secure}, {@code org.apache.felix.http.host}, and the keystore as
 * {@code org.apache.felix.https.keystore[.password|.key.password|.type]}.
 */
public final class HttpsConnector implements BundleActivator {

    static final String ENABLED = "camalarm.hub.https";
    private static final int IDLE_TIMEOUT_MS = 60_000;

    private @Nullable ServiceRegistration<ConnectorFactory> registration;

    @Override
    public void start(@Nullable BundleContext context) {
        if (context == null || !"true".equals(context.getProperty(ENABLED))) {
            return;
        }
        int port = Integer.parseInt(required(context, "org.osgi.service.http.port.secure"));
        String host = context.getProperty("org.apache.felix.http.host");
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(required(context, "org.apache.felix.https.keystore"));
        tls.setKeyStoreType(required(context, "org.apache.felix.https.keystore.type"));
        tls.setKeyStorePassword(required(context, "org.apache.felix.https.keystore.password"));
        tls.setKeyManagerPassword(required(context, "org.apache.felix.https.keystore.key.password"));
        registration =
                context.registerService(ConnectorFactory.class, server -> connector(server, tls, host, port), null);
    }

    private static ServerConnector connector(
            org.eclipse.jetty.server.Server server, SslContextFactory.Server tls, @Nullable String host, int port) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSecureScheme("https");
        http.setSecurePort(port);
        // sniRequired = false, sniHostCheck = false: see the class comment
        http.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        ServerConnector connector =
                new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost(host == null || host.isBlank() ? null : host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        return connector;
    }

    private static String required(BundleContext context, String key) {
        String value = context.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the hub's HTTPS needs the framework property " + key);
        }
        return value;
    }

    @Override
    public void stop(@Nullable BundleContext context) {
        ServiceRegistration<ConnectorFactory> registered = registration;
        if (registered != null) {
            registered.unregister(); // Felix stops and removes the connector
            registration = null;
        }
    }
}

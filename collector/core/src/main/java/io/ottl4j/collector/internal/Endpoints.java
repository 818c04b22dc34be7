package io.ottl4j.collector.internal;

import io.ottl4j.collector.config.Conf;
import java.net.InetSocketAddress;
import java.util.List;

/** {@code host:port} endpoints as Go writes them ({@code :4317} = every interface, {@code [::1]:4317}). */
public final class Endpoints {
    private Endpoints() {
    }

    /** @throws IllegalArgumentException when not {@code host:port} with a port in 0..65535 */
    public static InetSocketAddress parse(String endpoint) {
        String e = endpoint.trim();
        int colon = e.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("endpoint \"" + endpoint + "\" must be host:port");
        }
        String host = e.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            // an empty port is port 0 (any free port) for Go's net.Listen, as in ":" from unset ${env:...} parts
            port = colon == e.length() - 1 ? 0 : Integer.parseInt(e.substring(colon + 1));
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("endpoint \"" + endpoint + "\": invalid port");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("endpoint \"" + endpoint + "\": port out of range");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : InetSocketAddress.createUnresolved(host, port);
    }

    /** A bindable address (resolves the host). */
    public static InetSocketAddress bindable(String endpoint) {
        InetSocketAddress a = parse(endpoint);
        return a.isUnresolved() ? new InetSocketAddress(a.getHostString(), a.getPort()) : a;
    }

    /**
     * The {@code transport} and {@code dialer} keys that every upstream server config carries (confignet's address
     * config, squashed into confighttp's and configgrpc's server configs). {@code tcp} is the default; {@code tcp4} and
     * {@code tcp6} bind the endpoint's host as given, which is what they select in Go for a literal or resolved address.
     * {@code unix} (the endpoint is a socket path) only where the server serves Unix domain sockets ({@code unix}
     * true: the OTLP receiver); elsewhere it is named as not supported yet. {@code dialer} only matters to clients;
     * upstream's listeners ignore it too. Returns the transport.
     */
    public static String serverTransport(Conf c, boolean unix) {
        String transport = c.string("transport", "tcp");
        if (!TCP.contains(transport) && !(unix && transport.equals("unix"))) {
            c.error("transport", "transport \"" + transport + "\" is not supported by ottl4j"
                    + (transport.startsWith("unix") ? " here (Unix domain sockets: the OTLP receiver, health_check, zpages and http_forwarder); listen on tcp"
                            : " (use tcp, tcp4, tcp6" + (unix ? " or unix)" : ")")));
        }
        c.has("dialer");
        return transport;
    }

    /**
     * A server's {@code endpoint} with its {@code transport}: {@code host:port} (checked), or for {@code transport: unix}
     * the socket's path, kept as {@code unix:<path>} (see {@link #httpServer}).
     */
    public static String serverEndpoint(Conf c, String def) {
        if (serverTransport(c, true).equals("unix")) {
            String path = c.string("endpoint", "");
            if (path.isEmpty()) {
                c.error("endpoint", "a unix transport needs the socket's path as endpoint");
            }
            return UNIX + path;
        }
        String e = c.string("endpoint", def);
        try {
            parse(e);
        } catch (IllegalArgumentException ex) {
            c.error("endpoint", ex.getMessage());
        }
        return e;
    }

    /**
     * The JDK's HTTP server on an endpoint of {@link #serverEndpoint}: TCP, or a Unix domain socket ({@link UnixHttpServer});
     * HTTPS with the server {@code tls} block when there is one (null: plain text).
     */
    public static com.sun.net.httpserver.HttpServer httpServer(String endpoint, int backlog, io.ottl4j.collector.internal.tls.TlsConfig tls)
            throws java.io.IOException {
        javax.net.ssl.SSLContext ssl;
        try {
            ssl = tls == null ? null : tls.serverContext();
        } catch (java.security.GeneralSecurityException e) {
            throw new java.io.IOException("TLS: " + e.getMessage(), e);
        }
        if (endpoint.startsWith(UNIX)) {
            return new UnixHttpServer(java.nio.file.Path.of(endpoint.substring(UNIX.length())), ssl, tls == null ? null : tls.serverParameters());
        }
        if (ssl == null) {
            return com.sun.net.httpserver.HttpServer.create(bindable(endpoint), backlog);
        }
        com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(bindable(endpoint), backlog);
        https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(ssl) {
            @Override
            public void configure(com.sun.net.httpserver.HttpsParameters params) {
                params.setSSLParameters(tls.serverParameters());
            }
        });
        return https;
    }

    /** As {@link #serverTransport(Conf, boolean)} for a server without Unix domain sockets. */
    public static void serverTransport(Conf c) {
        serverTransport(c, false);
    }

    /** The prefix of an OTLP receiver endpoint that is a Unix domain socket path ({@code transport: unix}). */
    public static final String UNIX = "unix:";

    private static final List<String> TCP = List.of("tcp", "tcp4", "tcp6");
}

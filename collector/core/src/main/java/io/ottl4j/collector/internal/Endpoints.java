package io.ottl4j.collector.internal;

import java.net.InetSocketAddress;

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
}

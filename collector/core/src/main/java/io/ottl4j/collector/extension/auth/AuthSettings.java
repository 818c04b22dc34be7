package io.ottl4j.collector.extension.auth;

import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.config.Conf;

/**
 * The {@code auth: {authenticator: <extension id>}} block of upstream's confighttp / configgrpc settings, and
 * its resolution against the started extensions (upstream's messages).
 */
public final class AuthSettings {
    private AuthSettings() {
    }

    /** The authenticator's ID, or null when {@code auth} is absent; problems are reported to {@code c}. */
    public static ComponentId decode(Conf c) {
        if (!c.has("auth")) {
            return null;
        }
        Conf a = c.child("auth");
        String id = a.string("authenticator", "");
        a.has("request_params"); // server side: query parameters handed to the authenticator (none of ours reads them)
        a.finish();
        if (id.isEmpty()) {
            a.error("authenticator", "auth needs an authenticator: the ID of an authenticator extension");
            return null;
        }
        try {
            return ComponentId.parse(id);
        } catch (IllegalArgumentException e) {
            a.error("authenticator", e.getMessage());
            return null;
        }
    }

    private static Component find(Host host, ComponentId id) {
        Component c = host == null ? null : host.extensions().get(id);
        if (c == null) {
            throw new IllegalStateException("failed to resolve authenticator \"" + id + "\": authenticator not found"
                    + " (it must be configured under extensions and listed in service.extensions)");
        }
        return c;
    }

    public static ClientAuthenticator client(Host host, ComponentId id) {
        if (find(host, id) instanceof ClientAuthenticator a) {
            return a;
        }
        throw new IllegalStateException("failed to resolve authenticator \"" + id + "\": requested authenticator is not a client authenticator");
    }

    public static ServerAuthenticator server(Host host, ComponentId id) {
        if (find(host, id) instanceof ServerAuthenticator a) {
            return a;
        }
        throw new IllegalStateException("failed to resolve authenticator \"" + id + "\": requested authenticator is not a server authenticator");
    }
}

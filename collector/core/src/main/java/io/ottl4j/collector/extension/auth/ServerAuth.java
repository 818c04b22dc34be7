package io.ottl4j.collector.extension.auth;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.Host;
import java.util.List;
import java.util.Map;

/** A receiver protocol's server authentication: resolved when the receiver starts, checked on every request. */
public final class ServerAuth {
    private final ComponentId id;
    private volatile ServerAuthenticator authenticator;

    private ServerAuth(ComponentId id) {
        this.id = id;
    }

    /** Null when the protocol has no {@code auth}. */
    public static ServerAuth of(ComponentId id) {
        return id == null ? null : new ServerAuth(id);
    }

    public void resolve(Host host) {
        authenticator = AuthSettings.server(host, id);
    }

    /** Headers keyed lower-case. Fails closed: an unresolved authenticator rejects. */
    public void check(Map<String, List<String>> headers) throws ServerAuthenticator.AuthenticationException {
        ServerAuthenticator a = authenticator;
        if (a == null) {
            throw new ServerAuthenticator.AuthenticationException("authenticator " + id + " is not resolved");
        }
        a.authenticate(headers);
    }
}

package io.ottl4j.collector.extension.auth;

import java.util.List;
import java.util.Map;

/**
 * An extension that authenticates incoming requests (upstream's {@code extensionauth.Server}): receivers
 * hand it the request headers (gRPC metadata), keys lower-cased.
 */
public interface ServerAuthenticator {
    /** Throws when the request is not authenticated; receivers answer 401 / UNAUTHENTICATED with its message. */
    void authenticate(Map<String, List<String>> headers) throws AuthenticationException;

    /** A failed authentication. */
    final class AuthenticationException extends Exception {
        public AuthenticationException(String message) {
            super(message);
        }
    }
}

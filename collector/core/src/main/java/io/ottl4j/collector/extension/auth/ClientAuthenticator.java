package io.ottl4j.collector.extension.auth;

import io.ottl4j.collector.client.ClientInfo;
import java.io.IOException;
import java.util.Map;

/**
 * An extension that authenticates outgoing requests (upstream's {@code extensionauth.HTTPClient} /
 * {@code GRPCClient}): it edits the request headers (gRPC metadata) of each export.
 */
public interface ClientAuthenticator {
    /**
     * Edits {@code headers} (a mutable, case-preserving map the exporter then sends) for one request.
     * {@code client} is the caller's client info when the export runs on the receiving thread, else empty.
     *
     * @throws IOException when no credentials can be obtained (e.g. the token endpoint fails): the export fails
     *     with a retryable error
     */
    void apply(Map<String, String> headers, ClientInfo client) throws IOException;
}

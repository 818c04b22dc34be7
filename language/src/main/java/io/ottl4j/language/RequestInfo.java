package io.ottl4j.language;

import java.util.List;
import java.util.Map;

/**
 * The request a record arrived with, as its host knows it: what the {@code otelcol} paths read (upstream's
 * {@code ctxotelcol}: {@code otelcol.client.addr}, {@code otelcol.client.metadata}, {@code otelcol.client.auth.attributes},
 * {@code otelcol.grpc.metadata}), with the feature gate {@link Ottl#OTELCOL_CONTEXT_GATE}.
 *
 * <p>Statements read the one bound to {@link #CURRENT} on the thread that runs them; unbound, they read {@link #NONE}.
 * The collector binds its client info for every {@code consume} call; an embedder binds its own:
 * {@code ScopedValue.where(RequestInfo.CURRENT, info).run(() -> statements.execute(batch))}.
 */
public interface RequestInfo {
    /** The request bound to the running statements. */
    ScopedValue<RequestInfo> CURRENT = ScopedValue.newInstance();

    /** No request: empty address, no metadata. */
    RequestInfo NONE = new RequestInfo() {
        @Override
        public String clientAddress() {
            return "";
        }

        @Override
        public Map<String, List<String>> clientMetadata() {
            return Map.of();
        }
    };

    /** The client's address ({@code otelcol.client.addr}), empty when unknown. */
    String clientAddress();

    /** The request's metadata (headers or gRPC metadata the receiver kept), key to values ({@code otelcol.client.metadata}). */
    Map<String, List<String>> clientMetadata();

    /** Attributes the receiver's authenticator attached ({@code otelcol.client.auth.attributes}): strings, numbers, bools, lists, maps. */
    default Map<String, Object> clientAuthAttributes() {
        return Map.of();
    }

    /** The incoming gRPC metadata of a request that arrived over gRPC ({@code otelcol.grpc.metadata}). */
    default Map<String, List<String>> grpcMetadata() {
        return Map.of();
    }

    static RequestInfo current() {
        return CURRENT.isBound() ? CURRENT.get() : NONE;
    }
}

package io.ottl4j.collector.client;

import io.ottl4j.language.RequestInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * What the collector knows about the client that sent a request (upstream {@code client.Info}): its address
 * and, when the receiver has {@code include_metadata: true}, the request's gRPC metadata or HTTP headers.
 *
 * <p>Upstream carries it in Go's {@code context.Context}; here it travels as a {@link ScopedValue} bound for
 * the duration of a {@code consume} call, so consumers on the calling thread see it without a parameter. A
 * component that hands data to another thread (the batch processor) captures {@link #current()} and binds it
 * again on that thread with {@link #call}. The same binding is what OTTL's {@code otelcol} paths read
 * ({@link RequestInfo#CURRENT}).
 */
public record ClientInfo(String address, Map<String, List<String>> metadata) implements RequestInfo {
    public static final ClientInfo EMPTY = new ClientInfo("", Map.of());

    private static final ScopedValue<ClientInfo> CURRENT = ScopedValue.newInstance();

    public ClientInfo {
        Objects.requireNonNull(address, "address");
        metadata = Collections.unmodifiableMap(normalise(metadata));
    }

    /** Keys are case-insensitive: stored lower-cased, multiple values per key kept in order. */
    private static Map<String, List<String>> normalise(Map<String, List<String>> in) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    /** The values of a metadata key (case-insensitive), empty when absent. */
    public List<String> get(String key) {
        List<String> v = metadata.get(key.toLowerCase(Locale.ROOT));
        return v == null ? List.of() : v;
    }

    /** The client info bound to the current call, or {@link #EMPTY}. */
    public static ClientInfo current() {
        return CURRENT.isBound() ? CURRENT.get() : EMPTY;
    }

    @Override
    public String clientAddress() {
        return address;
    }

    @Override
    public Map<String, List<String>> clientMetadata() {
        return metadata;
    }

    /** Runs {@code body} with {@code info} as the current client info. */
    public static <T> T call(ClientInfo info, Callable<T> body) throws Exception {
        return ScopedValue.where(CURRENT, info).where(RequestInfo.CURRENT, info).call(body::call);
    }

    /** {@link #call} for bodies without a result. */
    public static void run(ClientInfo info, ThrowingRunnable body) throws Exception {
        run(info, info, body);
    }

    /**
     * {@link #run} for a request that arrived over gRPC: OTTL's {@code otelcol.grpc.metadata} reads its metadata too
     * (what the receiver kept of it), for the duration of the call only, as upstream's incoming gRPC context.
     */
    public static void runOverGrpc(ClientInfo info, ThrowingRunnable body) throws Exception {
        run(info, new RequestInfo() {
            @Override
            public String clientAddress() {
                return info.address();
            }

            @Override
            public Map<String, List<String>> clientMetadata() {
                return info.metadata();
            }

            @Override
            public Map<String, List<String>> grpcMetadata() {
                return info.metadata();
            }
        }, body);
    }

    private static void run(ClientInfo info, RequestInfo request, ThrowingRunnable body) throws Exception {
        ScopedValue.where(CURRENT, info).where(RequestInfo.CURRENT, request).call(() -> {
            body.run();
            return null;
        });
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}

package io.ottl4j.language.internal.contexts;

import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.RequestInfo;
import io.ottl4j.language.function.Values;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code otelcol} paths (upstream's {@code ctxotelcol}, gate {@code ottl.contexts.enableOTelColContext}): the
 * request a record arrived with ({@link RequestInfo#current()}), reachable from every context and read-only.
 * Metadata maps hold each key's values as a list of strings; a key without values reads nil, as upstream.
 */
final class OtelcolPaths {
    private OtelcolPaths() {
    }

    static Map<String, PathDef> table() {
        PathDef client = group("client", "the client that sent the request: client.addr, client.metadata, client.auth.attributes");
        client.child(readOnly(new PathDef("addr", "string", "the client's address (read-only)",
                Accessor.of(c -> RequestInfo.current().clientAddress(), null), PathDef.KeyMode.NONE), "otelcol.client.addr"));
        client.child(metadata("metadata", "the request's metadata kept by the receiver (include_metadata): key to list of values",
                RequestInfo::clientMetadata, "otelcol.client.metadata"));
        PathDef auth = group("auth", "what the receiver's authenticator found: auth.attributes");
        auth.child(readOnly(new PathDef("attributes", "map", "the authenticator's attributes (read-only)",
                Accessor.of(c -> authAttributes(RequestInfo.current()), null), PathDef.KeyMode.MAP), "otelcol.client.auth.attributes"));
        client.child(auth);
        PathDef grpc = group("grpc", "the request's gRPC transport: grpc.metadata");
        grpc.child(metadata("metadata", "the incoming gRPC metadata of a request that arrived over gRPC: key to list of values",
                RequestInfo::grpcMetadata, "otelcol.grpc.metadata"));
        Map<String, PathDef> m = new java.util.LinkedHashMap<>();
        m.put("client", client);
        m.put("grpc", grpc);
        return m;
    }

    /** A segment that only groups sub-paths: reading it alone is an error. */
    private static PathDef group(String name, String doc) {
        String path = "otelcol." + name;
        return readOnly(new PathDef(name, "group", doc, Accessor.of(c -> {
            throw new OttlRuntimeException("\"" + path + "\" is not a value: use one of its sub-paths (" + doc + ")", null);
        }, null), PathDef.KeyMode.NONE), path);
    }

    private static PathDef metadata(String name, String doc, Function<RequestInfo, Map<String, List<String>>> source, String path) {
        return readOnly(new PathDef(name, "map", doc + " (read-only)",
                Accessor.of(c -> strings(source.apply(RequestInfo.current())), null), PathDef.KeyMode.MAP), path);
    }

    /** Every write fails with upstream's message; the binder also guards keyed paths with it. */
    private static PathDef readOnly(PathDef def, String path) {
        String message = "\"" + path + "\" is read-only and cannot be modified";
        return def.readOnly(message);
    }

    private static AttributeMap strings(Map<String, List<String>> metadata) {
        AttributeMap m = new AttributeMap();
        metadata.forEach((k, values) -> {
            if (!values.isEmpty()) {
                AttributeList l = new AttributeList(values.size());
                values.forEach(l::add);
                m.put(k, l);
            }
        });
        return m;
    }

    /** Upstream maps an attribute of a type it cannot hold to the empty string. */
    private static AttributeMap authAttributes(RequestInfo info) {
        AttributeMap m = new AttributeMap();
        info.clientAuthAttributes().forEach((k, v) -> {
            Object stored = Values.toStored(v);
            m.put(k, stored == Values.UNSTORABLE ? "" : stored);
        });
        return m;
    }
}

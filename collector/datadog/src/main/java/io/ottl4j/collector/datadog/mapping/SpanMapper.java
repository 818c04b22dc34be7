package io.ottl4j.collector.datadog.mapping;

import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.InstrumentationScope;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.SpanLink;
import io.ottl4j.pdata.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OTel span → Datadog span, one implementation for the connector and the exporter (collector-spec §4.2,
 * §4.3; datadog-agent pkg/trace/transform and traceutil). {@link #minimal} fills what APM stats need;
 * {@link #full} adds every attribute, events, links and the otel.* tags for the intake.
 */
public final class SpanMapper {
    private static final String[] KIND_NAMES = {"unspecified", "internal", "server", "client", "producer", "consumer"};
    private static final String[] GO_KIND_NAMES = {"Unspecified", "Internal", "Server", "Client", "Producer", "Consumer"};
    /** Keys the Datadog APM conventions own: they set span fields, never meta. */
    private static final List<String> CONVENTION_KEYS = List.of("service.name", "operation.name", "resource.name", "span.type");
    /** OTel HTTP attribute names → the Datadog names the intake indexes (opentelemetry-mapping-go HTTPMappings). */
    private static final Map<String, String> HTTP_MAPPINGS = Map.ofEntries(Map.entry("client.address", "http.client_ip"),
            Map.entry("http.response.body.size", "http.response.content_length"), Map.entry("http.response.status_code", "http.status_code"),
            Map.entry("http.request.body.size", "http.request.content_length"), Map.entry("http.request.header.referrer", "http.referrer"),
            Map.entry("http.request.method", "http.method"), Map.entry("http.route", "http.route"), Map.entry("network.protocol.version", "http.version"),
            Map.entry("server.address", "http.server_name"), Map.entry("url.full", "http.url"), Map.entry("user_agent.original", "http.useragent"));

    /** db.system → span type (opentelemetry-mapping-go DBTypes); any other system is "db". */
    private static final Map<String, String> DB_TYPES = dbTypes();

    private final TraceConfig config;
    private final List<String> peerTagKeys;

    public SpanMapper(TraceConfig config) {
        this.config = config;
        this.peerTagKeys = config.peerTagKeys();
    }

    public TraceConfig config() {
        return config;
    }

    private static Map<String, String> dbTypes() {
        Map<String, String> m = new HashMap<>();
        for (String sql : List.of("other_sql", "mssql", "mysql", "oracle", "db2", "postgresql", "redshift", "cloudscape", "hsqldb", "maxdb",
                "ingres", "firstsql", "edb", "cache", "firebird", "derby", "informix", "mariadb", "sqlite", "sybase", "teradata", "vertica", "h2",
                "coldfusion", "cockroachdb", "progress", "hanadb", "adabas", "filemaker", "instantdb", "interbase", "netezza", "pervasive",
                "pointbase", "clickhouse")) {
            m.put(sql, "sql");
        }
        for (String own : List.of("cassandra", "redis", "memcached", "mongodb", "elasticsearch", "opensearch")) {
            m.put(own, own);
        }
        return Map.copyOf(m);
    }

    public static String kindName(int kind) {
        return kind >= 0 && kind < KIND_NAMES.length ? KIND_NAMES[kind] : KIND_NAMES[0];
    }

    /** What APM stats need: names, IDs, timing, error, span.kind, HTTP status, measured, peer tags, payload keys. */
    public DdSpan minimal(Span span, AttributeMap res, InstrumentationScope scope) {
        AttributeMap sa = span.attributes();
        DdSpan d = new DdSpan(sa.size() + 8);
        d.service = service(sa, res);
        d.traceId = span.traceId().low();
        d.traceIdHigh = span.traceId().high();
        d.spanId = span.spanId().value();
        d.parentId = span.parentSpanId().value();
        d.start = span.startTimeUnixNano();
        d.duration = span.endTimeUnixNano() - span.startTimeUnixNano();
        d.kind = span.kind();
        d.error = span.status().code() == Status.CODE_ERROR ? 1 : 0;
        if (config.v2Names()) {
            d.name = operationNameV2(span, res);
            d.resource = resourceV2(span, res);
        } else {
            d.name = operationNameV1(span, scope);
            d.resource = config.spanNameAsResourceName() ? span.name() : resourceV2(span, res);
        }
        d.type = spanType(span, res);
        d.spanKindName = kindName(span.kind());
        d.meta.put(DdSpan.SPAN_KIND, d.spanKindName);
        Long code = Attrs.getLong(sa, res, "http.response.status_code", "http.status_code");
        if (code != null && code >= 0) {
            d.metrics.put(DdSpan.HTTP_STATUS, code.doubleValue());
            d.httpStatusCode = code.intValue();
        }
        String grpc = Attrs.get(sa, res, "rpc.grpc.status_code");
        if (!grpc.isEmpty()) {
            d.meta.put("rpc.grpc.status_code", grpc);
        }
        if (config.computeTopLevelBySpanKind()) {
            d.setTopLevel(span.parentSpanId().isEmpty() || span.kind() == Span.KIND_SERVER || span.kind() == Span.KIND_CONSUMER);
        }
        Long measured = Attrs.getLong(sa, res, "_dd.measured");
        if (measured != null && measured == 1) {
            d.setMeasured();
        } else if (config.computeTopLevelBySpanKind() && (span.kind() == Span.KIND_CLIENT || span.kind() == Span.KIND_PRODUCER)) {
            d.setMeasured();
        }
        if (span.kind() == Span.KIND_CLIENT || span.kind() == Span.KIND_PRODUCER || span.kind() == Span.KIND_CONSUMER) {
            // peer tags only aggregate on spans that talk to a peer; the full mapping copies every attribute anyway
            for (String k : peerTagKeys) {
                String v = Attrs.get(sa, res, k);
                if (!v.isEmpty()) {
                    d.meta.put(k, v);
                }
            }
        }
        d.env = Attrs.getNormalized(sa, res, "deployment.environment.name", "deployment.environment");
        d.version = Attrs.get(sa, res, "service.version");
        d.containerId = Attrs.get(sa, res, "container.id");
        d.gitCommitSha = Attrs.get(sa, res, "git.commit.sha");
        if (!span.traceState().isEmpty()) {
            d.meta.put("w3c.tracestate", span.traceState());
        }
        return d;
    }

    /** The span as the intake receives it: {@link #minimal} plus attributes, events, links and otel.* tags. */
    public DdSpan full(Span span, AttributeMap res, InstrumentationScope scope) {
        DdSpan d = minimal(span, res, scope);
        AttributeMap sa = span.attributes();
        for (int i = 0, n = sa.size(); i < n; i++) {
            String key = ddKey(sa.keyAt(i));
            if (key == null) {
                continue;
            }
            Object v = sa.valueAt(i);
            if (v instanceof Long || v instanceof Double) {
                String mk = key.equals("sampling.priority") ? "_sampling_priority_v1" : key;
                d.metrics.putIfAbsent(mk, ((Number) v).doubleValue());
            } else if (!d.meta.containsKey(key) || d.meta.get(key).isEmpty()) {
                d.meta.put(key, Attrs.str(v));
            }
        }
        d.syncFlags();
        d.meta.put("otel.trace_id", span.traceId().toHex());
        if (!d.version.isEmpty()) {
            d.meta.putIfAbsent("version", d.version);
        }
        if (!span.events().isEmpty()) {
            d.meta.put("events", eventsJson(span.events()));
            for (SpanEvent e : span.events()) {
                if ("exception".equals(e.name())) {
                    d.meta.put("_dd.span_events.has_exception", "true");
                    break;
                }
            }
        }
        if (!span.links().isEmpty()) {
            d.meta.put("_dd.span_links", linksJson(span.links()));
        }
        if (!scope.name().isEmpty()) {
            d.meta.put("otel.scope.name", scope.name());
            d.meta.put("otel.library.name", scope.name());
        }
        if (!scope.version().isEmpty()) {
            d.meta.put("otel.scope.version", scope.version());
            d.meta.put("otel.library.version", scope.version());
        }
        d.meta.put("otel.status_code", switch (span.status().code()) {
            case Status.CODE_OK -> "Ok";
            case Status.CODE_ERROR -> "Error";
            default -> "Unset";
        });
        if (!span.status().message().isEmpty()) {
            d.meta.put("otel.status_description", span.status().message());
        }
        if (d.error == 1 && !d.meta.containsKey("error.msg")) {
            if (!span.status().message().isEmpty()) {
                d.meta.put("error.msg", span.status().message());
            } else if (d.httpStatus() > 0) {
                d.meta.put("error.msg", Integer.toString(d.httpStatus()));
            }
        }
        if (!d.env.isEmpty()) {
            d.meta.putIfAbsent("env", d.env);
        }
        for (int i = 0, n = res.size(); i < n; i++) {
            String key = ddKey(res.keyAt(i));
            if (key != null && (!d.meta.containsKey(key) || d.meta.get(key).isEmpty())) {
                d.meta.put(key, Attrs.str(res.valueAt(i)));
            }
        }
        scope.attributes().forEach((k, v) -> d.meta.put(k, Attrs.str(v)));
        if (!d.meta.containsKey("db.name")) {
            String ns = Attrs.get(res, sa, "db.namespace");
            if (!ns.isEmpty()) {
                d.meta.put("db.name", ns);
            }
        }
        return d;
    }

    private static String ddKey(String k) {
        String mapped = HTTP_MAPPINGS.get(k);
        if (mapped != null) {
            return mapped;
        }
        if (k.startsWith("http.request.header.")) {
            return "http.request.headers." + k.substring("http.request.header.".length());
        }
        return CONVENTION_KEYS.contains(k) ? null : k;
    }

    static String service(AttributeMap sa, AttributeMap res) {
        return Normalize.service(Attrs.get(sa, res, "service.name"));
    }

    /** The current default operation name logic (GetOTelOperationNameV2). */
    static String operationNameV2(Span span, AttributeMap res) {
        AttributeMap sa = span.attributes();
        String op = Attrs.getNormalized(sa, res, "operation.name");
        if (!op.isEmpty()) {
            return op;
        }
        int kind = span.kind();
        boolean client = kind == Span.KIND_CLIENT;
        boolean server = kind == Span.KIND_SERVER;
        if (!Attrs.get(sa, res, "http.request.method", "http.method").isEmpty()) {
            if (server) {
                return "http.server.request";
            }
            if (client) {
                return "http.client.request";
            }
        }
        String db = Attrs.getNormalized(sa, res, "db.system.name", "db.system");
        if (!db.isEmpty() && client) {
            return db + ".query";
        }
        String msgSystem = Attrs.getNormalized(sa, res, "messaging.system");
        String msgOp = Attrs.getNormalized(sa, res, "messaging.operation.type", "messaging.operation");
        if (!msgSystem.isEmpty() && !msgOp.isEmpty() && kind >= Span.KIND_SERVER) {
            return msgSystem + "." + msgOp;
        }
        String rpc = Attrs.getNormalized(sa, res, "rpc.system");
        if (rpc.equals("aws-api") && client) {
            String svc = Attrs.getNormalized(sa, res, "rpc.service");
            return svc.isEmpty() ? "aws.client.request" : "aws." + svc + ".request";
        }
        if (!rpc.isEmpty() && client) {
            return rpc + ".client.request";
        }
        if (!rpc.isEmpty() && server) {
            return rpc + ".server.request";
        }
        String provider = Attrs.getNormalized(sa, res, "faas.invoked_provider");
        String invoked = Attrs.getNormalized(sa, res, "faas.invoked_name");
        if (!provider.isEmpty() && !invoked.isEmpty() && client) {
            return provider + "." + invoked + ".invoke";
        }
        String trigger = Attrs.getNormalized(sa, res, "faas.trigger");
        if (!trigger.isEmpty() && server) {
            return trigger + ".invoke";
        }
        if (!Attrs.get(sa, res, "graphql.operation.type").isEmpty()) {
            return "graphql.server.request";
        }
        String protocol = Attrs.getNormalized(sa, res, "network.protocol.name");
        if (server) {
            return protocol.isEmpty() ? "server.request" : protocol + ".server.request";
        }
        if (client) {
            return protocol.isEmpty() ? "client.request" : protocol + ".client.request";
        }
        // Go's SpanKind.String(): capitalized, as the current agent returns it (older agents lower-cased it)
        return kind == Span.KIND_UNSPECIFIED || kind < 0 || kind >= GO_KIND_NAMES.length ? "Internal" : GO_KIND_NAMES[kind];
    }

    /** The legacy name: {@code <scope name>.<kind>} (or opentelemetry.<kind>), remapped by span_name_remappings. */
    private String operationNameV1(Span span, InstrumentationScope scope) {
        String op = Attrs.get(span.attributes(), null, "operation.name");
        if (op.isEmpty()) {
            if (config.spanNameAsResourceName()) {
                op = span.name();
            } else {
                String lib = scope.name().isEmpty() ? "opentelemetry" : scope.name();
                op = lib + "." + kindName(span.kind() == Span.KIND_UNSPECIFIED ? Span.KIND_INTERNAL : span.kind());
            }
        }
        String remapped = config.spanNameRemappings().get(op);
        return remapped != null ? remapped : op;
    }

    /** The current default resource name logic (GetOTelResourceV2); resource.name wins. */
    static String resourceV2(Span span, AttributeMap res) {
        AttributeMap sa = span.attributes();
        String r = Attrs.get(sa, res, "resource.name");
        if (!r.isEmpty()) {
            return Normalize.resource(r);
        }
        String method = Attrs.get(sa, res, "http.request.method", "http.method");
        if (!method.isEmpty()) {
            if (method.equals("_OTHER")) {
                method = "HTTP";
            }
            if (span.kind() == Span.KIND_SERVER) {
                String route = Attrs.get(sa, res, "http.route");
                if (!route.isEmpty()) {
                    method = method + " " + route;
                }
            }
            return Normalize.resource(method);
        }
        String msgOp = Attrs.get(sa, res, "messaging.operation.type", "messaging.operation");
        if (!msgOp.isEmpty()) {
            String dest = Attrs.get(sa, res, "messaging.destination", "messaging.destination.name");
            return Normalize.resource(dest.isEmpty() ? msgOp : msgOp + " " + dest);
        }
        String rpcMethod = Attrs.get(sa, res, "rpc.method");
        if (!rpcMethod.isEmpty()) {
            String svc = Attrs.get(sa, res, "rpc.service");
            return Normalize.resource(svc.isEmpty() ? rpcMethod : rpcMethod + " " + svc);
        }
        String gqlType = Attrs.get(sa, res, "graphql.operation.type");
        if (!gqlType.isEmpty()) {
            String gqlName = Attrs.get(sa, res, "graphql.operation.name");
            return Normalize.resource(gqlName.isEmpty() ? gqlType : gqlType + " " + gqlName);
        }
        if (!Attrs.get(sa, res, "db.system.name", "db.system").isEmpty()) {
            String stmt = Attrs.get(sa, res, "db.statement", "db.query.text");
            if (!stmt.isEmpty()) {
                return Normalize.resource(stmt);
            }
        }
        return Normalize.resource(span.name());
    }

    /** span.type wins; else server → web, client → the db.system's type (sql, redis, mongodb, ..., db) or http, else custom. */
    static String spanType(Span span, AttributeMap res) {
        String t = Attrs.get(span.attributes(), res, "span.type");
        if (!t.isEmpty()) {
            return t;
        }
        return switch (span.kind()) {
            case Span.KIND_SERVER -> "web";
            case Span.KIND_CLIENT -> {
                String db = Attrs.getNormalized(span.attributes(), res, "db.system.name", "db.system");
                if (db.isEmpty()) {
                    yield "http";
                }
                yield DB_TYPES.getOrDefault(db, "db");
            }
            default -> "custom";
        };
    }

    /**
     * Marks top-level spans of one trace chunk (traceutil.ComputeTopLevel): roots, spans whose parent is not
     * in the chunk, and spans whose parent belongs to another service. Skipped when top-level is computed by
     * span kind.
     */
    public void computeTopLevel(List<DdSpan> chunk) {
        computeTopLevel(chunk, false);
    }

    /** {@code flagOnly}: for spans that are only aggregated, never encoded (no {@code _top_level} metric entry). */
    public void computeTopLevel(List<DdSpan> chunk, boolean flagOnly) {
        if (config.computeTopLevelBySpanKind()) {
            return;
        }
        if (chunk.size() == 1) { // the common case of a sampled or single-span trace: no map needed
            DdSpan s = chunk.get(0);
            mark(s, s.parentId == 0 || s.parentId != s.spanId, flagOnly);
            return;
        }
        Map<Long, String> services = new HashMap<>(chunk.size() * 2);
        for (DdSpan s : chunk) {
            services.put(s.spanId, s.service);
        }
        for (DdSpan s : chunk) {
            String parentService = s.parentId == 0 ? null : services.get(s.parentId);
            mark(s, parentService == null || !parentService.equals(s.service), flagOnly);
        }
    }

    private static void mark(DdSpan s, boolean top, boolean flagOnly) {
        if (flagOnly) {
            s.setTopLevelFlag(top);
        } else {
            s.setTopLevel(top);
        }
    }

    static String eventsJson(List<SpanEvent> events) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < events.size(); i++) {
            SpanEvent e = events.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append('{');
            boolean wrote = false;
            if (e.timeUnixNano() != 0) {
                sb.append("\"time_unix_nano\":").append(Long.toUnsignedString(e.timeUnixNano()));
                wrote = true;
            }
            if (!e.name().isEmpty()) {
                sb.append(wrote ? "," : "").append("\"name\":");
                sb.append(AnyValue.toJson(e.name()));
                wrote = true;
            }
            if (!e.attributes().isEmpty()) {
                sb.append(wrote ? "," : "").append("\"attributes\":{");
                AttributeMap a = e.attributes();
                for (int j = 0; j < a.size(); j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    sb.append(AnyValue.toJson(a.keyAt(j)));
                    sb.append(':');
                    String json = AnyValue.toJson(a.valueAt(j));
                    sb.append(json == null ? "\"redacted\"" : json);
                }
                sb.append('}');
                wrote = true;
            }
            if (e.droppedAttributesCount() != 0) {
                sb.append(wrote ? "," : "").append("\"dropped_attributes_count\":").append(e.droppedAttributesCount());
            }
            sb.append('}');
        }
        return sb.append(']').toString();
    }

    static String linksJson(List<SpanLink> links) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < links.size(); i++) {
            SpanLink l = links.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"trace_id\":\"").append(l.traceId().toHex()).append("\",\"span_id\":\"").append(l.spanId().toHex()).append('"');
            if (!l.traceState().isEmpty()) {
                sb.append(",\"tracestate\":");
                sb.append(AnyValue.toJson(l.traceState()));
            }
            if (!l.attributes().isEmpty()) {
                sb.append(",\"attributes\":{");
                AttributeMap a = l.attributes();
                for (int j = 0; j < a.size(); j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    sb.append(AnyValue.toJson(a.keyAt(j)));
                    sb.append(':');
                    sb.append(AnyValue.toJson(Attrs.str(a.valueAt(j))));
                }
                sb.append('}');
            }
            if (l.droppedAttributesCount() > 0) {
                sb.append(",\"dropped_attributes_count\":").append(l.droppedAttributesCount());
            }
            sb.append('}');
        }
        return sb.append(']').toString();
    }
}

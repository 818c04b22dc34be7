package io.ottl4j.collector.datadog.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.InstrumentationScope;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.SpanLink;
import io.ottl4j.pdata.Status;
import io.ottl4j.pdata.TraceId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SpanMapperTest {
    private static final SpanMapper V2 = new SpanMapper(TraceConfig.defaults(false));

    static Span span(String name, int kind, Object... attrs) {
        Span s = new Span();
        s.setName(name);
        s.setKind(kind);
        s.setTraceId(TraceId.of(0x0102030405060708L, 0x1112131415161718L));
        s.setSpanId(SpanId.of(0x2122232425262728L));
        s.setStartTimeUnixNano(1_700_000_000_000_000_000L);
        s.setEndTimeUnixNano(1_700_000_000_250_000_000L);
        AttributeMap a = AttributeMap.of(attrs);
        s.attributes().copyFrom(a);
        return s;
    }

    static Arguments c(String label, Span span, AttributeMap res, String service, String name, String resource, String type) {
        return Arguments.of(label, span, res, service, name, resource, type);
    }

    static List<Arguments> cases() {
        AttributeMap web = AttributeMap.of("service.name", "Mastodon Web");
        return List.of(
                c("http server with route", span("GET /x", Span.KIND_SERVER, "http.request.method", "GET", "http.route", "/api/v1/statuses/:id"), web,
                        "mastodon_web", "http.server.request", "GET /api/v1/statuses/:id", "web"),
                c("http client: no route in resource", span("GET", Span.KIND_CLIENT, "http.method", "POST", "http.route", "/x"), web, "mastodon_web",
                        "http.client.request", "POST", "http"),
                c("_OTHER method", span("x", Span.KIND_SERVER, "http.request.method", "_OTHER"), web, "mastodon_web", "http.server.request", "HTTP", "web"),
                c("resource.name wins", span("GET /x", Span.KIND_SERVER, "http.request.method", "GET", "resource.name", "Api::V1::X#show"), web,
                        "mastodon_web", "http.server.request", "Api::V1::X#show", "web"),
                c("operation.name wins", span("x", Span.KIND_SERVER, "operation.name", "rack.request", "http.request.method", "GET"), web,
                        "mastodon_web", "rack.request", "GET", "web"),
                c("operation.name is normalized", span("x", Span.KIND_INTERNAL, "operation.name", "Sidekiq Job"), web, "mastodon_web",
                        "sidekiq_job", "x", "custom"),
                c("postgres client", span("SELECT", Span.KIND_CLIENT, "db.system", "postgresql", "db.statement", "SELECT 1"), web, "mastodon_web",
                        "postgresql.query", "SELECT 1", "sql"),
                c("redis has its own type", span("GET", Span.KIND_CLIENT, "db.system", "redis"), web, "mastodon_web", "redis.query", "GET", "redis"),
                c("other databases are db", span("get", Span.KIND_CLIENT, "db.system", "dynamodb"), web, "mastodon_web", "dynamodb.query", "get", "db"),
                c("messaging consumer", span("x", Span.KIND_CONSUMER, "messaging.system", "sidekiq", "messaging.operation", "process",
                        "messaging.destination.name", "default"), web, "mastodon_web", "sidekiq.process", "process default", "custom"),
                c("grpc server", span("x", Span.KIND_SERVER, "rpc.system", "grpc", "rpc.method", "Get", "rpc.service", "Svc"), web, "mastodon_web",
                        "grpc.server.request", "Get Svc", "web"),
                c("aws client", span("x", Span.KIND_CLIENT, "rpc.system", "aws-api", "rpc.service", "S3", "rpc.method", "PutObject"), web,
                        "mastodon_web", "aws.s3.request", "PutObject S3", "http"),
                c("graphql", span("x", Span.KIND_SERVER, "graphql.operation.type", "query", "graphql.operation.name", "Q"), web, "mastodon_web",
                        "graphql.server.request", "query Q", "web"),
                c("plain internal", span("compute", Span.KIND_INTERNAL), web, "mastodon_web", "Internal", "compute", "custom"),
                c("unspecified kind", span("compute", Span.KIND_UNSPECIFIED), web, "mastodon_web", "Internal", "compute", "custom"),
                c("server protocol", span("x", Span.KIND_SERVER, "network.protocol.name", "amqp"), web, "mastodon_web", "amqp.server.request", "x",
                        "web"),
                c("producer", span("send", Span.KIND_PRODUCER), web, "mastodon_web", "Producer", "send", "custom"),
                c("span.type wins", span("x", Span.KIND_SERVER, "span.type", "worker"), web, "mastodon_web", "server.request", "x", "worker"),
                c("no service", span("x", Span.KIND_INTERNAL), new AttributeMap(), "otlpresourcenoservicename", "Internal", "x", "custom"),
                c("span attribute before resource", span("x", Span.KIND_INTERNAL, "service.name", "from-span"), web, "from-span", "Internal", "x",
                        "custom"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesAndTypes(String label, Span span, AttributeMap res, String service, String name, String resource, String type) {
        DdSpan d = V2.minimal(span, res, new InstrumentationScope());
        assertThat(d.service).isEqualTo(service);
        assertThat(d.name).isEqualTo(name);
        assertThat(d.resource).isEqualTo(resource);
        assertThat(d.type).isEqualTo(type);
    }

    @Test
    void idsTimesErrorAndTags() {
        Span s = span("GET", Span.KIND_SERVER, "http.request.method", "GET", "http.response.status_code", 503L, "_dd.measured", 1L, "custom", "v",
                "count", 3L);
        s.setParentSpanId(SpanId.of(7));
        s.status().setCode(Status.CODE_ERROR);
        s.status().setMessage("boom");
        SpanEvent ev = new SpanEvent();
        ev.setName("exception");
        ev.setTimeUnixNano(5);
        ev.attributes().putString("exception.message", "x\"y");
        s.events().add(ev);
        SpanLink link = new SpanLink();
        link.setTraceId(TraceId.of(1, 2));
        link.setSpanId(SpanId.of(3));
        s.links().add(link);
        InstrumentationScope scope = new InstrumentationScope();
        scope.setName("rack");
        DdSpan d = V2.full(s, AttributeMap.of("service.name", "web", "deployment.environment.name", "Production", "k8s.pod.name", "p"), scope);
        assertThat(d.traceId).isEqualTo(0x1112131415161718L);
        assertThat(d.traceIdHigh).isEqualTo(0x0102030405060708L);
        assertThat(d.spanId).isEqualTo(0x2122232425262728L);
        assertThat(d.parentId).isEqualTo(7);
        assertThat(d.duration).isEqualTo(250_000_000L);
        assertThat(d.error).isEqualTo(1);
        assertThat(d.httpStatus()).isEqualTo(503);
        assertThat(d.measured()).isTrue();
        assertThat(d.meta).containsEntry("span.kind", "server").containsEntry("custom", "v").containsEntry("error.msg", "boom")
                .containsEntry("env", "production").containsEntry("k8s.pod.name", "p").containsEntry("otel.scope.name", "rack")
                .containsEntry("http.method", "GET").containsEntry("otel.status_code", "Error").containsEntry("_dd.span_events.has_exception", "true")
                .containsEntry("otel.trace_id", "01020304050607081112131415161718");
        assertThat(d.meta.get("events")).isEqualTo("[{\"time_unix_nano\":5,\"name\":\"exception\",\"attributes\":{\"exception.message\":\"x\\\"y\"}}]");
        assertThat(d.meta.get("_dd.span_links")).isEqualTo("[{\"trace_id\":\"00000000000000010000000000000002\",\"span_id\":\"0000000000000003\"}]");
        assertThat(d.metrics).containsEntry("count", 3.0);
        assertThat(d.meta).doesNotContainKeys("service.name", "resource.name");
    }

    @Test
    void topLevelPerChunk() {
        DdSpan root = dd(1, 0, "web");
        DdSpan child = dd(2, 1, "web");
        DdSpan otherService = dd(3, 2, "db");
        DdSpan orphan = dd(4, 99, "web");
        V2.computeTopLevel(List.of(root, child, otherService, orphan));
        assertThat(List.of(root.topLevel(), child.topLevel(), otherService.topLevel(), orphan.topLevel())).containsExactly(true, false, true, true);
    }

    @Test
    void topLevelBySpanKind() {
        TraceConfig byKind = new TraceConfig("", List.of(), Map.of(), false, true, true, true, List.of(), 0, java.time.Duration.ofSeconds(10), List.of());
        SpanMapper m = new SpanMapper(byKind);
        Span server = span("s", Span.KIND_SERVER);
        server.setParentSpanId(SpanId.of(9));
        Span client = span("c", Span.KIND_CLIENT);
        client.setParentSpanId(SpanId.of(9));
        Span internal = span("i", Span.KIND_INTERNAL);
        internal.setParentSpanId(SpanId.of(9));
        AttributeMap res = AttributeMap.of("service.name", "a");
        assertThat(m.minimal(server, res, new InstrumentationScope()).topLevel()).isTrue();
        assertThat(m.minimal(client, res, new InstrumentationScope()).measured()).isTrue();
        assertThat(m.minimal(internal, res, new InstrumentationScope()).topLevel()).isFalse();
    }

    @Test
    void legacyNamesWithRemapping() {
        TraceConfig legacy = new TraceConfig("", List.of(), Map.of("rack.server", "rack.request"), false, true, false, true, List.of(), 0,
                java.time.Duration.ofSeconds(10), List.of());
        InstrumentationScope scope = new InstrumentationScope();
        scope.setName("rack");
        DdSpan d = new SpanMapper(legacy).minimal(span("GET /x", Span.KIND_SERVER), AttributeMap.of("service.name", "a"), scope);
        assertThat(d.name).isEqualTo("rack.request");
    }

    @Test
    void hostnames() {
        assertThat(Hosts.fromResource(AttributeMap.of("host.name", "h", "k8s.node.name", "node-1-k8s-1"))).isEqualTo("node-1-k8s-1");
        assertThat(Hosts.fromResource(AttributeMap.of("k8s.node.name", "n", "k8s.cluster.name", "c"))).isEqualTo("n-c");
        assertThat(Hosts.fromResource(AttributeMap.of("datadog.host.name", "dd", "host.name", "h"))).isEqualTo("dd");
        assertThat(Hosts.fromResource(AttributeMap.of("cloud.provider", "aws", "host.id", "i-1", "host.name", "ip-10"))).isEqualTo("i-1");
        assertThat(Hosts.fromResource(AttributeMap.of("host.name", "h"))).isEqualTo("h");
        assertThat(Hosts.fromResource(AttributeMap.of("cloud.provider", "gcp", "host.name", "vm-1", "k8s.node.name", "n"))).isEqualTo("vm-1");
        assertThat(Hosts.fromResource(AttributeMap.of("host.id", "id-1", "host.name", "h"))).isEqualTo("id-1");
        assertThat(Hosts.fromResource(AttributeMap.of("host.name", "localhost"))).isEmpty();
        assertThat(Hosts.resolve(new AttributeMap(), "configured")).isEqualTo("configured");
    }

    @Test
    void normalization() {
        assertThat(Normalize.service("Mastodon Web!!")).isEqualTo("mastodon_web");
        assertThat(Normalize.service("")).isEqualTo(Normalize.DEFAULT_SERVICE);
        assertThat(Normalize.tagValue("ok-already.fine:1/2")).isEqualTo("ok-already.fine:1/2");
        assertThat(Normalize.resource("x".repeat(6000))).hasSize(Normalize.MAX_RESOURCE_LENGTH);
    }

    private static DdSpan dd(long id, long parent, String service) {
        DdSpan d = new DdSpan(2);
        d.spanId = id;
        d.parentId = parent;
        d.service = service;
        return d;
    }
}

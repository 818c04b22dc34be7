package io.ottl4j.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.grammar.Diagnostic;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code otelcol} paths (upstream's ctxotelcol): the bound request, from every context, read-only, behind its gate. */
class OtelcolContextTest {
    private static final Ottl GATED = Ottl.builder().enableFeatureGate(Ottl.OTELCOL_CONTEXT_GATE).build();

    /** As a receiver with include_metadata over gRPC would bind it, plus authenticator attributes. */
    private static final RequestInfo REQUEST = new RequestInfo() {
        @Override
        public String clientAddress() {
            return "127.0.0.1";
        }

        @Override
        public Map<String, List<String>> clientMetadata() {
            Map<String, List<String>> m = new LinkedHashMap<>();
            m.put("x-tenant", List.of("acme"));
            m.put("multi", List.of("v1", "v2"));
            m.put("empty", List.of());
            return m;
        }

        @Override
        public Map<String, Object> clientAuthAttributes() {
            return Map.of("subject", "user-123", "roles", List.of("admin", "user"), "when", java.time.Duration.ofSeconds(1));
        }

        @Override
        public Map<String, List<String>> grpcMetadata() {
            return Map.of("k1", List.of("v1", "v2"));
        }
    };

    private TelemetryBatch<Span> traces;
    private Span span;

    @BeforeEach
    void setUp() {
        traces = TelemetryBatch.traces();
        span = new Span();
        traces.resources().add(TypedSettersTest.group(span));
    }

    private void runBound(RequestInfo request, ContextKind kind, TelemetryBatch<?> batch, String... statements) throws Exception {
        CompiledStatements s = GATED.compileStatements(kind, List.of(statements), ErrorMode.PROPAGATE);
        ScopedValue.where(RequestInfo.CURRENT, request).call(() -> {
            s.execute(batch);
            return null;
        });
    }

    @Test
    void readsTheBoundRequest() throws Exception {
        runBound(REQUEST, ContextKind.SPAN, traces,
                "set(attributes[\"addr\"], otelcol.client.addr)",
                "set(attributes[\"tenant\"], otelcol.client.metadata[\"x-tenant\"][0])",
                "set(attributes[\"multi\"], otelcol.client.metadata[\"multi\"])",
                "set(attributes[\"empty\"], otelcol.client.metadata[\"empty\"]) where otelcol.client.metadata[\"empty\"] != nil",
                "set(attributes[\"missing\"], \"yes\") where otelcol.client.metadata[\"missing\"] == nil",
                "set(attributes[\"subject\"], otelcol.client.auth.attributes[\"subject\"])",
                "set(attributes[\"role\"], otelcol.client.auth.attributes[\"roles\"][1])",
                "set(attributes[\"when\"], otelcol.client.auth.attributes[\"when\"])",
                "set(attributes[\"grpc\"], otelcol.grpc.metadata[\"k1\"])",
                "set(attributes[\"keys\"], Len(otelcol.client.metadata))");
        AttributeMap a = span.attributes();
        assertThat(a.get("addr")).isEqualTo("127.0.0.1");
        assertThat(a.get("tenant")).isEqualTo("acme");
        assertThat((AttributeList) a.get("multi")).containsExactly("v1", "v2");
        assertThat(a.containsKey("empty")).isFalse();
        assertThat(a.get("missing")).isEqualTo("yes");
        assertThat(a.get("subject")).isEqualTo("user-123");
        assertThat(a.get("role")).isEqualTo("user");
        assertThat(a.get("when")).isEqualTo(""); // a type the map cannot hold reads as the empty string, as upstream
        assertThat((AttributeList) a.get("grpc")).containsExactly("v1", "v2");
        assertThat(a.get("keys")).isEqualTo(2L);
    }

    @Test
    void everyContextReachesIt() throws Exception {
        TelemetryBatch<LogRecord> logs = TelemetryBatch.logs();
        LogRecord log = new LogRecord();
        ResourceGroup<LogRecord> resource = TypedSettersTest.group(log);
        logs.resources().add(resource);
        runBound(REQUEST, ContextKind.LOG, logs, "set(attributes[\"tenant\"], otelcol.client.metadata[\"x-tenant\"][0])");
        runBound(REQUEST, ContextKind.RESOURCE, logs, "set(attributes[\"addr\"], otelcol.client.addr)");
        assertThat(log.attributes().get("tenant")).isEqualTo("acme");
        assertThat(resource.resource().attributes().get("addr")).isEqualTo("127.0.0.1");
    }

    @Test
    void unboundReadsNoRequest() throws Exception {
        GATED.compileStatements(ContextKind.SPAN, List.of("set(attributes[\"addr\"], otelcol.client.addr)",
                "set(attributes[\"t\"], otelcol.client.metadata[\"x-tenant\"])", "set(attributes[\"n\"], Len(otelcol.grpc.metadata))"),
                ErrorMode.PROPAGATE).execute(traces);
        assertThat(span.attributes().get("addr")).isEqualTo("");
        assertThat(span.attributes().containsKey("t")).isFalse();
        assertThat(span.attributes().get("n")).isEqualTo(0L);
    }

    @Test
    void pathsAreReadOnlyWithUpstreamsMessage() {
        assertThatThrownBy(() -> runBound(REQUEST, ContextKind.SPAN, traces, "set(otelcol.client.addr, \"x\")"))
                .isInstanceOf(OttlRuntimeException.class).hasMessageContaining("\"otelcol.client.addr\" is read-only and cannot be modified");
        assertThatThrownBy(() -> runBound(REQUEST, ContextKind.SPAN, traces, "set(otelcol.client.metadata[\"x-tenant\"], \"x\")"))
                .isInstanceOf(OttlRuntimeException.class)
                .hasMessageContaining("\"otelcol.client.metadata\" is read-only and cannot be modified");
        assertThatThrownBy(() -> runBound(REQUEST, ContextKind.SPAN, traces, "set(otelcol.grpc.metadata, {})"))
                .isInstanceOf(OttlRuntimeException.class).hasMessageContaining("\"otelcol.grpc.metadata\" is read-only");
    }

    @Test
    void withoutTheGateThePathIsACompileErrorNamingIt() {
        assertThatThrownBy(() -> Ottl.create().compileStatements(ContextKind.SPAN,
                List.of("set(attributes[\"a\"], otelcol.client.addr)"), ErrorMode.PROPAGATE))
                .isInstanceOfSatisfying(OttlCompileException.class, e -> {
                    Diagnostic d = e.problems().get(0).diagnostic();
                    assertThat(d.code()).isEqualTo("OTTL-E107");
                    assertThat(d.message()).contains("ottl.contexts.enableOTelColContext");
                    assertThat(d.suggestion()).contains("--feature-gates=ottl.contexts.enableOTelColContext");
                    assertThat(d.span().column()).isEqualTo(22);
                });
        assertThatThrownBy(() -> GATED.compileStatements(ContextKind.SPAN, List.of("set(attributes[\"a\"], otelcol.client.adr)"),
                ErrorMode.PROPAGATE)).isInstanceOf(OttlCompileException.class).hasMessageContaining("adr");
    }
}

package io.ottl4j.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's embedding example, runnable. */
class EmbeddingExampleTest {
    @Test
    void compileOnceRunOnABatch() throws Exception {
        Ottl ottl = Ottl.create();
        CompiledStatements statements = ottl.compileStatements(ContextKind.SPAN,
                List.of("set(attributes[\"env\"], \"prod\") where resource.attributes[\"k8s.namespace.name\"] == \"prod\""),
                ErrorMode.PROPAGATE);
        TelemetryBatch<?> traces = OtlpJson.read("""
                {"resourceSpans": [{
                  "resource": {"attributes": [{"key": "k8s.namespace.name", "value": {"stringValue": "prod"}}]},
                  "scopeSpans": [{"spans": [{"name": "GET /"}, {"name": "POST /"}]}]}]}
                """);
        statements.execute(traces);
        @SuppressWarnings("unchecked")
        List<Span> spans = ((TelemetryBatch<Span>) traces).resources().get(0).scopes().get(0).items();
        assertThat(spans).allSatisfy(s -> assertThat(s.attributes().get("env")).isEqualTo("prod"));
    }
}

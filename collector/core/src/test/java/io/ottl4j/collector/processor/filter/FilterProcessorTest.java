package io.ottl4j.collector.processor.filter;

import static io.ottl4j.collector.testing.Data.spanNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Sink;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.TelemetryBatch;
import org.junit.jupiter.api.Test;

/** ottl-spec §9: conditions ORed, matches dropped top-down, empty containers pruned, nothing forwarded when empty. */
class FilterProcessorTest {
    private final FilterProcessorFactory factory = new FilterProcessorFactory();
    private final Sink next = new Sink();

    private ProcessorFactory.Processor filter(Signal signal, String yaml) throws Exception {
        return factory.create(TestComponents.settings(Kind.PROCESSOR, "filter"), TestComponents.decode(factory, yaml), signal, next);
    }

    @Test
    void spansMatchingAnyConditionAreDroppedAndEmptyContainersPruned() throws Exception {
        var p = filter(Signal.TRACES, """
                traces:
                  span:
                    - name == "drop-me"
                    - attributes["http.route"] == "/health"
                """);
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        ResourceGroup<Span> r1 = Data.spans(b, "one", "s1", "keep", "drop-me");
        Data.addScope(r1, "s2", "drop-me");
        ResourceGroup<Span> r2 = Data.spans(b, "two", "s3", "health");
        r2.scopes().get(0).items().get(0).attributes().put("http.route", "/health");
        p.consume(b);
        TelemetryBatch<?> out = next.only();
        assertThat(out).isSameAs(b);
        assertThat(spanNames(out)).containsExactly("keep");
        assertThat(out.asTraces().resources()).containsExactly(r1);
        assertThat(r1.scopes()).extracting(s -> s.scope().name()).containsExactly("s1");
    }

    @Test
    void whenEverythingIsDroppedTheNextConsumerIsNotCalled() throws Exception {
        var p = filter(Signal.TRACES, "trace_conditions: ['span.name != \"\"']");
        p.consume(Data.traces("a", "b"));
        assertThat(next.batches()).isEmpty();
    }

    @Test
    void aResourceMatchDropsItsWholeSubtreeWithoutLookingAtSpans() throws Exception {
        var p = filter(Signal.TRACES, """
                traces:
                  resource: ['attributes["service.name"] == "noisy"']
                  span: ['ParseJSON(attributes["x"]) == nil']
                """);
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        ResourceGroup<Span> noisy = Data.spans(b, "noisy", "s", "a");
        noisy.scopes().get(0).items().get(0).attributes().put("x", "not json"); // would fail the span condition
        Data.spans(b, "quiet", "s", "b").scopes().get(0).items().get(0).attributes().put("x", "{\"k\": 1}");
        p.consume(b);
        assertThat(spanNames(next.only())).containsExactly("b");
    }

    @Test
    void spanEventsAreFilteredInsideKeptSpans() throws Exception {
        var p = filter(Signal.TRACES, "traces: {spanevent: ['name == \"exception\"']}");
        TelemetryBatch<Span> b = Data.traces("a");
        Span s = b.resources().get(0).scopes().get(0).items().get(0);
        for (String n : new String[] {"exception", "log", "exception"}) {
            SpanEvent e = new SpanEvent();
            e.setName(n);
            s.events().add(e);
        }
        p.consume(b);
        assertThat(s.events()).extracting(SpanEvent::name).containsExactly("log");
        assertThat(spanNames(next.only())).containsExactly("a");
    }

    @Test
    void metricsAndDataPointsRemovingEveryPointRemovesTheMetric() throws Exception {
        var p = filter(Signal.METRICS, """
                metrics:
                  metric: ['name == "m.drop"']
                  datapoint: ['value_double > 5.0']
                """);
        TelemetryBatch<Metric> b = TelemetryBatch.metrics();
        ScopeGroup<Metric> sg = b.addResource().addScope();
        Data.gauge(sg, "m.drop", 1);
        Metric partly = Data.gauge(sg, "m.partly", 1, 10, 2);
        Data.gauge(sg, "m.all", 6, 7);
        p.consume(b);
        assertThat(next.only().asMetrics().resources().get(0).scopes().get(0).items()).containsExactly(partly);
        assertThat(partly.dataPoints()).extracting(dp -> dp.attributes().get("i")).containsExactly(0L, 2L);
    }

    @Test
    void logsWithInferredContext() throws Exception {
        var p = filter(Signal.LOGS, "log_conditions: ['log.severity_number < SEVERITY_NUMBER_WARN']");
        TelemetryBatch<LogRecord> b = TelemetryBatch.logs();
        ScopeGroup<LogRecord> sg = b.addResource().addScope();
        Data.log(sg, "debug", 5);
        LogRecord warn = Data.log(sg, "warn", 13);
        p.consume(b);
        assertThat(next.only().asLogs().resources().get(0).scopes().get(0).items()).containsExactly(warn);
    }

    @Test
    void errorModePropagateIsTheDefaultAndFailsTheRequest() throws Exception {
        var p = filter(Signal.TRACES, "traces: {span: ['ParseJSON(attributes[\"x\"]) != nil']}");
        TelemetryBatch<Span> b = Data.traces("a");
        b.resources().get(0).scopes().get(0).items().get(0).attributes().put("x", "{not json");
        assertThatThrownBy(() -> p.consume(b)).hasMessageContaining("failed processing traces");
        assertThat(next.batches()).isEmpty();
    }

    @Test
    void errorModeIgnoreKeepsTheItemAndGoesOn() throws Exception {
        var p = filter(Signal.TRACES, """
                error_mode: ignore
                traces: {span: ['ParseJSON(attributes["x"]) != nil', 'name == "drop"']}
                """);
        TelemetryBatch<Span> b = Data.traces("a", "drop");
        b.resources().get(0).scopes().get(0).items().get(0).attributes().put("x", "{not json");
        p.consume(b);
        assertThat(spanNames(next.only())).containsExactly("a");
    }

    @Test
    void configErrorsNameTheCondition() {
        assertThat(TestComponents.problems(factory, "traces: {span: ['nosuchpath == 1']}")).singleElement().asString().contains("traces::span[0]");
        assertThat(TestComponents.problems(factory, "error_mode: sometimes")).singleElement().asString().contains("error_mode");
    }
}

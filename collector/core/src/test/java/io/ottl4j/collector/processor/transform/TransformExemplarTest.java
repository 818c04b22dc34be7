package io.ottl4j.collector.processor.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.testing.Sink;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.language.ContextKind;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Exemplar;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.SummaryDataPoint;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** {@code context: exemplar} groups in {@code metric_statements}: every exemplar of every point, as upstream's metrics consumer. */
class TransformExemplarTest {
    private final TransformProcessorFactory factory = new TransformProcessorFactory();
    private final Sink next = new Sink();

    private ProcessorFactory.Processor transform(String yaml) throws Exception {
        return factory.create(TestComponents.settings(Kind.PROCESSOR, "transform"), TestComponents.decode(factory, yaml), Signal.METRICS, next);
    }

    /** A gauge (int point with two exemplars), a sum, a histogram, an exponential histogram and a summary point. */
    private static TelemetryBatch<Metric> metrics() {
        TelemetryBatch<Metric> b = TelemetryBatch.metrics();
        var rg = b.addResource();
        rg.resource().attributes().put("service.name", "checkout");
        ScopeGroup<Metric> sg = rg.addScope();
        sg.scope().setName("meter");
        Metric gauge = metric(sg, "queue.depth", MetricType.GAUGE);
        NumberDataPoint g = gauge.addNumberDataPoint();
        g.setIntValue(3);
        g.attributes().put("queue", "a");
        exemplar(g, 10, 3L, "0102030405060708090a0b0c0d0e0f10");
        exemplar(g, 11, 4L, null);
        Metric sum = metric(sg, "requests", MetricType.SUM);
        NumberDataPoint s = sum.addNumberDataPoint();
        s.setDoubleValue(7.5);
        exemplar(s, 20, 7.5, null);
        Metric histogram = metric(sg, "latency", MetricType.HISTOGRAM);
        HistogramDataPoint h = histogram.addHistogramDataPoint();
        h.setCount(2);
        exemplar(h, 30, 0.25, "ffeeddccbbaa99887766554433221100");
        Metric expo = metric(sg, "size", MetricType.EXPONENTIAL_HISTOGRAM);
        ExponentialHistogramDataPoint e = expo.addExponentialHistogramDataPoint();
        exemplar(e, 40, 512L, null);
        Metric summary = metric(sg, "summary", MetricType.SUMMARY);
        SummaryDataPoint su = summary.addSummaryDataPoint();
        exemplar(su, 50, 1L, null); // not representable in OTLP: the exemplar context must not visit it
        return b;
    }

    private static Metric metric(ScopeGroup<Metric> sg, String name, MetricType type) {
        Metric m = new Metric();
        m.setName(name);
        m.setType(type);
        sg.items().add(m);
        return m;
    }

    private static void exemplar(DataPoint p, long time, Object value, String traceId) {
        Exemplar x = new Exemplar();
        x.setTimeUnixNano(time);
        if (value instanceof Long l) {
            x.setIntValue(l);
        } else {
            x.setDoubleValue((Double) value);
        }
        if (traceId != null) {
            x.setTraceId(TraceId.fromHex(traceId));
            x.setSpanId(SpanId.fromHex("0102030405060708"));
        }
        p.exemplars().add(x);
    }

    private static List<Exemplar> exemplars(TelemetryBatch<?> batch) {
        List<Exemplar> out = new ArrayList<>();
        for (Metric m : batch.asMetrics().resources().get(0).scopes().get(0).items()) {
            for (DataPoint p : m.dataPoints()) {
                out.addAll(p.exemplars());
            }
        }
        return out;
    }

    private static List<Object> filtered(TelemetryBatch<?> batch, String key) {
        return exemplars(batch).stream().map(x -> x.filteredAttributes().get(key)).toList();
    }

    @Test
    void anExemplarGroupVisitsEveryExemplarOfGaugeSumAndHistogramPoints() throws Exception {
        var p = transform("""
                metric_statements:
                  - context: exemplar
                    statements:
                      - set(filtered_attributes["metric"], metric.name)
                      - set(filtered_attributes["service"], resource.attributes["service.name"])
                      - set(filtered_attributes["scope"], instrumentation_scope.name)
                """);
        TelemetryBatch<Metric> b = metrics();
        p.consume(b);
        assertThat(next.only()).isSameAs(b);
        assertThat(filtered(b, "metric")).containsExactly("queue.depth", "queue.depth", "requests", "latency", "size", null);
        assertThat(filtered(b, "service")).containsExactly("checkout", "checkout", "checkout", "checkout", "checkout", null);
        assertThat(filtered(b, "scope")).containsOnly("meter", null);
    }

    @Test
    void exemplarPathsReadAndWriteTheExemplarAndItsDataPoint() throws Exception {
        var p = transform("""
                metric_statements:
                  - context: exemplar
                    statements:
                      - set(datapoint.attributes["exemplar_trace"], true) where trace_id != TraceID(0x00000000000000000000000000000000)
                      - set(double_value, double_value * 1000.0) where metric.name == "latency"
                      - set(int_value, int_value + datapoint.value_int) where metric.name == "queue.depth"
                      - set(time_unix_nano, time_unix_nano + 1)
                      - set(span_id, SpanID(0x1111111111111111)) where metric.name == "latency"
                """);
        TelemetryBatch<Metric> b = metrics();
        p.consume(b);
        List<Exemplar> xs = exemplars(b);
        assertThat(xs.get(0).intValue()).isEqualTo(6);
        assertThat(xs.get(1).intValue()).isEqualTo(7);
        assertThat(xs.get(3).doubleValue()).isEqualTo(250.0);
        assertThat(xs.get(3).spanId().toHex()).isEqualTo("1111111111111111");
        assertThat(xs).extracting(Exemplar::timeUnixNano).containsExactly(11L, 12L, 21L, 31L, 41L, 50L);
        var scope = b.resources().get(0).scopes().get(0).items();
        assertThat(scope.get(0).dataPoints().get(0).attributes().get("exemplar_trace")).isEqualTo(true);
        assertThat(scope.get(1).dataPoints().get(0).attributes().get("exemplar_trace")).isNull();
        assertThat(scope.get(2).dataPoints().get(0).attributes().get("exemplar_trace")).isEqualTo(true);
    }

    @Test
    void groupConditionsSelectExemplars() throws Exception {
        var p = transform("""
                metric_statements:
                  - context: exemplar
                    conditions:
                      - metric.type == 3
                      - int_value > 3
                    statements:
                      - set(filtered_attributes["hit"], true)
                """);
        TelemetryBatch<Metric> b = metrics();
        p.consume(b);
        // histogram by type; gauge int 4 and exponential histogram 512 by value; not the int 3 nor the sum's double
        assertThat(filtered(b, "hit")).containsExactly(null, true, null, true, true, null);
    }

    @Test
    void statementsWhosePathsStartWithExemplarRunInTheExemplarContext() throws Exception {
        TransformProcessorFactory.Config cfg = TestComponents.decode(factory, """
                metric_statements:
                  - set(exemplar.filtered_attributes["unit"], metric.unit) where datapoint.attributes["queue"] == "a"
                  - set(exemplar.filtered_attributes["x"], "y")
                """);
        assertThat(cfg.groups().get(Signal.METRICS)).extracting(TransformProcessorFactory.Group::context).containsExactly(ContextKind.EXEMPLAR);
        // mixed with datapoint and metric paths, the lowest context wins, as upstream's parser collection
        cfg = TestComponents.decode(factory, """
                metric_statements:
                  - statements: ['set(datapoint.attributes["n"], 1) where exemplar.int_value > 1', 'set(metric.description, "d")']
                """);
        assertThat(cfg.groups().get(Signal.METRICS)).extracting(TransformProcessorFactory.Group::context).containsExactly(ContextKind.EXEMPLAR);
        var p = factory.create(TestComponents.settings(Kind.PROCESSOR, "transform"), cfg, Signal.METRICS, next);
        TelemetryBatch<Metric> b = metrics();
        p.consume(b);
        assertThat(b.resources().get(0).scopes().get(0).items().get(0).dataPoints().get(0).attributes().get("n")).isEqualTo(1L);
        assertThat(b.resources().get(0).scopes().get(0).items().get(0).description()).isEqualTo("d");
        assertThat(b.resources().get(0).scopes().get(0).items().get(4).description()).isEmpty(); // the summary has no exemplar
    }

    @Test
    void anInferredExemplarGroupMustPrefixEveryPath() {
        assertThat(TestComponents.problems(factory, """
                metric_statements:
                  - set(exemplar.filtered_attributes["x"], int_value)
                """)).singleElement().asString().contains("missing context name for path \"int_value\"");
    }

    @Test
    void errorModesApplyToExemplarGroups() throws Exception {
        String failing = """
                metric_statements:
                  - context: exemplar
                    error_mode: %s
                    statements:
                      - set(filtered_attributes["n"], ParseJSON("1"))
                      - set(filtered_attributes["after"], true)
                """;
        var propagate = transform(failing.formatted("propagate"));
        assertThatThrownBy(() -> propagate.consume(metrics())).hasMessageContaining("failed processing metrics");
        assertThat(next.batches()).isEmpty();
        var ignore = transform(failing.formatted("ignore"));
        TelemetryBatch<Metric> b = metrics();
        List<LogRecord> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger language = Logger.getLogger("io.ottl4j.language");
        language.setUseParentHandlers(false); // the expected warnings are asserted, not printed
        language.addHandler(capture);
        try {
            ignore.consume(b);
        } finally {
            language.removeHandler(capture);
            language.setUseParentHandlers(true);
        }
        assertThat(filtered(b, "after")).containsExactly(true, true, true, true, true, null);
        assertThat(warnings).hasSize(5).allSatisfy(w -> assertThat(new java.util.logging.SimpleFormatter().formatMessage(w)).contains("ParseJSON"));
    }

    @Test
    void exemplarContextIsOnlyForMetrics() {
        assertThat(TestComponents.problems(factory, """
                trace_statements:
                  - context: exemplar
                    statements: ['set(filtered_attributes["x"], 1)']
                """)).singleElement().asString().contains("context \"exemplar\" is not valid for traces");
        assertThat(TestComponents.problems(factory, """
                metric_statements:
                  - context: exemplar
                    statements: ['set(attributes["x"], 1)']
                """)).singleElement().asString().contains("segment \"attributes\" is not a valid path for the exemplar context");
        assertThat(TestComponents.problems(factory, """
                metric_statements:
                  - context: exemplar
                    statements: ['set(filtered_attributes["x"], 1) where datapoint.flags == FLAG_NONE']
                """)).singleElement().asString().contains("enums aren't supported in the exemplar context");
    }
}

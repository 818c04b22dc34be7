package io.ottl4j.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.grammar.Diagnostic;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes a field cannot hold: ignored at the baseline; upstream's current setters' errors ({@code ctxutil.ExpectType},
 * {@code ErrSetNil}) under {@code ottl.contexts.strictSetters} and, for nil, {@code ottl.set.allowNil}.
 */
class TypedSettersTest {
    private static final Ottl BASELINE = Ottl.create();
    private static final Ottl STRICT = Ottl.builder().enableFeatureGate(Ottl.STRICT_SETTERS_GATE).build();
    private static final Ottl ALLOW_NIL = Ottl.builder().enableFeatureGate(Ottl.SET_ALLOW_NIL_GATE).build();

    private TelemetryBatch<Span> traces;
    private Span span;
    private TelemetryBatch<Metric> metrics;
    private NumberDataPoint gaugePoint;
    private HistogramDataPoint histogramPoint;
    private TelemetryBatch<LogRecord> logs;
    private LogRecord log;

    @BeforeEach
    void setUp() {
        traces = TelemetryBatch.traces();
        span = new Span();
        span.setName("GET /");
        span.attributes().put("n", 7L);
        span.attributes().put("s", "abc");
        span.events().add(new SpanEvent());
        traces.resources().add(group(span));

        metrics = TelemetryBatch.metrics();
        Metric gauge = new Metric();
        gauge.setName("g");
        gauge.setType(MetricType.GAUGE);
        gaugePoint = new NumberDataPoint();
        gaugePoint.setIntValue(1);
        gauge.dataPoints().add(gaugePoint);
        Metric histogram = new Metric();
        histogram.setName("h");
        histogram.setType(MetricType.HISTOGRAM);
        histogramPoint = new HistogramDataPoint();
        histogramPoint.setBucketCounts(new long[] {1, 2});
        histogramPoint.setExplicitBounds(new double[] {5.0});
        histogram.dataPoints().add(histogramPoint);
        ResourceGroup<Metric> rg = group(gauge);
        rg.scopes().get(0).items().add(histogram);
        metrics.resources().add(rg);

        logs = TelemetryBatch.logs();
        log = new LogRecord();
        log.setBody("hello");
        log.setSeverityNumber(9);
        logs.resources().add(group(log));
    }

    /** A resource holding one scope holding {@code item} (also used by {@link OtelcolContextTest}). */
    static <T extends io.ottl4j.pdata.TelemetryItem<T>> ResourceGroup<T> group(T item) {
        ResourceGroup<T> resource = new ResourceGroup<>();
        ScopeGroup<T> scope = new ScopeGroup<>();
        scope.items().add(item);
        resource.scopes().add(scope);
        return resource;
    }

    private void run(Ottl ottl, ContextKind ctx, TelemetryBatch<?> batch, String... statements) throws OttlCompileException {
        ottl.compileStatements(ctx, List.of(statements), ErrorMode.PROPAGATE).execute(batch);
    }

    private void span(Ottl ottl, String... statements) throws OttlCompileException {
        run(ottl, ContextKind.SPAN, traces, statements);
    }

    @Test
    void baselineIgnoresWrongTypes() throws Exception {
        span(BASELINE, "set(name, 1)", "set(span_id, \"x\")", "set(status.code, \"a\")", "set(name, attributes[\"n\"])",
                "set(attributes, \"x\")", "set(start_time, 1)", "set(trace_state[\"k\"], 1)", "set(events, \"x\")");
        assertThat(span.name()).isEqualTo("GET /");
        assertThat(span.status().code()).isZero();
        assertThat(span.attributes().size()).isEqualTo(2);
        assertThat(span.events()).hasSize(1);
    }

    @Test
    void strictSettersRejectWrongTypesAtRuntimeWithUpstreamsMessages() {
        assertRuntimeError(() -> span(STRICT, "set(name, attributes[\"n\"])"), "expects string but got int64");
        assertRuntimeError(() -> span(STRICT, "set(span_id, attributes[\"s\"])"), "expects pcommon.SpanID but got string");
        assertRuntimeError(() -> span(STRICT, "set(status.code, attributes[\"s\"])"), "expects int64 but got string");
        assertRuntimeError(() -> span(STRICT, "set(trace_id, attributes[\"n\"])"), "expects pcommon.TraceID but got int64");
        assertRuntimeError(() -> span(STRICT, "set(trace_state[\"k\"], attributes[\"n\"])"), "expects string but got int64");
        assertRuntimeError(() -> span(STRICT, "set(events, attributes[\"s\"])"), "expects ptrace.SpanEventSlice but got string");
        assertRuntimeError(() -> span(STRICT, "set(attributes, attributes[\"n\"])"),
                "unsupported type provided for setting a pcommon.Map: int64");
        assertRuntimeError(() -> run(STRICT, ContextKind.LOG, logs, "set(severity_number, body)"), "expects int64 but got string");
        assertThat(span.name()).isEqualTo("GET /");
        assertThat(log.severityNumber()).isEqualTo(9);
    }

    @Test
    void strictSettersStillWriteValuesOfTheRightType() throws Exception {
        span(STRICT, "set(name, attributes[\"s\"])", "set(status.code, STATUS_CODE_ERROR)", "set(span_id.string, \"0102030405060708\")",
                "set(start_time, Now())", "set(attributes, {\"only\": 1})");
        assertThat(span.name()).isEqualTo("abc");
        assertThat(span.status().code()).isEqualTo(2);
        assertThat(span.spanId().toHex()).isEqualTo("0102030405060708");
        assertThat(span.attributes().get("only")).isEqualTo(1L);
    }

    @Test
    void strictSettersRejectWrongConstantsWhenTheStatementCompiles() {
        assertCompileError("set(name, 1)", "name expects string but got int64", 11);
        assertCompileError("set(span_id, \"x\")", "span_id expects pcommon.SpanID but got string", 14);
        assertCompileError("set(status.code, \"a\")", "status.code expects int64 but got string", 18);
        assertCompileError("set(start_time, 1)", "start_time expects time.Time but got int64", 17);
        assertCompileError("set(attributes, 1.5)", "attributes unsupported type provided for setting a pcommon.Map: float64", 17);
    }

    @Test
    void constantsAreNotCheckedWithoutTheGate() throws Exception {
        // the baseline compiles them (and ignores the write); nil constants are left to the runtime under every gate
        BASELINE.compileStatements(ContextKind.SPAN, List.of("set(name, 1)"), ErrorMode.PROPAGATE);
        ALLOW_NIL.compileStatements(ContextKind.SPAN, List.of("set(name, 1)", "set(name, nil)"), ErrorMode.PROPAGATE);
        STRICT.compileStatements(ContextKind.SPAN, List.of("set(name, nil)", "set(name, \"ok\")", "set(kind, SPAN_KIND_SERVER)"),
                ErrorMode.PROPAGATE);
    }

    @Test
    void allowNilRefusesNilForTypedFieldsAndEmptiesContainers() throws Exception {
        assertRuntimeError(() -> span(ALLOW_NIL, "set(name, nil)"), "setting a value to nil is not supported");
        assertRuntimeError(() -> span(ALLOW_NIL, "set(span_id, nil)"), "setting a value to nil is not supported");
        assertRuntimeError(() -> span(ALLOW_NIL, "set(status, nil)"), "setting a value to nil is not supported");
        // wrong types stay ignored: that half is the strict gate's
        span(ALLOW_NIL, "set(name, 1)", "set(attributes[\"s\"], nil)", "set(events, nil)");
        assertThat(span.name()).isEqualTo("GET /");
        assertThat(span.attributes().get("s")).isEqualTo(AnyValue.EMPTY);
        assertThat(span.events()).isEmpty();
        span(ALLOW_NIL, "set(attributes, nil)");
        assertThat(span.attributes().size()).isZero();
        run(ALLOW_NIL, ContextKind.LOG, logs, "set(body, nil)");
        assertThat(log.body()).isEqualTo(AnyValue.EMPTY);
    }

    @Test
    void dataPointPathsCheckTheTypeBeforeThePointKind() throws Exception {
        // count does not apply to a gauge point: the right type is ignored there, the wrong one is an error (upstream's order)
        Ottl strict = STRICT;
        run(strict, ContextKind.DATAPOINT, metrics, "set(count, 5) where metric.name == \"g\"");
        assertRuntimeError(() -> run(strict, ContextKind.DATAPOINT, metrics, "set(count, attributes[\"missing\"]) where metric.name == \"g\"",
                "set(count, Double(1))"), "expects int64 but got float64");
        assertRuntimeError(() -> run(strict, ContextKind.DATAPOINT, metrics, "set(explicit_bounds, [\"a\"])"),
                "expects []float64 but got []interface {}");
        run(strict, ContextKind.DATAPOINT, metrics, "set(bucket_counts, [3, 4, 5]) where metric.name == \"h\"");
        assertThat(histogramPoint.bucketCounts()).containsExactly(3, 4, 5);
        assertRuntimeError(() -> run(strict, ContextKind.METRIC, metrics, "set(is_monotonic, name)"), "expects bool but got string");
        run(strict, ContextKind.METRIC, metrics, "set(type, \"anything\")"); // upstream's type setter does nothing
    }

    @Test
    void allowNilClearsDataPointLists() throws Exception {
        run(ALLOW_NIL, ContextKind.DATAPOINT, metrics, "set(bucket_counts, nil)", "set(explicit_bounds, nil)", "set(exemplars, nil)");
        assertThat(histogramPoint.bucketCounts()).isEmpty();
        assertThat(histogramPoint.explicitBounds()).isEmpty();
        assertRuntimeError(() -> run(ALLOW_NIL, ContextKind.DATAPOINT, metrics, "set(value_int, nil)"), "setting a value to nil is not supported");
        assertThat(gaugePoint.intValue()).isEqualTo(1);
    }

    @Test
    void clearOfANilPathFollowsThePolicy() throws Exception {
        // clear() of a path that reads nil writes nil: ignored at the baseline, ErrSetNil once nil reaches setters
        run(BASELINE, ContextKind.DATAPOINT, metrics, "clear(count) where metric.name == \"g\"");
        assertRuntimeError(() -> run(ALLOW_NIL, ContextKind.DATAPOINT, metrics, "clear(count) where metric.name == \"g\""),
                "setting a value to nil is not supported");
    }

    @Test
    void clearEmptiesRecordLists() throws Exception {
        // the zero value of events is an empty list, which the events setter takes under every policy
        span(STRICT, "clear(events)");
        assertThat(span.events()).isEmpty();
        run(BASELINE, ContextKind.DATAPOINT, metrics, "clear(bucket_counts) where metric.name == \"h\"");
        assertThat(histogramPoint.bucketCounts()).isEmpty();
    }

    private static void assertRuntimeError(ThrowingRun run, String message) {
        assertThatThrownBy(run::run).isInstanceOf(OttlRuntimeException.class).hasMessageContaining(message);
    }

    private void assertCompileError(String statement, String message, int column) {
        assertThatThrownBy(() -> STRICT.compileStatements(ContextKind.SPAN, List.of(statement), ErrorMode.PROPAGATE))
                .isInstanceOfSatisfying(OttlCompileException.class, e -> {
                    Diagnostic d = e.problems().get(0).diagnostic();
                    assertThat(d.code()).isEqualTo("OTTL-E112");
                    assertThat(d.message()).contains(message);
                    assertThat(d.span().line()).isEqualTo(1);
                    assertThat(d.span().column()).isEqualTo(column);
                });
    }

    @FunctionalInterface
    private interface ThrowingRun {
        void run() throws Exception;
    }
}

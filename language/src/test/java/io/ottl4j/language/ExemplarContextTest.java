package io.ottl4j.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.language.inspect.PathCatalog;
import io.ottl4j.language.inspect.PathInfo;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.Exemplar;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exemplar context through the public API: its records, every path's type on read and on write, its parents, and
 * the catalog the REPL and the language server complete from. (Path-by-path coverage in the test-file format is in
 * cli/src/test/resources/contexts/exemplar.yaml.)
 */
class ExemplarContextTest {
    private final Ottl ottl = Ottl.create();

    private static TelemetryBatch<Metric> batch() {
        TelemetryBatch<Metric> b = TelemetryBatch.metrics();
        ScopeGroup<Metric> sg = b.addResource().addScope();
        Metric gauge = new Metric();
        gauge.setName("g");
        gauge.setType(MetricType.GAUGE);
        NumberDataPoint p = gauge.addNumberDataPoint();
        p.setIntValue(9);
        Exemplar x = new Exemplar();
        x.setTimeUnixNano(1_000_000_000L);
        x.setIntValue(5);
        x.setTraceId(TraceId.fromHex("0102030405060708090a0b0c0d0e0f10"));
        x.setSpanId(SpanId.fromHex("0102030405060708"));
        x.filteredAttributes().put("k", "v");
        p.exemplars().add(x);
        sg.items().add(gauge);
        Metric histogram = new Metric();
        histogram.setName("h");
        histogram.setType(MetricType.HISTOGRAM);
        HistogramDataPoint h = histogram.addHistogramDataPoint();
        Exemplar y = new Exemplar();
        y.setDoubleValue(0.5);
        h.exemplars().add(y);
        sg.items().add(histogram);
        Metric summary = new Metric();
        summary.setName("s");
        summary.setType(MetricType.SUMMARY);
        summary.addSummaryDataPoint().exemplars().add(new Exemplar());
        sg.items().add(summary);
        return b;
    }

    private Object eval(TransformContext record, String expression) throws OttlCompileException {
        return ottl.compileExpression(ContextKind.EXEMPLAR, expression).evaluate(record);
    }

    @Test
    void theContextIsNamedExemplarAndBelongsToMetrics() {
        assertThat(ContextKind.parse("exemplar")).isEqualTo(ContextKind.EXEMPLAR);
        assertThat(ContextKind.EXEMPLAR.signals()).containsExactly(Signal.METRICS);
        assertThatThrownBy(() -> ContextKind.parse("exemplars")).hasMessageContaining("exemplar");
    }

    @Test
    void recordsAreTheExemplarsOfEveryPointButSummaries() {
        List<TransformContext> records = Records.list(ContextKind.EXEMPLAR, batch());
        assertThat(records).hasSize(2);
        assertThat(records.get(0).metric().name()).isEqualTo("g");
        assertThat(records.get(0).dataPoint()).isInstanceOf(NumberDataPoint.class);
        assertThat(records.get(1).exemplar().doubleValue()).isEqualTo(0.5);
        assertThatThrownBy(() -> Records.list(ContextKind.EXEMPLAR, TelemetryBatch.logs()))
                .hasMessageContaining("the exemplar context does not exist for logs");
    }

    @Test
    void pathsReadUpstreamsTypes() throws Exception {
        TransformContext r = Records.list(ContextKind.EXEMPLAR, batch()).get(0);
        assertThat(eval(r, "time_unix_nano")).isEqualTo(1_000_000_000L);
        assertThat(eval(r, "time")).isEqualTo(ZonedDateTime.of(1970, 1, 1, 0, 0, 1, 0, ZoneOffset.UTC));
        assertThat(eval(r, "int_value")).isEqualTo(5L);
        assertThat(eval(r, "double_value")).isEqualTo(0.0);
        assertThat(eval(r, "trace_id")).isEqualTo(TraceId.fromHex("0102030405060708090a0b0c0d0e0f10"));
        assertThat(eval(r, "span_id")).isEqualTo(SpanId.fromHex("0102030405060708"));
        assertThat(eval(r, "filtered_attributes")).isInstanceOf(AttributeMap.class);
        assertThat(eval(r, "filtered_attributes[\"k\"]")).isEqualTo("v");
        assertThat(eval(r, "exemplar.int_value")).isEqualTo(5L);
        assertThat(eval(r, "datapoint.value_int")).isEqualTo(9L);
        assertThat(eval(r, "metric.name")).isEqualTo("g");
        assertThat(eval(r, "Len(datapoint.exemplars)")).isEqualTo(1L);
    }

    @Test
    void settersWriteTheirTypeAndIgnoreOthers() throws Exception {
        TelemetryBatch<Metric> b = batch();
        ottl.compileStatements(ContextKind.EXEMPLAR, List.of(
                "set(double_value, 2.5)",
                "set(int_value, \"7\")",
                "set(time_unix_nano, 3)",
                "set(span_id, SpanID(0x0000000000000001))",
                "set(trace_id, \"nope\")",
                "set(filtered_attributes[\"n\"], datapoint.value_int)",
                "set(datapoint.attributes[\"seen\"], true)"), ErrorMode.PROPAGATE).execute(b);
        Exemplar x = b.resources().get(0).scopes().get(0).items().get(0).dataPoints().get(0).exemplars().get(0);
        assertThat(x.valueKind()).isEqualTo(NumberDataPoint.NumberKind.DOUBLE);
        assertThat(x.doubleValue()).isEqualTo(2.5);
        assertThat(x.timeUnixNano()).isEqualTo(3L);
        assertThat(x.spanId().toHex()).isEqualTo("0000000000000001");
        assertThat(x.traceId().toHex()).isEqualTo("0102030405060708090a0b0c0d0e0f10");
        assertThat(x.filteredAttributes().get("n")).isEqualTo(9L);
        assertThat(b.resources().get(0).scopes().get(0).items().get(1).dataPoints().get(0).attributes().get("seen")).isEqualTo(true);
    }

    @Test
    void aSharedCacheIsSeenByEveryRecordAndEveryGroupGivenIt() throws Exception {
        TelemetryBatch<Metric> b = batch();
        AttributeMap shared = new AttributeMap();
        ottl.compileStatements(ContextKind.EXEMPLAR, List.of("set(cache[metric.name], true)"), ErrorMode.PROPAGATE).execute(b, shared);
        assertThat(shared.keys()).containsExactly("g", "h");
        ottl.compileStatements(ContextKind.EXEMPLAR, List.of("set(filtered_attributes[\"both\"], true) where cache[\"g\"] == true and cache[\"h\"] == true"),
                ErrorMode.PROPAGATE).execute(b, shared);
        assertThat(Records.list(ContextKind.EXEMPLAR, b)).allSatisfy(r -> assertThat(r.exemplar().filteredAttributes().get("both")).isEqualTo(true));
    }

    @Test
    void theCatalogListsOwnAndParentPaths() {
        PathCatalog c = PathCatalog.of(ContextKind.EXEMPLAR);
        assertThat(c.ownPaths()).extracting(PathInfo::path).contains("time_unix_nano", "time", "double_value", "int_value", "trace_id",
                "span_id", "filtered_attributes", "cache").doesNotContain("trace_id.string", "attributes");
        assertThat(c.prefixedPaths().keySet()).contains("exemplar", "datapoint", "metric", "resource", "scope", "instrumentation_scope");
        assertThat(c.allPaths()).extracting(PathInfo::path).contains("datapoint.value_int", "metric.name", "resource.attributes");
        assertThat(c.enums()).isEmpty();
    }

    @Test
    void enumsAndForeignCachesAreRejected() {
        assertThatThrownBy(() -> ottl.compileConditions(ContextKind.EXEMPLAR, List.of("datapoint.flags == FLAG_NONE"), LogicOperation.OR,
                ErrorMode.PROPAGATE)).isInstanceOf(OttlCompileException.class)
                .hasMessageContaining("enums aren't supported in the exemplar context");
        assertThatThrownBy(() -> eval(null, "datapoint.cache[\"x\"]")).isInstanceOf(OttlCompileException.class);
        assertThatThrownBy(() -> eval(null, "trace_id.string")).isInstanceOf(OttlCompileException.class)
                .hasMessageContaining("the path section \"string\" was not used by the exemplar context");
    }
}

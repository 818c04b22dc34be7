package io.ottl4j.pdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.pdata.NumberDataPoint.NumberKind;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void defaultsAreEmptyNeverNull() {
        Span s = new Span();
        assertThat(s.name()).isEmpty();
        assertThat(s.traceState()).isEmpty();
        assertThat(s.traceId()).isSameAs(TraceId.EMPTY);
        assertThat(s.parentSpanId()).isSameAs(SpanId.EMPTY);
        assertThat(s.status().code()).isZero();
        assertThat(s.status().message()).isEmpty();
        assertThat(s.events()).isEmpty();
        LogRecord l = new LogRecord();
        assertThat(l.body()).isSameAs(AnyValue.EMPTY);
        assertThat(l.eventName()).isEmpty();
        Metric m = new Metric();
        assertThat(m.type()).isEqualTo(MetricType.EMPTY);
        assertThat(new InstrumentationScope().version()).isEmpty();
        assertThatThrownBy(() -> s.setName(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> l.setBody(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void batchDeepCopyIsIndependent() {
        TelemetryBatch<Span> batch = TelemetryBatch.traces();
        ResourceGroup<Span> rg = batch.addResource();
        rg.resource().attributes().putString("service.name", "a");
        rg.setSchemaUrl("s1");
        ScopeGroup<Span> sg = rg.addScope();
        sg.scope().setName("lib");
        Span span = new Span();
        span.setName("op");
        span.attributes().putEmptyMap("m").putLong("x", 1);
        SpanEvent ev = new SpanEvent();
        ev.setName("e");
        span.events().add(ev);
        SpanLink link = new SpanLink();
        link.attributes().putString("k", "v");
        span.links().add(link);
        span.status().setCode(Status.CODE_ERROR);
        sg.items().add(span);

        TelemetryBatch<Span> copy = batch.deepCopy();
        span.setName("changed");
        ((AttributeMap) span.attributes().get("m")).putLong("x", 2);
        ev.setName("changed");
        link.attributes().clear();
        span.status().setCode(Status.CODE_OK);
        rg.resource().attributes().putString("service.name", "b");
        sg.scope().setName("other");

        Span c = copy.resources().get(0).scopes().get(0).items().get(0);
        assertThat(c.name()).isEqualTo("op");
        assertThat(((AttributeMap) c.attributes().get("m")).get("x")).isEqualTo(1L);
        assertThat(c.events().get(0).name()).isEqualTo("e");
        assertThat(c.links().get(0).attributes().get("k")).isEqualTo("v");
        assertThat(c.status().code()).isEqualTo(Status.CODE_ERROR);
        assertThat(copy.resources().get(0).resource().attributes().get("service.name")).isEqualTo("a");
        assertThat(copy.resources().get(0).schemaUrl()).isEqualTo("s1");
        assertThat(copy.resources().get(0).scopes().get(0).scope().name()).isEqualTo("lib");
        assertThat(copy.itemCount()).isEqualTo(1);
        assertThat(copy.signal()).isEqualTo(Signal.TRACES);
    }

    @Test
    void logDeepCopyCopiesTheBody() {
        LogRecord l = new LogRecord();
        AttributeMap body = new AttributeMap();
        body.putString("msg", "hi");
        l.setBody(body);
        LogRecord c = l.deepCopy();
        body.putString("msg", "changed");
        assertThat(((AttributeMap) c.body()).get("msg")).isEqualTo("hi");
    }

    @Test
    void metricDeepCopyCopiesPointsExemplarsAndArrays() {
        Metric m = new Metric();
        m.setType(MetricType.HISTOGRAM);
        HistogramDataPoint h = m.addHistogramDataPoint();
        h.setBucketCounts(new long[] {1, 2});
        h.setExplicitBounds(new double[] {0.5});
        h.setSum(3);
        Exemplar e = new Exemplar();
        e.setIntValue(4);
        h.exemplars().add(e);
        Metric c = m.deepCopy();
        h.bucketCounts()[0] = 99;
        e.setDoubleValue(1.5);
        HistogramDataPoint ch = (HistogramDataPoint) c.dataPoints().get(0);
        assertThat(ch.bucketCounts()).containsExactly(1, 2);
        assertThat(ch.explicitBounds()).containsExactly(0.5);
        assertThat(ch.hasSum()).isTrue();
        assertThat(ch.exemplars().get(0).valueKind()).isEqualTo(NumberKind.INT);
        assertThat(ch.exemplars().get(0).intValue()).isEqualTo(4);

        Metric eh = new Metric();
        eh.setType(MetricType.EXPONENTIAL_HISTOGRAM);
        ExponentialHistogramDataPoint p = eh.addExponentialHistogramDataPoint();
        p.positive().setBucketCounts(new long[] {5});
        ExponentialHistogramDataPoint pc = (ExponentialHistogramDataPoint) eh.deepCopy().dataPoints().get(0);
        p.positive().bucketCounts()[0] = 6;
        assertThat(pc.positive().bucketCounts()).containsExactly(5);
    }

    @Test
    void setTypeKeepsNumberPointsBetweenGaugeAndSumAndClearsOtherwise() {
        Metric m = new Metric();
        m.setType(MetricType.SUM);
        m.setAggregationTemporality(Metric.TEMPORALITY_CUMULATIVE);
        m.setMonotonic(true);
        m.addNumberDataPoint().setIntValue(5);
        m.setType(MetricType.GAUGE);
        assertThat(m.dataPoints()).hasSize(1);
        assertThat(m.isMonotonic()).isFalse();
        assertThat(m.aggregationTemporality()).isZero();
        m.setType(MetricType.HISTOGRAM);
        assertThat(m.dataPoints()).isEmpty();
        assertThatThrownBy(m::addNumberDataPoint).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HISTOGRAM");
        assertThat(m.addDataPoint()).isInstanceOf(HistogramDataPoint.class);
        assertThatThrownBy(() -> new Metric().addDataPoint()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numberPointValueSwitchesKind() {
        NumberDataPoint p = new NumberDataPoint();
        assertThat(p.valueKind()).isEqualTo(NumberKind.EMPTY);
        p.setIntValue(7);
        assertThat(p.doubleValue()).isZero();
        assertThat(p.intValue()).isEqualTo(7);
        p.setDoubleValue(2.5);
        assertThat(p.valueKind()).isEqualTo(NumberKind.DOUBLE);
        assertThat(p.intValue()).isZero();
        assertThat(p.doubleValue()).isEqualTo(2.5);
    }

    @Test
    void batchCountsAndCasts() {
        TelemetryBatch<Metric> batch = TelemetryBatch.metrics();
        ScopeGroup<Metric> sg = batch.addResource().addScope();
        Metric m = new Metric();
        m.setType(MetricType.GAUGE);
        m.addNumberDataPoint();
        m.addNumberDataPoint();
        sg.items().add(m);
        sg.items().add(new Metric());
        assertThat(batch.itemCount()).isEqualTo(2);
        assertThat(batch.dataPointCount()).isEqualTo(2);
        TelemetryBatch<?> any = batch;
        assertThat(any.asMetrics()).isSameAs(batch);
        assertThatThrownBy(any::asLogs).isInstanceOf(IllegalStateException.class);
        assertThat(TelemetryBatch.of(Signal.LOGS).signal()).isEqualTo(Signal.LOGS);
        assertThat(MetricType.forNumber(4)).isEqualTo(MetricType.EXPONENTIAL_HISTOGRAM);
        assertThat(MetricType.forNumber(9)).isNull();
    }
}

package io.ottl4j.collector.datadog.stats;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ottl4j.collector.datadog.pb.trace.StatsPayload;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * How APM stats travel from the connector to the exporter, as upstream: a metric named
 * {@code dd.internal.stats.payload}, a Sum with one data point whose bytes attribute of the same name holds
 * the protobuf {@link StatsPayload}.
 */
public final class StatsMetric {
    public static final String NAME = "dd.internal.stats.payload";

    private StatsMetric() {
    }

    public static TelemetryBatch<Metric> toMetrics(StatsPayload p) {
        TelemetryBatch<Metric> out = TelemetryBatch.metrics();
        ResourceGroup<Metric> rg = out.addResource();
        ScopeGroup<Metric> sg = rg.addScope();
        sg.scope().setName("datadogconnector");
        Metric m = new Metric();
        m.setName(NAME);
        m.setType(MetricType.SUM);
        NumberDataPoint dp = m.addNumberDataPoint();
        dp.attributes().putBytes(NAME, p.toByteArray());
        sg.items().add(m);
        return out;
    }

    /** The payloads a stats metric carries (one per data point, as upstream reads them); empty when it is not one. */
    public static List<StatsPayload> fromMetric(Metric m) throws InvalidProtocolBufferException {
        if (!NAME.equals(m.name()) || m.type() != MetricType.SUM) {
            return List.of();
        }
        List<StatsPayload> out = new ArrayList<>(1);
        for (DataPoint dp : m.dataPoints()) {
            if (dp.attributes().get(NAME) instanceof byte[] b) {
                out.add(StatsPayload.parseFrom(b));
            }
        }
        return out;
    }
}

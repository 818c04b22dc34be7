package io.ottl4j.collector.connector.datadog;

import io.ottl4j.collector.component.ConnectorFactory;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.PipelineId;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.datadog.mapping.TraceConfig;
import io.ottl4j.collector.datadog.stats.SpanStats;
import io.ottl4j.collector.service.internal.Fanout;
import io.ottl4j.pdata.Signal;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

/**
 * The {@code datadog} connector (collector-spec §4.5): traces → traces passes spans through unchanged;
 * traces → metrics computes Datadog APM stats from every span and emits them as the
 * {@code dd.internal.stats.payload} metric that the datadog exporter ships to the stats intake.
 */
public final class DatadogConnectorFactory implements ConnectorFactory<DatadogConnectorFactory.Config> {
    public record Config(TraceConfig traces) {
    }

    @Override
    public String type() {
        return "datadog";
    }

    @Override
    public String description() {
        return "computes Datadog APM stats from traces (before sampling) and passes traces through";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA);
    }

    @Override
    public Set<Pair> pairs() {
        return Set.of(new Pair(Signal.TRACES, Signal.TRACES), new Pair(Signal.TRACES, Signal.METRICS));
    }

    @Override
    public Config decode(Conf c) {
        return new Config(TraceConfig.decode(c.child("traces"), true, ""));
    }

    @Override
    public Connector create(CreateSettings settings, Config config, Signal in, Signal out, Map<PipelineId, Consumer> next) {
        Consumer fanout = Fanout.of(new ArrayList<>(next.values()));
        if (out == Signal.TRACES) {
            return new Connector() {
                @Override
                public void consume(io.ottl4j.pdata.TelemetryBatch<?> batch) throws Exception {
                    // as upstream: the resources whose stats this connector computes are marked, so an exporter
                    // (or agent) computing stats further on does not count them again
                    for (io.ottl4j.pdata.ResourceGroup<?> rg : batch.resources()) {
                        rg.resource().attributes().putBool(SpanStats.STATS_COMPUTED, true);
                    }
                    fanout.consume(batch);
                }

                @Override
                public boolean mutatesData() {
                    return true; // the mark above
                }
            };
        }
        return new StatsConnector(settings, config.traces(), fanout, System::currentTimeMillis);
    }
}

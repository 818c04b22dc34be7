package io.ottl4j.collector.connector.forward;

import io.ottl4j.collector.component.ConnectorFactory;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.PipelineId;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.service.internal.Fanout;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

/** The {@code forward} connector: passes data unchanged to every pipeline of the same signal it feeds. */
public final class ForwardConnectorFactory implements ConnectorFactory<ForwardConnectorFactory.Config> {
    public record Config() {
    }

    @Override
    public String type() {
        return "forward";
    }

    @Override
    public String description() {
        return "joins pipelines of the same signal";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA,
                Signal.PROFILES, Stability.DEVELOPMENT);
    }

    @Override
    public Set<Pair> pairs() {
        return Set.of(new Pair(Signal.TRACES, Signal.TRACES), new Pair(Signal.METRICS, Signal.METRICS), new Pair(Signal.LOGS, Signal.LOGS),
                new Pair(Signal.PROFILES, Signal.PROFILES));
    }

    @Override
    public Config decode(Conf c) {
        return new Config();
    }

    @Override
    public Connector create(CreateSettings settings, Config config, Signal in, Signal out, Map<PipelineId, Consumer> next) {
        Consumer fan = Fanout.of(new ArrayList<>(next.values()));
        return new Connector() {
            @Override
            public void consume(TelemetryBatch<?> batch) throws Exception {
                fan.consume(batch);
            }

            @Override
            public boolean mutatesData() {
                return fan.mutatesData(); // passes the batch on as is: mutating downstream pipelines mutate it
            }
        };
    }
}

package io.ottl4j.collector.component;

import io.ottl4j.pdata.Signal;
import java.util.Map;
import java.util.Set;

/**
 * Connectors: the exporter of some pipelines and the receiver of others. One instance per
 * (input signal, output signal, ID); {@code next} holds the first consumer of every pipeline of the output
 * signal the connector feeds, by pipeline ID (routing needs them apart; others fan out to all).
 */
public interface ConnectorFactory<C> extends Factory<C> {
    @Override
    default Kind kind() {
        return Kind.CONNECTOR;
    }

    /** Supported (input, output) signal pairs. */
    Set<Pair> pairs();

    Connector create(CreateSettings settings, C config, Signal in, Signal out, Map<PipelineId, Consumer> next) throws Exception;

    record Pair(Signal in, Signal out) {
    }

    interface Connector extends Component, Consumer {
    }
}

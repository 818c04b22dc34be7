package io.ottl4j.collector.processor.attributes;

import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.processor.internal.AttributeActions;
import io.ottl4j.collector.processor.internal.MatchProperties;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.Map;

/**
 * The {@code attributes} processor: attribute actions on span, log record and data point attributes,
 * optionally limited by {@code include}/{@code exclude} match properties.
 */
public final class AttributesProcessorFactory implements ProcessorFactory<AttributesProcessorFactory.Config> {
    public record Config(AttributeActions actions, MatchProperties include, MatchProperties exclude) {
    }

    @Override
    public String type() {
        return "attributes";
    }

    @Override
    public String description() {
        return "inserts, updates, deletes, hashes, extracts or converts span, log and data point attributes";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA);
    }

    @Override
    public Config decode(Conf c) {
        AttributeActions actions = AttributeActions.decode(c, "actions");
        if (actions.actions().isEmpty()) {
            c.error("actions", "error creating \"attributes\" processor due to missing required field \"actions\"");
        }
        return new Config(actions, MatchProperties.decode(c, "include"), MatchProperties.decode(c, "exclude"));
    }

    @Override
    public Processor create(CreateSettings settings, Config config, Signal signal, Consumer next) {
        return new Processor() {
            @Override
            public void consume(TelemetryBatch<?> batch) throws Exception {
                for (ResourceGroup<?> rg : batch.resources()) {
                    for (ScopeGroup<?> sg : rg.scopes()) {
                        for (Object item : sg.items()) {
                            if (config.include() != null && !config.include().matches(rg.resource(), sg.scope(), item)) {
                                continue;
                            }
                            if (config.exclude() != null && config.exclude().matches(rg.resource(), sg.scope(), item)) {
                                continue;
                            }
                            switch (item) {
                                case Span s -> config.actions().apply(s.attributes());
                                case LogRecord l -> config.actions().apply(l.attributes());
                                case Metric m -> {
                                    for (DataPoint p : m.dataPoints()) {
                                        config.actions().apply(p.attributes());
                                    }
                                }
                                default -> { }
                            }
                        }
                    }
                }
                next.consume(batch);
            }

            @Override
            public boolean mutatesData() {
                return true;
            }
        };
    }
}

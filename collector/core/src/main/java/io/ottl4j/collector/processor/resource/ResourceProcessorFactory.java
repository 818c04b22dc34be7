package io.ottl4j.collector.processor.resource;

import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.processor.internal.AttributeActions;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.Map;

/** The {@code resource} processor: attribute actions on resource attributes. */
public final class ResourceProcessorFactory implements ProcessorFactory<ResourceProcessorFactory.Config> {
    public record Config(AttributeActions actions) {
    }

    @Override
    public String type() {
        return "resource";
    }

    @Override
    public String description() {
        return "inserts, updates, deletes, hashes or converts resource attributes";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA,
                Signal.PROFILES, Stability.DEVELOPMENT);
    }

    @Override
    public Config decode(Conf c) {
        AttributeActions actions = AttributeActions.decode(c, "attributes");
        if (actions.actions().isEmpty()) {
            c.error("attributes", "missing required field \"attributes\"");
        }
        return new Config(actions);
    }

    @Override
    public Processor create(CreateSettings settings, Config config, Signal signal, Consumer next) {
        return new Processor() {
            @Override
            public void consume(TelemetryBatch<?> batch) throws Exception {
                for (ResourceGroup<?> rg : batch.resources()) {
                    config.actions().apply(rg.resource().attributes());
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

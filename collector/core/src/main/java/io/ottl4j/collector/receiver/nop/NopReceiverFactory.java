package io.ottl4j.collector.receiver.nop;

import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ReceiverFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.pdata.Signal;
import java.util.Map;

/** The {@code nop} receiver: receives nothing (a placeholder that keeps a pipeline valid). No settings. */
public final class NopReceiverFactory implements ReceiverFactory<Boolean> {
    @Override
    public String type() {
        return "nop";
    }

    @Override
    public String description() {
        return "receives nothing";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA,
                Signal.PROFILES, Stability.BETA);
    }

    @Override
    public Boolean decode(Conf conf) {
        return Boolean.TRUE;
    }

    @Override
    public Component create(CreateSettings settings, Boolean config, Map<Signal, Consumer> next) {
        return new Component() {
        };
    }
}

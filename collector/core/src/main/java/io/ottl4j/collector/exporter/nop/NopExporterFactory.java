package io.ottl4j.collector.exporter.nop;

import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.Map;

/** The {@code nop} exporter: accepts and discards everything. No settings. */
public final class NopExporterFactory implements ExporterFactory<Boolean> {
    @Override
    public String type() {
        return "nop";
    }

    @Override
    public String description() {
        return "discards everything";
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
    public Exporter create(CreateSettings settings, Boolean config, Signal signal) {
        return new Exporter() {
            @Override
            public void consume(TelemetryBatch<?> batch) {
            }
        };
    }
}

package io.ottl4j.collector.component;

import io.ottl4j.collector.telemetry.ComponentLogs;
import io.ottl4j.collector.telemetry.SelfTelemetry;
import io.ottl4j.pdata.Signal;
import java.util.Set;
import java.util.logging.Logger;

/** What a factory gets when it creates a component. */
public record CreateSettings(ComponentId id, Kind kind, SelfTelemetry telemetry, Set<String> featureGates, String buildVersion) {
    /** The component's logger; its lines carry otelcol.component.id and otelcol.component.kind. */
    public Logger logger() {
        return ComponentLogs.logger(kind, id, null);
    }

    /** The logger of the component's instance for one signal; its lines also carry otelcol.signal. */
    public Logger logger(Signal signal) {
        return ComponentLogs.logger(kind, id, signal);
    }

    /** Reports this component's status (upstream's componentstatus); health_check turns unhealthy on permanent/fatal. */
    public void reportStatus(ComponentStatus status, Throwable error) {
        if (telemetry != null) {
            telemetry.status().report(kind, id, status, error);
        }
    }
}

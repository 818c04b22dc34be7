package io.ottl4j.collector.component;

import io.ottl4j.collector.telemetry.SelfTelemetry;
import java.util.Set;
import java.util.logging.Logger;

/** What a factory gets when it creates a component. */
public record CreateSettings(ComponentId id, Kind kind, SelfTelemetry telemetry, Set<String> featureGates, String buildVersion) {
    public Logger logger() {
        return Logger.getLogger("io.ottl4j.collector." + kind.singular() + "." + id);
    }
}

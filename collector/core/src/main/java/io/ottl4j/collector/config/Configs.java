package io.ottl4j.collector.config;

import io.ottl4j.collector.component.Components;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resolve + decode + validate in one call, as {@code ottl collector} and {@code ottl validate} do. */
public final class Configs {
    private Configs() {
    }

    /** With no config sources, the embedded default configuration. */
    public static CollectorConfig load(List<String> configs, List<String> sets, Map<String, String> env, Components components,
            Set<String> featureGates) throws ConfigException {
        List<String> sources = configs.isEmpty() ? List.of("embedded:default") : configs;
        ConfigNode.MapNode root = new ConfigLoader(env).load(sources, sets);
        return CollectorConfig.from(root, components, featureGates);
    }
}

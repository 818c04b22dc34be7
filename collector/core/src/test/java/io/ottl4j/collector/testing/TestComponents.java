package io.ottl4j.collector.testing;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Factory;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigException;
import io.ottl4j.collector.config.ConfigProblem;
import io.ottl4j.collector.config.Problems;
import io.ottl4j.collector.config.YamlReader;
import io.ottl4j.collector.telemetry.SelfTelemetry;
import java.util.List;
import java.util.Set;

/** Decodes one component's YAML through its factory, as the config loader does, for component tests. */
public final class TestComponents {
    private TestComponents() {
    }

    /** The decoded config; a {@link ConfigException} with every problem when the YAML is invalid. */
    public static <C> C decode(Factory<C> factory, String yaml) throws ConfigException {
        Problems problems = new Problems();
        Conf c = new Conf(YamlReader.read(yaml.isBlank() ? "{}" : yaml, "test.yaml"), factory.type(), problems);
        C config = factory.decode(c);
        c.finish();
        problems.throwIfAny();
        return config;
    }

    /** The problems' messages of an invalid YAML (empty when it is valid). */
    public static List<String> problems(Factory<?> factory, String yaml) {
        try {
            decode(factory, yaml);
            return List.of();
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::format).toList();
        }
    }

    public static CreateSettings settings(Kind kind, String id) {
        return new CreateSettings(ComponentId.parse(id), kind, SelfTelemetry.noop(), Set.of(), "test");
    }
}

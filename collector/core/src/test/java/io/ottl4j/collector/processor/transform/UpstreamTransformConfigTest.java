package io.ottl4j.collector.processor.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.collector.config.ConfigProblem;
import io.ottl4j.collector.config.Problems;
import io.ottl4j.collector.config.YamlReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Upstream's transform processor fixture (resources/upstream/transform/config.yaml) with upstream's verdicts. */
class UpstreamTransformConfigTest {
    /** Component ID → whether upstream accepts it (config_test.go; mixed styles fail its Config.Unmarshal). */
    private static final Map<String, Boolean> VERDICTS = Map.ofEntries(
            Map.entry("transform", true),
            Map.entry("transform/with_conditions", true),
            Map.entry("transform/ignore_errors", true),
            Map.entry("transform/bad_syntax_log", false),
            Map.entry("transform/bad_syntax_metric", false),
            Map.entry("transform/bad_syntax_trace", false),
            Map.entry("transform/bad_syntax_multi_signal", false),
            Map.entry("transform/unknown_function_log", false),
            Map.entry("transform/unknown_function_metric", false),
            Map.entry("transform/unknown_function_trace", false),
            Map.entry("transform/unknown_context", false),
            Map.entry("transform/unknown_error_mode", false),
            Map.entry("transform/structured_configuration_with_path_context", true),
            Map.entry("transform/structured_configuration_with_inferred_context", true),
            Map.entry("transform/flat_configuration", true),
            Map.entry("transform/mixed_configuration_styles", false),
            Map.entry("transform/with_shared_cache_key", true),
            Map.entry("transform/context_statements_error_mode", true));

    @TestFactory
    Stream<DynamicTest> upstreamVerdicts() throws Exception {
        ConfigNode.MapNode all;
        try (InputStream in = getClass().getResourceAsStream("/upstream/transform/config.yaml")) {
            all = (ConfigNode.MapNode) YamlReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "config.yaml");
        }
        assertThat(all.entries().keySet()).containsExactlyInAnyOrderElementsOf(VERDICTS.keySet());
        return all.entries().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            List<ConfigProblem> problems = decode(e.getKey(), e.getValue());
            if (VERDICTS.get(e.getKey())) {
                assertThat(problems).as(e.getKey()).isEmpty();
            } else {
                assertThat(problems).as(e.getKey()).isNotEmpty();
            }
        }));
    }

    private static List<ConfigProblem> decode(String id, ConfigNode node) {
        Problems problems = new Problems();
        Conf c = new Conf(node, "processors::" + id, problems);
        new TransformProcessorFactory().decode(c);
        c.finish();
        return problems.list();
    }
}

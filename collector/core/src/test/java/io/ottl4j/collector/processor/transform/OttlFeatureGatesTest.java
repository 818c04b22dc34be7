package io.ottl4j.collector.processor.transform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.config.ConfigException;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.collector.config.YamlReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The collector's {@code --feature-gates} reach the OTTL its processors compile. */
class OttlFeatureGatesTest {
    private static final String CONFIG = """
            receivers: {otlp: {protocols: {grpc: {endpoint: "127.0.0.1:0"}}}}
            processors:
              transform:
                log_statements:
                  - set(log.attributes["parts"], Split(log.body, log.attributes["delimiter"]))
            exporters: {debug: {}}
            service: {pipelines: {logs: {receivers: [otlp], processors: [transform], exporters: [debug]}}}
            """;

    private static CollectorConfig load(Set<String> gates) throws ConfigException {
        return CollectorConfig.from((ConfigNode.MapNode) YamlReader.read(CONFIG, "gates.yaml"), Builtins.components(), gates);
    }

    @Test
    void anExpressionDelimiterNeedsTheCurrentSignaturesGate() {
        assertThatThrownBy(() -> load(Set.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("Split").hasMessageContaining("ottl.functions.currentSignatures");
        assertThatThrownBy(() -> load(Set.of("-ottl.functions.currentSignatures", "service.profilesSupport"))).isInstanceOf(ConfigException.class);
        assertThatCode(() -> load(Set.of("ottl.functions.currentSignatures"))).doesNotThrowAnyException();
        // and the gate does not stick to the next config decoded without it
        assertThatThrownBy(() -> load(Set.of())).isInstanceOf(ConfigException.class);
    }
}

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

/**
 * The collector's {@code --feature-gates} reach the OTTL its processors compile: current signatures, strict setters, the
 * {@code otelcol} context.
 */
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
        return load(CONFIG, gates);
    }

    private static CollectorConfig load(String yaml, Set<String> gates) throws ConfigException {
        return CollectorConfig.from((ConfigNode.MapNode) YamlReader.read(yaml, "gates.yaml"), Builtins.components(), gates);
    }

    /** The same pipeline with one log statement. */
    private static String withStatement(String statement) {
        return CONFIG.replace("set(log.attributes[\"parts\"], Split(log.body, log.attributes[\"delimiter\"]))", statement);
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

    @Test
    void aWrongTypedConstantIsRejectedOnlyUnderStrictSetters() {
        String yaml = withStatement("set(log.severity_number, \"bar\")");
        assertThatCode(() -> load(yaml, Set.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> load(yaml, Set.of("ottl.contexts.strictSetters"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("log.severity_number expects int64 but got string").hasMessageContaining("OTTL-E112");
    }

    @Test
    void otelcolPathsNeedTheirGate() {
        // what they read end to end: receiver.otlp.OtelcolContextEndToEndTest
        String yaml = withStatement("set(log.attributes[\"addr\"], otelcol.client.addr)");
        assertThatThrownBy(() -> load(yaml, Set.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ottl.contexts.enableOTelColContext");
        assertThatCode(() -> load(yaml, Set.of("ottl.contexts.enableOTelColContext"))).doesNotThrowAnyException();
    }
}

package io.ottl4j.collector.config;

import io.ottl4j.collector.Builtins;
import io.ottl4j.fuzz.Fuzz;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 fuzzing: the config loader takes any YAML text (mutations of the seed config, token soups, deep
 * nesting) and either builds a config or reports problems as a {@link ConfigException}; never another fault.
 */
class ConfigLoaderFuzzTest {
    private static final List<String> YAML_TOKENS = List.of("\n", "  ", ":", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: ", "!!map ",
            "receivers", "processors", "exporters", "service", "pipelines", "otlp", "batch", "\"", "'", "#", "${env:X}", "${file:/x}", "|",
            ">", "---", "? ", "null", "~", "1e9", "0x10");

    @TempDir
    Path dir;

    @Test
    void loaderNeverFaults() throws IOException {
        String seed;
        try (InputStream in = ConfigLoaderFuzzTest.class.getResourceAsStream("/fixtures/mastodon-collector.yaml")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path f = dir.resolve("config.yaml");
        Fuzz.check("config-loader", 0.5, r -> Fuzz.mutateText(r, seed, YAML_TOKENS), text -> {
            Files.writeString(f, text);
            CollectorConfig.from(new ConfigLoader(Map.of()).load(List.of(f.toString()), List.of()), Builtins.components(), Set.of());
        }, ConfigException.class);
    }
}

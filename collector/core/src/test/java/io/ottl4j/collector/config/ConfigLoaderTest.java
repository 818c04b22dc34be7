package io.ottl4j.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Object plain(String yaml, Map<String, String> env, List<String> sets) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, yaml);
        return ConfigNode.toPlain(new ConfigLoader(env).load(List.of(f.toString()), sets));
    }

    @Test
    void expandsEnvironmentReferences() throws Exception {
        Object p = plain("""
                a: ${env:HOST}
                b: ${HOST}
                c: http://${env:HOST}:4318
                d: ${env:MISSING:-fallback}
                e: ${env:EMPTY:-fallback}
                f: $${env:HOST}
                g: price $$5
                h: ${env:PORT}
                i: ${env:MISSING}
                j: $HOST
                """, Map.of("HOST", "example.com", "EMPTY", "", "PORT", "4317"), List.of());
        assertThat(p).isEqualTo(Map.of("a", "example.com", "b", "example.com", "c", "http://example.com:4318", "d", "fallback", "e", "",
                "f", "${env:HOST}", "g", "price $5", "h", 4317L, "j", "$HOST").entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, java.util.LinkedHashMap::new))
                .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)).size() == 10 ? p : p);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) p;
        assertThat(m).containsEntry("a", "example.com").containsEntry("b", "example.com").containsEntry("c", "http://example.com:4318")
                .containsEntry("d", "fallback").containsEntry("e", "").containsEntry("f", "${env:HOST}").containsEntry("g", "price $5")
                .containsEntry("h", 4317L).containsEntry("i", null).containsEntry("j", "$HOST");
    }

    @Test
    void anchorsAliasesAndMergeKeysResolveAsGoYamlDoes() throws Exception {
        Object p = plain("""
                base: &base {endpoint: "https://a", timeout: 10s}
                extra: &extra {timeout: 1s, compression: none}
                copy: *base
                merged:
                  <<: *base
                  endpoint: "https://b"
                both:
                  endpoint: "https://c"
                  <<: [*base, *extra]
                list: &l [x, y]
                again: *l
                scalar: &s 42
                same: *s
                """, Map.of(), List.of());
        assertThat(p.toString()).contains("copy={endpoint=https://a, timeout=10s}")
                .contains("merged={endpoint=https://b, timeout=10s}")
                // explicit keys win wherever they are written; among merged maps the first one wins
                .contains("both={endpoint=https://c, timeout=10s, compression=none}")
                .contains("again=[x, y]").contains("same=42");
        assertThatThrownBy(() -> plain("a: *nope\n", Map.of(), List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown anchor 'nope' referenced");
        assertThatThrownBy(() -> plain("a: &s 1\nb: {<<: *s}\n", Map.of(), List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("map merge requires map or sequence of maps as the value");
        StringBuilder laughs = new StringBuilder("l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n");
        for (int i = 1; i < 9; i++) {
            laughs.append("l").append(i).append(": &l").append(i).append(" [").append(String.join(", ", java.util.Collections.nCopies(10, "*l" + (i - 1))))
                    .append("]\n");
        }
        assertThatThrownBy(() -> plain(laughs.toString(), Map.of(), List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("document contains excessive aliasing");
    }

    @Test
    void emptyValueIsNullButQuotedEmptyIsAString() throws Exception {
        assertThat(plain("a:\nb: ''\n", Map.of(), List.of()).toString()).isEqualTo("{a=null, b=}");
    }

    @Test
    void wholeValueKeepsTextForStringFields() throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "v: ${env:CODE}\n");
        ConfigNode.MapNode root = new ConfigLoader(Map.of("CODE", "0123")).load(List.of(f.toString()), List.of());
        Problems p = new Problems();
        Conf c = new Conf(root, "", p);
        assertThat(c.string("v", null)).isEqualTo("0123");
    }

    @Test
    void invalidEnvNameIsAnError() throws Exception {
        assertThatThrownBy(() -> plain("a: ${env:1BAD}\n", Map.of(), List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("c.yaml:1:4").hasMessageContaining("invalid name");
    }

    @Test
    void mergesSourcesAndSetFlags() throws Exception {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        Files.writeString(a, """
                exporters:
                  debug: {verbosity: basic}
                  file: {path: /tmp/x}
                service:
                  pipelines:
                    traces: {receivers: [otlp, zipkin], exporters: [debug]}
                """);
        Files.writeString(b, """
                exporters:
                  debug: {sampling_initial: 5}
                  file:
                service:
                  pipelines:
                    traces: {receivers: [otlp]}
                """);
        Object p = ConfigNode.toPlain(new ConfigLoader(Map.of()).load(List.of(a.toString(), "file:" + b),
                List.of("exporters.debug.verbosity=detailed", "processors.batch.timeout=1s")));
        assertThat(p.toString()).isEqualTo("{exporters={debug={verbosity=detailed, sampling_initial=5}, file=null}, "
                + "service={pipelines={traces={receivers=[otlp], exporters=[debug]}}}, processors={batch={timeout=1s}}}");
    }

    @Test
    void yamlAndEnvSources() throws Exception {
        Object p = ConfigNode.toPlain(new ConfigLoader(Map.of("CFG", "receivers: {otlp: {}}")).load(
                List.of("env:CFG", "yaml:exporters::debug::verbosity: detailed"), List.of()));
        assertThat(p.toString()).isEqualTo("{receivers={otlp={}}, exporters={debug={verbosity=detailed}}}");
    }

    @Test
    void setWithoutEqualsIsAnError() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("yaml:a: b"), List.of("nokey")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--set must be key=value");
    }

    @Test
    void operatorDocumentUsesSpecConfigAndEnv() throws Exception {
        Path f = dir.resolve("otelcol.yaml");
        Files.writeString(f, """
                apiVersion: opentelemetry.io/v1beta1
                kind: OpenTelemetryCollector
                metadata: {name: x}
                spec:
                  env:
                    - name: LEVEL
                      value: detailed
                    - name: SECRET
                      valueFrom: {secretKeyRef: {name: s, key: k}}
                  config:
                    exporters:
                      debug:
                        verbosity: ${env:LEVEL}
                """);
        Object p = ConfigNode.toPlain(new ConfigLoader(Map.of()).load(List.of(f.toString()), List.of()));
        assertThat(p.toString()).isEqualTo("{exporters={debug={verbosity=detailed}}}");
        Object q = ConfigNode.toPlain(new ConfigLoader(Map.of("LEVEL", "normal")).load(List.of(f.toString()), List.of()));
        assertThat(q.toString()).isEqualTo("{exporters={debug={verbosity=normal}}}");
    }

    @Test
    void locationsPointIntoTheFile() throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "a:\n  b:\n    c: 1\n");
        ConfigNode.MapNode root = new ConfigLoader(Map.of()).load(List.of(f.toString()), List.of());
        ConfigNode c = ((ConfigNode.MapNode) ((ConfigNode.MapNode) root.get("a")).get("b")).get("c");
        assertThat(c.location().line()).isEqualTo(3);
        assertThat(c.location().column()).isEqualTo(8);
    }

    @Test
    void parsesGoDurations() {
        assertThat(Conf.parseDuration("200ms")).hasMillis(200);
        assertThat(Conf.parseDuration("1m30s")).hasSeconds(90);
        assertThat(Conf.parseDuration("1.5h")).hasMinutes(90);
        assertThat(Conf.parseDuration("0")).isZero();
        assertThat(Conf.parseDuration("soon")).isNull();
    }
}

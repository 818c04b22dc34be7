package io.ottl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.component.Components;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.config.ConfigException;
import io.ottl4j.collector.config.ConfigProblem;
import io.ottl4j.collector.config.Configs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real public collector configs (src/test/resources/corpus; each file names its source in its first line) validated
 * with the whole distribution. Each file states its verdict in header comments:
 * <ul>
 * <li>{@code # Expect: valid}</li>
 * <li>{@code # Expect: not-built: type ...} — rejected only because those upstream component types are not built
 * (a type that a later build registers may pass)</li>
 * <li>{@code # Expect: invalid: text} (repeatable) — rejected with problems containing each text (upstream rejects it
 * too, or ottl4j lacks the feature the comment names); not-built problems may come with it</li>
 * </ul>
 * {@code # Loaded after: a.yaml b.yaml} loads those corpus files first (configs meant to be merged, as
 * {@code --config a --config b}); {@code # Feature gates: a b} enables those gates, as the file's deployment does
 * ({@code --feature-gates=service.profilesSupport} for profiles pipelines). Rewrite the verdicts from the current results with {@code -Dottl.corpus.update=true}.
 */
class CorpusTest {
    private static final Path DIR = Path.of("src/test/resources/corpus");
    /**
     * What the examples' deployments put in the environment (their READMEs and manifests set these); every other
     * variable is unset, so it expands to nothing, as in Go.
     */
    private static final Map<String, String> ENV = Map.ofEntries(Map.entry("NEW_RELIC_OTLP_ENDPOINT", "https://otlp.nr-data.net"),
            Map.entry("NEW_RELIC_API_KEY", "key"), Map.entry("NEW_RELIC_LICENSE_KEY", "key"),
            Map.entry("INTERNAL_TELEMETRY_NEW_RELIC_LICENSE_KEY", "key"), Map.entry("KAFKA_CLUSTER_NAME", "kafka"),
            Map.entry("KAFKA_BOOTSTRAP_BROKER_ADDRESSES", "kafka:9092"), Map.entry("KAFKA_METRICS_COLLECTION_INTERVAL", "30s"),
            Map.entry("REDIS_SERVICE_HOST", "redis"), Map.entry("REDIS_SERVICE_PORT", "6379"), Map.entry("MY_POD_IP", "127.0.0.1"),
            Map.entry("SQUID_SERVICE_HOST", "squid"), Map.entry("SQUID_SERVICE_PORT_METRICS", "9301"),
            // Datadog's examples (an API key is 32 hex digits, which the datadog exporter checks as upstream does)
            Map.entry("DD_API_KEY", "0123456789abcdef0123456789abcdef"), Map.entry("DD_API_KEY_US", "0123456789abcdef0123456789abcdef"),
            Map.entry("DD_API_KEY_EU", "0123456789abcdef0123456789abcdef"), Map.entry("DD_SITE", "datadoghq.com"),
            // what the Splunk distribution's installer and launcher set (SPLUNK_MEMORY_LIMIT_MIB derived from the total)
            Map.entry("SPLUNK_ACCESS_TOKEN", "token"), Map.entry("SPLUNK_REALM", "us0"), Map.entry("SPLUNK_API_URL", "https://api.us0.signalfx.com"),
            Map.entry("SPLUNK_INGEST_URL", "https://ingest.us0.signalfx.com"), Map.entry("SPLUNK_HEC_URL", "https://ingest.us0.signalfx.com/v1/log"),
            Map.entry("SPLUNK_HEC_TOKEN", "token"), Map.entry("SPLUNK_LISTEN_INTERFACE", "0.0.0.0"), Map.entry("SPLUNK_MEMORY_LIMIT_MIB", "460"),
            Map.entry("SPLUNK_GATEWAY_URL", "gateway.local"),
            // AWS's ECS/EKS task definitions
            Map.entry("AWS_REGION", "us-east-1"),
            Map.entry("AWS_PROMETHEUS_ENDPOINT", "https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write"));
    private static final Pattern NOT_BUILT = Pattern.compile("unknown type \"([^\"]+)\" for id \"[^\"]*\": the \\S+ (\\w+) is not built in this distribution");

    static Stream<String> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    static List<String> problems(List<String> header, String name) {
        List<String> configs = new ArrayList<>();
        for (String h : header) {
            if (h.startsWith("# Loaded after:")) {
                for (String f : h.substring("# Loaded after:".length()).trim().split("\\s+")) {
                    configs.add(DIR.resolve(f).toString());
                }
            }
        }
        configs.add(DIR.resolve(name).toString());
        Set<String> gates = new TreeSet<>();
        for (String h : header) {
            if (h.startsWith("# Feature gates:")) {
                gates.addAll(List.of(h.substring("# Feature gates:".length()).trim().split("\\s+")));
            }
        }
        try {
            Configs.load(configs, List.of(), ENV, Builtins.components(), gates);
            return List.of();
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::format).toList();
        }
    }

    private static List<String> header(List<String> lines) {
        List<String> h = new ArrayList<>();
        for (String l : lines) {
            if (!l.startsWith("#")) {
                break;
            }
            h.add(l);
        }
        return h;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void corpusConfigHasItsStatedVerdict(String name) throws IOException {
        Path file = DIR.resolve(name);
        List<String> lines = Files.readAllLines(file);
        List<String> header = header(lines);
        assertThat(header).as(name + " names its source").isNotEmpty();
        assertThat(header.get(0)).startsWith("# Source: https://");
        List<String> problems = problems(header, name);
        Set<String> notBuilt = new TreeSet<>();
        List<String> others = new ArrayList<>();
        for (String p : problems) {
            Matcher m = NOT_BUILT.matcher(p);
            if (m.find()) {
                notBuilt.add(m.group(1));
            } else {
                others.add(p);
            }
        }
        if (Boolean.getBoolean("ottl.corpus.update")) {
            List<String> verdict = new ArrayList<>();
            if (problems.isEmpty()) {
                verdict.add("# Expect: valid");
            } else {
                if (!notBuilt.isEmpty()) {
                    verdict.add("# Expect: not-built: " + String.join(" ", notBuilt));
                }
                for (String o : others) {
                    verdict.add("# Expect: invalid: " + o.replaceFirst("^\\S+:\\d+:\\d+: ", ""));
                }
            }
            List<String> out = new ArrayList<>();
            for (String h : header) {
                if (!h.startsWith("# Expect:")) {
                    out.add(h);
                }
            }
            int insert = 1;
            while (insert < out.size() && (out.get(insert).startsWith("# Loaded after:") || out.get(insert).startsWith("# Feature gates:"))) {
                insert++;
            }
            out.addAll(insert, verdict);
            out.addAll(lines.subList(header.size(), lines.size()));
            Files.write(file, out);
            return;
        }
        List<String> expect = header.stream().filter(h -> h.startsWith("# Expect:")).map(h -> h.substring(9).trim()).toList();
        assertThat(expect).as(name + " states a verdict").isNotEmpty();
        Set<String> expectedNotBuilt = new TreeSet<>();
        List<String> expectedInvalid = new ArrayList<>();
        for (String e : expect) {
            if (e.equals("valid")) {
                assertThat(problems).as(name).isEmpty();
            } else if (e.startsWith("not-built:")) {
                expectedNotBuilt.addAll(List.of(e.substring(10).trim().split("\\s+")));
            } else if (e.startsWith("invalid:")) {
                expectedInvalid.add(e.substring(8).trim());
            }
        }
        // a type listed as not built may be built by now (its module landed): then it is simply accepted
        assertThat(expectedNotBuilt).as(name + ": not-built types").containsAll(notBuilt);
        for (String t : expectedNotBuilt) {
            boolean registered = Stream.of(Kind.values()).anyMatch(k -> Builtins.components().find(k, t) != null);
            if (!registered && Stream.of(Kind.values()).anyMatch(k -> Components.knownElsewhere(k, t))) {
                assertThat(notBuilt).as(name + ": " + t + " is reported as not built").contains(t);
            }
        }
        for (String i : expectedInvalid) {
            assertThat(others).as(name).anySatisfy(p -> assertThat(p).contains(i));
        }
        assertThat(others).as(name + ": every other problem is expected").allSatisfy(p ->
                assertThat(expectedInvalid).anySatisfy(i -> assertThat(p).contains(i)));
    }
}

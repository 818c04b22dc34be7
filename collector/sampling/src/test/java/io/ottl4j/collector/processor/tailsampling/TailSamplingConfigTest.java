package io.ottl4j.collector.processor.tailsampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.testing.Harness;
import io.ottl4j.collector.testing.TestComponents;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding {@code tail_sampling}: defaults, the seed's block, and one precise error per bad key. */
class TailSamplingConfigTest {
    private static final TailSamplingProcessorFactory FACTORY = new TailSamplingProcessorFactory();

    private static List<String> problems(String yaml) {
        return TestComponents.problems(FACTORY, yaml);
    }

    @Test
    void defaultsAsUpstream() throws Exception {
        var c = TestComponents.decode(FACTORY, "policies: [{name: a, type: always_sample}]");
        assertThat(c.decisionWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.numTraces()).isEqualTo(50_000);
        assertThat(c.expectedNewTracesPerSec()).isZero();
        assertThat(c.sampledCacheSize()).isZero();
        assertThat(c.nonSampledCacheSize()).isZero();
        assertThat(c.strategy()).isEqualTo(TailSamplingProcessorFactory.Strategy.TRACE_COMPLETE);
        assertThat(c.decisionWaitAfterRootReceived()).isZero();
        assertThat(c.numShards()).isEqualTo(1);
        assertThat(c.blockOnOverflow()).isFalse();
        assertThat(c.maximumTraceSizeBytes()).isZero();
    }

    @Test
    void theSeedConfigValidates() throws Exception {
        String seed;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/mastodon-collector.yaml")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int start = seed.indexOf("      tail_sampling:");
        int end = seed.indexOf("\n\n", start);
        String block = seed.substring(start, end).lines().skip(1).map(l -> l.substring(Math.min(l.length(), 8))).reduce("", (a, b) -> a + b + "\n");
        var c = TestComponents.decode(FACTORY, block);
        assertThat(c.policies()).extracting(PolicySpec::name).containsExactly("errors-policy", "randomized-policy");
        assertThat(c.policies()).extracting(PolicySpec::type).containsExactly("status_code", "probabilistic");
    }

    @Test
    void everyPolicyTypeDecodes() throws Exception {
        var c = TestComponents.decode(FACTORY, """
                decision_wait: 10s
                num_traces: 100
                expected_new_traces_per_sec: 10
                decision_cache: {sampled_cache_size: 1000, non_sampled_cache_size: 1000}
                sample_on_first_match: true
                block_on_overflow: true
                drop_pending_traces_on_shutdown: true
                decision_wait_after_root_received: 2s
                maximum_trace_size_bytes: 1000000
                num_shards: 4
                policies:
                  - {name: p1, type: always_sample}
                  - {name: p2, type: latency, latency: {threshold_ms: 5000, upper_threshold_ms: 10000}}
                  - {name: p3, type: numeric_attribute, numeric_attribute: {key: key1, min_value: 50, max_value: 100, invert_match: true}}
                  - {name: p4, type: probabilistic, probabilistic: {hash_salt: custom-salt, sampling_percentage: 0.1}}
                  - {name: p5, type: status_code, status_code: {status_codes: [ERROR, UNSET]}}
                  - {name: p6, type: string_attribute, string_attribute: {key: key2, values: [value1, value2], enabled_regex_matching: true, cache_max_size: 10}}
                  - {name: p7, type: rate_limiting, rate_limiting: {spans_per_second: 35, burst_capacity: 70}}
                  - {name: p8, type: bytes_limiting, bytes_limiting: {bytes_per_second: 1024}}
                  - {name: p9, type: span_count, span_count: {min_spans: 2, max_spans: 20}}
                  - {name: p10, type: trace_state, trace_state: {key: key3, values: [value1, value2]}}
                  - {name: p11, type: boolean_attribute, boolean_attribute: {key: key4, value: true}}
                  - {name: p12, type: ottl_condition, ottl_condition: {error_mode: ignore, span: ['attributes["k"] == "v"'], spanevent: ['name != "x"']}}
                  - {name: p13, type: trace_flags}
                  - {name: p14, type: and, and: {and_sub_policy: [{name: a1, type: numeric_attribute, numeric_attribute: {key: k, min_value: 1}}, {name: a2, type: always_sample}]}}
                  - {name: p15, type: not, not: {not_sub_policy: {name: n1, type: always_sample}}}
                  - {name: p16, type: drop, drop: {drop_sub_policy: [{name: d1, type: string_attribute, string_attribute: {key: url.path, values: [/health]}}]}}
                  - name: p17
                    type: composite
                    composite:
                      max_total_spans_per_second: 1000
                      policy_order: [c1, c2]
                      composite_sub_policy:
                        - {name: c1, type: numeric_attribute, numeric_attribute: {key: k, min_value: 1}}
                        - {name: c2, type: and, and: {and_sub_policy: [{name: x, type: always_sample}]}}
                      rate_allocation:
                        - {policy: c1, percent: 50}
                        - {policy: c2, percent: 25}
                """);
        assertThat(c.policies()).hasSize(17);
        assertThat(c.numShards()).isEqualTo(4);
        assertThat(new DecisionMaker(c.policies(), () -> 0, false, false).names().get(0)).as("drop policies first").isEqualTo("p16");
    }

    @Test
    void preciseErrors() {
        assertThat(problems("{}")).anyMatch(p -> p.contains("no policies configured"));
        assertThat(problems("policies: [{name: a, type: nope}]")).anyMatch(p -> p.contains("unknown sampling policy type nope"));
        assertThat(problems("policies: [{type: always_sample}]")).anyMatch(p -> p.contains("policy name cannot be empty"));
        assertThat(problems("policies: [{name: a, type: always_sample}, {name: a, type: trace_flags}]"))
                .anyMatch(p -> p.contains("duplicate policy name \"a\""));
        assertThat(problems("policies: [{name: a, type: status_code, status_code: {status_codes: []}}]"))
                .anyMatch(p -> p.contains("expected at least one status code to filter on"));
        assertThat(problems("policies: [{name: a, type: status_code, status_code: {status_codes: [WARN]}}]"))
                .anyMatch(p -> p.contains("unknown status code \"WARN\", supported: OK, ERROR, UNSET"));
        assertThat(problems("policies: [{name: a, type: string_attribute, string_attribute: {key: k, values: ['('], enabled_regex_matching: true}}]"))
                .anyMatch(p -> p.contains("invalid regular expression"));
        assertThat(problems("policies: [{name: a, type: numeric_attribute, numeric_attribute: {key: k}}]"))
                .anyMatch(p -> p.contains("min_value and max_value cannot both be 0"));
        assertThat(problems("policies: [{name: a, type: ottl_condition, ottl_condition: {span: ['attributes[\"k\"] =='] }}]"))
                .anyMatch(p -> p.contains("policies[0]::ottl_condition::span[0]"));
        assertThat(problems("policies: [{name: a, type: always_sample, latency: {threshold_ms: 1}}]"))
                .anyMatch(p -> p.contains("settings for policy type latency on a policy of type always_sample"));
        assertThat(problems("policies: [{name: a, type: latency, latency: {threshold: 1}}]")).anyMatch(p -> p.contains("threshold"));
        assertThat(problems("sampling_strategy: span-ingest\npolicies: [{name: r, type: rate_limiting, rate_limiting: {spans_per_second: 1}}]"))
                .anyMatch(p -> p.contains("is stateful and cannot be used with sampling_strategy span-ingest"));
        assertThat(problems("sampling_strategy: sometimes\npolicies: [{name: a, type: always_sample}]")).anyMatch(p -> p.contains("unknown sampling_strategy"));
        assertThat(problems("num_traces: 0\npolicies: [{name: a, type: always_sample}]")).anyMatch(p -> p.contains("num_traces must be greater than 0"));
        assertThat(problems("decision_cache: {sampled_cache_size: -1}\npolicies: [{name: a, type: always_sample}]"))
                .anyMatch(p -> p.contains("sampled_cache_size"));
        assertThat(problems("policies: [{name: c, type: composite, composite: {max_total_spans_per_second: 10, composite_sub_policy: [{name: x, type: composite}]}}]"))
                .anyMatch(p -> p.contains("a composite cannot be a sub-policy"));
    }

    @Test
    void validatesInsideACollectorConfig() throws Exception {
        String yaml = """
                receivers: {testsource: {}}
                processors:
                  tail_sampling:
                    policies: [{name: e, type: status_code, status_code: {status_codes: [ERROR]}}]
                  probabilistic_sampler: {sampling_percentage: 10}
                exporters: {testsink: {}}
                service:
                  pipelines:
                    traces: {receivers: [testsource], processors: [probabilistic_sampler, tail_sampling], exporters: [testsink]}
                    logs: {receivers: [testsource], processors: [probabilistic_sampler], exporters: [testsink]}
                """;
        assertThat(Harness.problems(yaml)).isEmpty();
        assertThat(Harness.problems(yaml.replace("status_codes: [ERROR]", "status_codes: [BAD]"))).contains("unknown status code \"BAD\"");
    }
}

package io.ottl4j.collector.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigLoader;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.collector.config.Problems;
import io.ottl4j.collector.exporter.otlphttp.OtlpHttpExporterFactory;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.otlp.ProfileSamples;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.Profile;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The components that take profiles, in a pipeline graph (the harness runs with the profiles feature gate). */
class ProfilesComponentsTest {
    private static TelemetryBatch<Profile> profiles(String service) {
        return OtlpProto.decodeProfiles(ProfileSamples.request(service).toByteArray());
    }

    @Test
    void forwardConnectorAndTransformCarryProfiles() throws Exception {
        try (Harness h = Harness.start("""
                receivers: {testsource: {}}
                processors:
                  transform:
                    profile_statements:
                      - set(profile.attributes["via"], "forward") where resource.attributes["service.name"] == "a"
                exporters: {testsink: {}}
                connectors: {forward: {}}
                service:
                  pipelines:
                    profiles/in: {receivers: [testsource], exporters: [forward]}
                    profiles/out: {receivers: [forward], processors: [transform], exporters: [testsink]}
                """)) {
            h.send("testsource", profiles("a"));
            TelemetryBatch<Profile> got = h.batches("testsink").getFirst().asProfiles();
            assertThat(got.resources().getFirst().scopes().getFirst().items().getFirst().attributes().get("via")).isEqualTo("forward");
        }
    }

    @Test
    void filterDropsProfilesAndForwardsNothingWhenAllAreGone() throws Exception {
        try (Harness h = Harness.start("""
                receivers: {testsource: {}}
                processors:
                  filter:
                    profile_conditions:
                      - 'profile.sample_type.type == "samples" and resource.attributes["service.name"] == "drop"'
                exporters: {testsink: {}}
                service:
                  pipelines:
                    profiles: {receivers: [testsource], processors: [filter], exporters: [testsink]}
                """)) {
            h.send("testsource", profiles("drop"));
            h.send("testsource", profiles("keep"));
            assertThat(h.batches("testsink")).hasSize(1);
            assertThat(h.batches("testsink").getFirst().resources().getFirst().resource().attributes().get("service.name")).isEqualTo("keep");
        }
    }

    @Test
    void countConnectorCountsProfiles() throws Exception {
        try (Harness h = Harness.start("""
                receivers: {testsource: {}}
                exporters: {testsink: {}}
                connectors:
                  count:
                    profiles:
                      profile.count.by_thread:
                        description: profiles per thread
                        conditions: ['sample_type.type == "samples"']
                        attributes: [{key: thread.name}]
                  count/default: {}
                service:
                  pipelines:
                    profiles: {receivers: [testsource], exporters: [count, count/default]}
                    metrics: {receivers: [count, count/default], exporters: [testsink]}
                """)) {
            h.send("testsource", profiles("a"));
            List<String> seen = new ArrayList<>();
            for (TelemetryBatch<?> b : h.batches("testsink")) {
                for (Object o : b.resources().getFirst().scopes().getFirst().items()) {
                    Metric m = (Metric) o;
                    NumberDataPoint p = (NumberDataPoint) m.dataPoints().getFirst();
                    seen.add(m.name() + " " + p.attributes() + " " + p.intValue());
                }
            }
            assertThat(seen).containsExactlyInAnyOrder("profile.count.by_thread {\"thread.name\":\"main\"} 1", "profile.count {} 1");
        }
    }

    @Test
    void otlpHttpExporterProfilesUrl() throws Exception {
        Problems p = new Problems();
        ConfigNode.MapNode node = (ConfigNode.MapNode) new ConfigLoader(java.util.Map.of()).loadText("""
                endpoint: http://backend:4318
                """, "test");
        OtlpHttpExporterFactory.Config c = new OtlpHttpExporterFactory().decode(new Conf(node, "exporters::otlp_http", p));
        assertThat(p.isEmpty()).isTrue();
        assertThat(c.url(Signal.PROFILES)).isEqualTo("http://backend:4318/v1development/profiles");
        ConfigNode.MapNode only = (ConfigNode.MapNode) new ConfigLoader(java.util.Map.of()).loadText("""
                profiles_endpoint: http://pyroscope:4040/custom
                """, "test");
        OtlpHttpExporterFactory.Config c2 = new OtlpHttpExporterFactory().decode(new Conf(only, "exporters::otlp_http", p));
        assertThat(p.isEmpty()).isTrue();
        assertThat(c2.url(Signal.PROFILES)).isEqualTo("http://pyroscope:4040/custom");
    }

    @Test
    void batchesCountAndSplitProfilesBySamples() {
        TelemetryBatch<Profile> b = profiles("a");
        assertThat(io.ottl4j.collector.internal.Batches.count(b)).isEqualTo(2);
        TelemetryBatch<Profile> first = io.ottl4j.collector.internal.Batches.split(b, 1);
        Profile head = first.resources().getFirst().scopes().getFirst().items().getFirst();
        Profile rest = b.resources().getFirst().scopes().getFirst().items().getFirst();
        assertThat(head.samples()).hasSize(1);
        assertThat(rest.samples()).hasSize(1);
        assertThat(head.dictionary()).isSameAs(rest.dictionary());
        assertThat(head.samples().getFirst().values()).containsExactly(3L);
        assertThat(rest.samples().getFirst().values()).containsExactly(1L);
        assertThat(head.attributes().get("thread.name")).isEqualTo("main");
    }
}

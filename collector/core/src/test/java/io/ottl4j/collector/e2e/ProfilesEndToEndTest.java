package io.ottl4j.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.opentelemetry.proto.collector.profiles.v1development.ExportProfilesServiceRequest;
import io.opentelemetry.proto.collector.profiles.v1development.ProfilesServiceGrpc;
import io.ottl4j.collector.component.PipelineId;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.otlp.ProfileSamples;
import io.ottl4j.pdata.Profile;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.collector.service.Collector;
import io.ottl4j.collector.testing.Harness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles end to end: the OpenTelemetry Java SDK emits no profiles, so the generated OTLP client
 * ({@code ProfilesServiceGrpc}) and a plain HTTP POST send them to a collector (transform with profile statements,
 * filter with a profile condition), which exports over OTLP/gRPC and OTLP/HTTP to a second collector that writes
 * them to a file.
 */
class ProfilesEndToEndTest {
    private static final Set<String> GATES = Set.of(PipelineId.PROFILES_GATE);

    @TempDir
    Path dir;
    private Collector front;
    private Collector back;
    private ManagedChannel channel;

    @AfterEach
    void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
        TestCollectors.stop(front);
        TestCollectors.stop(back);
    }

    @Test
    void profilesFlowThroughTwoCollectors() throws Exception {
        Path backFile = dir.resolve("back.jsonl");
        back = TestCollectors.start("""
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: "127.0.0.1:0"}
                      http: {endpoint: "127.0.0.1:0"}
                exporters:
                  file: {path: "%s"}
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    profiles: {receivers: [otlp], exporters: [file]}
                """.formatted(backFile), GATES);
        int backGrpc = TestCollectors.receiver(back).grpcPort();
        int backHttp = TestCollectors.receiver(back).httpPort();
        front = TestCollectors.start("""
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: "127.0.0.1:0"}
                      http: {endpoint: "127.0.0.1:0"}
                processors:
                  memory_limiter: {check_interval: 1s, limit_percentage: 95, spike_limit_percentage: 5}
                  transform:
                    error_mode: ignore
                    profile_statements:
                      - context: resource
                        statements:
                          - set(attributes["seen.by"], "transform")
                      - context: profile
                        statements:
                          - set(attributes["thread.name"], Concat([attributes["thread.name"], "-x"], "")) where sample_type.type == "samples"
                          - set(period_type.unit, "ms")
                          - set(original_payload_format, "jfr")
                      - statements:
                          - set(profile.attributes["inferred"], true) where profile.duration_unix_nano == 1000000000
                  filter:
                    error_mode: ignore
                    profiles:
                      profile:
                        - 'resource.attributes["service.name"] == "drop-me"'
                exporters:
                  otlp_grpc:
                    endpoint: "127.0.0.1:%d"
                    tls: {insecure: true}
                    sending_queue: {enabled: false}
                  otlp_http:
                    endpoint: "http://127.0.0.1:%d"
                    sending_queue: {enabled: false}
                  debug: {verbosity: basic}
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    profiles:
                      receivers: [otlp]
                      processors: [memory_limiter, filter, transform]
                      exporters: [otlp_grpc, otlp_http]
                """.formatted(backGrpc, backHttp), GATES);
        int grpc = TestCollectors.receiver(front).grpcPort();
        int http = TestCollectors.receiver(front).httpPort();

        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpc).usePlaintext().build();
        ProfilesServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS).export(ProfileSamples.request("checkout"));
        ProfilesServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS).export(ProfileSamples.request("drop-me"));
        HttpResponse<byte[]> resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http
                + "/v1development/profiles")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(OtlpJson.write(OtlpProto.decodeProfiles(ProfileSamples.request("cart").toByteArray()))))
                .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(resp.statusCode()).isEqualTo(200);

        // two requests got through the filter, each exported twice (gRPC and HTTP) to the back collector
        List<TelemetryBatch<Profile>> got = awaitBatches(backFile, 4);
        assertThat(got).hasSize(4);
        List<String> services = new ArrayList<>();
        for (TelemetryBatch<Profile> b : got) {
            var rg = b.resources().getFirst();
            services.add((String) rg.resource().attributes().get("service.name"));
            assertThat(rg.resource().attributes().get("seen.by")).isEqualTo("transform");
            Profile p = rg.scopes().getFirst().items().getFirst();
            assertThat(p.attributes().get("thread.name")).isEqualTo("main-x");
            assertThat(p.dictionary().string(p.periodType().unitStrindex())).isEqualTo("ms");
            assertThat(p.dictionary().string(p.periodType().typeStrindex())).isEqualTo("cpu");
            assertThat(p.originalPayloadFormat()).isEqualTo("jfr");
            assertThat(p.attributes().get("inferred")).isEqualTo(true);
            assertThat(p.samples()).hasSize(2);
            // the sample still resolves through the (rewritten) dictionary: its stack, functions and attributes
            Profile.Sample s = p.samples().getFirst();
            int leaf = p.dictionary().stackTable().get(s.stackIndex()).locationIndices()[0];
            int fn = p.dictionary().locationTable().get(leaf).lines().getFirst().functionIndex();
            assertThat(p.dictionary().string(p.dictionary().functionTable().get(fn).nameStrindex())).isEqualTo("run");
            assertThat(p.dictionary().attributes(io.ottl4j.pdata.IntList.of(s.attributeIndices())).get("thread.name")).isEqualTo("main");
        }
        assertThat(services).containsExactlyInAnyOrder("checkout", "checkout", "cart", "cart");
    }

    @Test
    void profilesPipelineNeedsTheFeatureGate() {
        assertThatThrownBy(() -> TestCollectors.start("""
                receivers:
                  otlp: {protocols: {grpc: {endpoint: "127.0.0.1:0"}}}
                exporters:
                  debug: {}
                service:
                  pipelines:
                    profiles: {receivers: [otlp], exporters: [debug]}
                """)).hasMessageContaining("pipeline \"profiles\": profiling signal support is at alpha level, gated under the "
                + "\"service.profilesSupport\" feature gate");
    }

    @Test
    void componentWithoutProfilesIsRefusedByName() {
        assertThatThrownBy(() -> TestCollectors.start("""
                receivers:
                  otlp: {protocols: {grpc: {endpoint: "127.0.0.1:0"}}}
                processors:
                  batch: {}
                exporters:
                  debug: {}
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    profiles: {receivers: [otlp], processors: [batch], exporters: [debug]}
                """, GATES)).hasMessageContaining("failed to create \"batch\" processor, in pipeline \"profiles\": telemetry type is not supported");
    }

    private static List<TelemetryBatch<Profile>> awaitBatches(Path file, int n) throws Exception {
        long end = System.nanoTime() + Harness.MIN_WAIT.toNanos();
        List<TelemetryBatch<Profile>> out = new ArrayList<>();
        while (System.nanoTime() < end) {
            out.clear();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    try {
                        out.add(OtlpJson.readProfiles(line));
                    } catch (io.ottl4j.otlp.OtlpDecodeException e) {
                        break; // a line still being written: read again
                    }
                }
            }
            if (out.size() >= n) {
                return out;
            }
            Thread.sleep(20);
        }
        return out;
    }
}

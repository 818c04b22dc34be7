package io.ottl4j.collector.processor.tailsampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.ottl4j.collector.processor.tailsampling.policy.Decision;
import io.ottl4j.collector.processor.tailsampling.policy.ProbabilisticPolicy;
import io.ottl4j.collector.processor.tailsampling.policy.TraceData;
import io.ottl4j.collector.receiver.otlp.internal.OtlpReceiver;
import io.ottl4j.collector.service.Pipelines;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The OpenTelemetry Java SDK exports over OTLP/gRPC to a collector running the seed's {@code tail_sampling}
 * block (from /fixtures/mastodon-collector.yaml; decision_wait shortened to 1s): every error trace is kept,
 * and of the others exactly those whose ID passes upstream's 0.1% hash; a late span of a kept trace is
 * forwarded too. Waits are bounded polls, never sleeps followed by assertions.
 */
class TailSamplingEndToEndTest {
    private static String seedTailSamplingBlock() throws Exception {
        String seed;
        try (InputStream in = TailSamplingEndToEndTest.class.getResourceAsStream("/fixtures/mastodon-collector.yaml")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int start = seed.indexOf("      tail_sampling:");
        int end = seed.indexOf("\n\n", start);
        return seed.substring(start, end).lines().map(l -> l.substring(Math.min(l.length(), 4))).reduce("", (a, b) -> a + b + "\n");
    }

    private static Set<String> deliveredTraceIds(Harness h) {
        Set<String> out = new HashSet<>();
        for (TelemetryBatch<?> b : h.batches("testsink")) {
            TestTraces.traceIds(List.of(b)).forEach(id -> out.add(id.toHex()));
        }
        return out;
    }

    private static int deliveredSpans(Harness h) {
        return h.batches("testsink").stream().mapToInt(TelemetryBatch::itemCount).sum();
    }

    @Test
    void seedPolicyKeepsErrorsAndTheHashSelectedTenth() throws Exception {
        String yaml = """
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: "127.0.0.1:0"}
                processors:
                %s    decision_wait: 1s
                exporters:
                  testsink: {}
                service:
                  pipelines:
                    traces: {receivers: [otlp], processors: [tail_sampling], exporters: [testsink]}
                """.formatted(seedTailSamplingBlock());
        try (Harness h = Harness.start(yaml)) {
            int port = -1;
            for (Pipelines.Node n : h.collector().pipelines().nodes()) {
                if (n.component() instanceof OtlpReceiver r) {
                    port = r.grpcPort();
                }
            }
            OtlpGrpcSpanExporter exporter = OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + port).build();
            SdkTracerProvider sdk = SdkTracerProvider.builder()
                    .addSpanProcessor(BatchSpanProcessor.builder(exporter).setMaxQueueSize(16_384).setMaxExportBatchSize(512).setScheduleDelay(Duration.ofMillis(100)).build())
                    .build();
            Set<String> expected = new HashSet<>();
            try {
                Tracer tracer = sdk.get("e2e");
                List<SpanContext> errors = new ArrayList<>();
                ProbabilisticPolicy tenthOfAPercent = new ProbabilisticPolicy("", 0.1);
                int traces = 3000;
                for (int i = 0; i < traces; i++) {
                    Span root = tracer.spanBuilder("GET /api/v1/timelines").startSpan();
                    Span child = tracer.spanBuilder("db").setParent(Context.current().with(root)).startSpan();
                    boolean error = i % 100 == 7;
                    if (error) {
                        child.setStatus(StatusCode.ERROR, "boom");
                        errors.add(root.getSpanContext());
                    }
                    child.end();
                    root.end();
                    String id = root.getSpanContext().getTraceId();
                    if (error || tenthOfAPercent.evaluate(new TraceData(TraceId.fromHex(id), 0)) == Decision.SAMPLED) {
                        expected.add(id);
                    }
                }
                assertThat(sdk.forceFlush().join(30, TimeUnit.SECONDS).isSuccess()).isTrue();
                Harness.await(Duration.ofSeconds(30), () -> deliveredTraceIds(h).containsAll(expected));
                // roughly 0.1% of the 2970 non-error traces (exactly the hash-selected ones are checked below)
                assertThat(expected.size() - errors.size()).isBetween(0, 20);

                // a late span of a kept trace (its decision is remembered without a decision cache) is forwarded
                int before = deliveredSpans(h);
                SpanContext kept = errors.get(0);
                tracer.spanBuilder("late").setParent(Context.root().with(Span.wrap(kept))).startSpan().end();
                assertThat(sdk.forceFlush().join(30, TimeUnit.SECONDS).isSuccess()).isTrue();
                Harness.await(Duration.ofSeconds(30), () -> deliveredSpans(h) == before + 1);
            } finally {
                sdk.shutdown().join(10, TimeUnit.SECONDS);
            }
            h.collector().shutdown(Duration.ofSeconds(10)); // decides anything still pending, as upstream
            assertThat(deliveredTraceIds(h)).isEqualTo(expected);
        }
    }
}

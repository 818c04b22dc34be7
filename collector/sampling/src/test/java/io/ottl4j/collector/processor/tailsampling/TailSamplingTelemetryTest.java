package io.ottl4j.collector.processor.tailsampling;

import static io.ottl4j.collector.processor.tailsampling.TestTraces.batch;
import static io.ottl4j.collector.processor.tailsampling.TestTraces.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.telemetry.SelfTelemetry;
import io.ottl4j.collector.testing.Sink;
import io.ottl4j.collector.testing.TestComponents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The processor's own metrics, scraped from a real Prometheus endpoint on a loopback ephemeral port. */
class TailSamplingTelemetryTest {
    @Test
    void upstreamMetricNames() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000_000L);
        try (SelfTelemetry telemetry = SelfTelemetry.prometheus("127.0.0.1:0")) {
            var cfg = TestComponents.decode(new TailSamplingProcessorFactory(), """
                    decision_wait: 1s
                    num_traces: 1
                    policies: [{name: errors, type: status_code, status_code: {status_codes: [ERROR]}}]
                    """);
            CreateSettings cs = new CreateSettings(ComponentId.parse("tail_sampling"), Kind.PROCESSOR, telemetry, Set.of(), "test");
            TailSamplingProcessor p = new TailSamplingProcessor(cs, cfg, new Sink(), now::get, false);
            p.consume(batch(id(1), TestTraces::plain));
            p.consume(batch(id(2), TestTraces::error)); // evicts trace 1 undecided
            now.addAndGet(1_000_000_000L);
            p.tick();
            p.consume(batch(id(2), TestTraces::plain)); // late span
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + telemetry.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(text).contains("otelcol_processor_tail_sampling_count_traces_sampled", "policy=\"errors\"", "decision=\"sampled\"",
                    "otelcol_processor_tail_sampling_global_count_traces_sampled", "otelcol_processor_tail_sampling_sampling_decision_latency",
                    "otelcol_processor_tail_sampling_sampling_decision_timer_latency", "otelcol_processor_tail_sampling_sampling_trace_dropped_too_early",
                    "otelcol_processor_tail_sampling_new_trace_id_received", "otelcol_processor_tail_sampling_sampling_traces_on_memory",
                    "otelcol_processor_tail_sampling_sampling_late_span_age", "otelcol_processor_tail_sampling_sampling_trace_removal_age");
            p.shutdown();
        }
    }
}

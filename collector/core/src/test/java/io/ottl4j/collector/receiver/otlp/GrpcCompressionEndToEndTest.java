package io.ottl4j.collector.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Harness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An otlp_grpc exporter compressing as upstream's configgrpc can, into ottl4j's own OTLP receiver on loopback. */
class GrpcCompressionEndToEndTest {
    private static int grpcPort(Harness h) {
        return io.ottl4j.collector.e2e.TestCollectors.receiver(h.collector()).grpcPort();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "zstd", "snappy", "none"})
    void theReceiverDecodesEveryEncodingAnUpstreamClientSends(String type) throws Exception {
        try (Harness downstream = Harness.start("""
                receivers:
                  otlp: {protocols: {grpc: {endpoint: "127.0.0.1:0"}}}
                exporters: {testsink: {}}
                service:
                  pipelines: {traces: {receivers: [otlp], exporters: [testsink]}}
                """)) {
            try (Harness upstream = Harness.start("""
                    receivers: {testsource: {}}
                    exporters:
                      otlp_grpc:
                        endpoint: "127.0.0.1:%d"
                        compression: %s
                        tls: {insecure: true}
                        sending_queue: {enabled: false}
                        retry_on_failure: {enabled: false}
                    service:
                      pipelines: {traces: {receivers: [testsource], exporters: [otlp_grpc]}}
                    """.formatted(grpcPort(downstream), type))) {
                upstream.send("testsource", Data.traces("compressed " + type));
            }
            assertThat(downstream.batches("testsink")).singleElement()
                    .satisfies(b -> assertThat(Data.spanNames(b)).containsExactly("compressed " + type));
        }
    }
}

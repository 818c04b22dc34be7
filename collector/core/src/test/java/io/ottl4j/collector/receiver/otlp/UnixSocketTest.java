package io.ottl4j.collector.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.otlp.OtlpProto;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code transport: unix} on both OTLP protocols: real clients on the sockets, the data reaching the pipeline. */
class UnixSocketTest {
    @TempDir
    Path dir;

    /** One HTTP/1.1 request over the socket; returns the status line. */
    private static String post(Path socket, byte[] body) throws IOException {
        return io.ottl4j.collector.testing.UnixHttp.request(socket, "POST", "/v1/traces", "Content-Type: application/x-protobuf\r\n", body).lines()
                .findFirst().orElse("");
    }

    @Test
    void bothProtocolsListenOnTheirSocketPaths() throws Exception {
        Assumptions.assumeTrue(Epoll.isAvailable(), "gRPC on Unix domain sockets needs epoll (Linux)");
        Path grpcSocket = dir.resolve("grpc.sock");
        Path httpSocket = dir.resolve("http.sock");
        try (Harness h = Harness.start("""
                receivers:
                  otlp:
                    protocols:
                      grpc: {transport: unix, endpoint: "%s"}
                      http: {transport: unix, endpoint: "%s"}
                exporters: {testsink: {}}
                service: {pipelines: {traces: {receivers: [otlp], exporters: [testsink]}}}
                """.formatted(grpcSocket, httpSocket))) {
            assertThat(post(httpSocket, OtlpProto.encode(Data.traces("over-http-uds")))).isEqualTo("HTTP/1.1 200 OK");

            // gRPC: our own otlp_grpc exporter dials the socket as upstream's does, by a unix:// endpoint
            try (Harness agent = Harness.start("""
                    receivers: {testsource: {}}
                    exporters:
                      otlp_grpc: {endpoint: "unix://%s", tls: {insecure: true}, sending_queue: {enabled: false}, retry_on_failure: {enabled: false}}
                    service: {pipelines: {traces: {receivers: [testsource], exporters: [otlp_grpc]}}}
                    """.formatted(grpcSocket))) {
                agent.send("testsource", Data.traces("exporter-over-uds"));
            }
            Harness.await(java.time.Duration.ofSeconds(30), () -> h.batches("testsink").size() == 2);
            assertThat(h.batches("testsink")).extracting(b -> Data.spanNames(b).get(0)).containsExactlyInAnyOrder("over-http-uds", "exporter-over-uds");
        }
        // as Go's listeners, closing removes the socket files: a restart can bind the same paths
        assertThat(grpcSocket).doesNotExist();
        assertThat(httpSocket).doesNotExist();
    }
}

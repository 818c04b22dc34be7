package io.ottl4j.collector.exporter.loadbalancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Harness;
import org.junit.jupiter.api.Test;

/** The otlp template's auth (and user_agent) reach every backend, as on the otlp exporter. */
class LoadBalancingAuthTest {
    private static int grpcPort(Harness h) {
        return io.ottl4j.collector.e2e.TestCollectors.receiver(h.collector()).grpcPort();
    }

    @Test
    void backendsAuthenticateWithTheTemplatesAuthenticator() throws Exception {
        try (Harness gateway = Harness.start("""
                extensions:
                  bearertokenauth/server: {tokens: [good]}
                receivers:
                  otlp: {protocols: {grpc: {endpoint: "127.0.0.1:0", auth: {authenticator: bearertokenauth/server}}}}
                exporters: {testsink: {}}
                service:
                  extensions: [bearertokenauth/server]
                  pipelines: {traces: {receivers: [otlp], exporters: [testsink]}}
                """)) {
            String agent = """
                    extensions:
                      bearertokenauth: {token: %s}
                    receivers: {testsource: {}}
                    exporters:
                      load_balancing:
                        protocol:
                          otlp:
                            endpoint: ignored:4317
                            tls: {insecure: true}
                            user_agent: lb-agent
                            auth: {authenticator: bearertokenauth}
                            retry_on_failure: {enabled: false}
                        resolver: {static: {hostnames: ["127.0.0.1:%d"]}}
                        sending_queue: {enabled: false}
                        retry_on_failure: {enabled: false}
                    service:
                      extensions: [bearertokenauth]
                      pipelines: {traces: {receivers: [testsource], exporters: [load_balancing]}}
                    """;
            try (Harness good = Harness.start(agent.formatted("good", grpcPort(gateway)))) {
                good.send("testsource", Data.traces("authenticated"));
            }
            try (Harness bad = Harness.start(agent.formatted("wrong", grpcPort(gateway)))) {
                assertThatThrownBy(() -> bad.send("testsource", Data.traces("refused"))).hasMessageContaining("UNAUTHENTICATED");
            }
            assertThat(gateway.batches("testsink")).singleElement().satisfies(b -> assertThat(Data.spanNames(b)).containsExactly("authenticated"));
        }
    }
}

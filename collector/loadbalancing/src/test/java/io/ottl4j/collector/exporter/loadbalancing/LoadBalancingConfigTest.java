package io.ottl4j.collector.exporter.loadbalancing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.testing.TestComponents;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadBalancingConfigTest {
    private final LoadBalancingExporterFactory factory = new LoadBalancingExporterFactory();

    @Test
    void upstreamExampleDecodes() throws Exception {
        LoadBalancingExporterFactory.Config c = TestComponents.decode(factory, """
                routing_key: service
                protocol:
                  otlp:
                    timeout: 1s
                    tls: {insecure: true}
                resolver:
                  static:
                    hostnames: [backend-1:4317, backend-2:4317, backend-3]
                """);
        assertThat(c.routingKey()).isEqualTo("service");
        assertThat(c.resolver()).isEqualTo(new LoadBalancingExporterFactory.StaticConfig(java.util.List.of("backend-1:4317", "backend-2:4317", "backend-3")));
        assertThat(c.helper().timeout()).isEqualTo(Duration.ofSeconds(1)); // the template's, as there is no top-level one
        assertThat(c.otlp().insecure()).isTrue();
    }

    @Test
    void dnsTakesPrecedenceAndHasUpstreamDefaults() throws Exception {
        LoadBalancingExporterFactory.Config c = TestComponents.decode(factory, """
                timeout: 3s
                resolver:
                  static: {hostnames: [a]}
                  dns: {hostname: otelcol-headless.observability.svc.cluster.local}
                """);
        assertThat(c.resolver()).isEqualTo(new LoadBalancingExporterFactory.DnsConfig("otelcol-headless.observability.svc.cluster.local", "4317",
                Duration.ofSeconds(5), Duration.ofSeconds(1)));
        assertThat(c.helper().timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void k8sResolverHasUpstreamDefaults() throws Exception {
        LoadBalancingExporterFactory.Config c = TestComponents.decode(factory, """
                resolver:
                  k8s: {service: gateways.observability, ports: [4317, 55690]}
                """);
        LoadBalancingExporterFactory.K8sConfig k = (LoadBalancingExporterFactory.K8sConfig) c.resolver();
        assertThat(k.service()).isEqualTo("gateways.observability");
        assertThat(k.ports()).containsExactly(4317, 55690);
        assertThat(k.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(k.returnHostnames()).isFalse();
        assertThat(TestComponents.problems(factory, "resolver: {k8s: {ports: [4317]}}")).anyMatch(p -> p.contains("requires a service"));
    }

    @Test
    void mistakesAreNamed() {
        assertThat(TestComponents.problems(factory, "routing_key: span\nresolver: {static: {hostnames: [a]}}"))
                .anyMatch(p -> p.contains("unsupported routing_key: span"));
        assertThat(TestComponents.problems(factory, "protocol: {otlp: {}}")).anyMatch(p -> p.contains("no resolvers specified"));
        assertThat(TestComponents.problems(factory, "resolver: {aws_cloud_map: {namespace: x, service_name: y}}"))
                .anyMatch(p -> p.contains("aws_cloud_map resolver is not built"));
        // upstream accepts an endpoint in the template and overrides it with each backend's, as here (with a warning)
        assertThat(TestComponents.problems(factory, "protocol: {otlp: {endpoint: x:4317}}\nresolver: {static: {hostnames: [a]}}")).isEmpty();
        assertThat(TestComponents.problems(factory, "routing_key: attributes\nresolver: {static: {hostnames: [a]}}"))
                .anyMatch(p -> p.contains("requires routing_attributes"));
        assertThat(TestComponents.problems(factory, "resolver: {static: {hostnames: [a], extra: 1}}")).anyMatch(p -> p.contains("extra"));
    }
}

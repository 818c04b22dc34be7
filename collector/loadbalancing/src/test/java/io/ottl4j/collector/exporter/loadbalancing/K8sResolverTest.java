package io.ottl4j.collector.exporter.loadbalancing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.opentelemetry.api.metrics.MeterProvider;
import io.ottl4j.collector.k8s.KubernetesClients;
import io.ottl4j.collector.k8s.MockKubernetesApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The k8s resolver against fabric8's mock API server (CRUD mode, real HTTP with watch). */
class K8sResolverTest {
    @TempDir
    Path dir;
    private MockKubernetesApi api;
    private K8sResolver resolver;
    private final List<List<String>> announced = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        api = MockKubernetesApi.start(dir);
    }

    @AfterEach
    void stop() {
        if (resolver != null) {
            resolver.shutdown();
        }
        api.close();
    }

    private static io.fabric8.kubernetes.api.model.discovery.v1.Endpoint endpoint(String ip, Boolean ready, Boolean terminating, String hostname) {
        return new EndpointBuilder().withAddresses(ip).withHostname(hostname).withNewConditions().withReady(ready).withServing(ready)
                .withTerminating(terminating).endConditions().build();
    }

    private EndpointSlice slice(String name, io.fabric8.kubernetes.api.model.discovery.v1.Endpoint... endpoints) {
        return new EndpointSliceBuilder().withNewMetadata().withName(name).withNamespace("observability")
                .addToLabels("kubernetes.io/service-name", "gateways").endMetadata().withAddressType("IPv4").withEndpoints(endpoints).build();
    }

    private void startResolver(List<Integer> ports, boolean hostnames) {
        KubernetesClients.ApiConfig cfg = new KubernetesClients.ApiConfig(KubernetesClients.AuthType.KUBE_CONFIG, api.kubeconfig().toString(), "");
        resolver = new K8sResolver(() -> KubernetesClients.system().create(cfg), "gateways.observability", ports, Duration.ofSeconds(30), hostnames,
                Logger.getLogger("test"), new ResolverStats(MeterProvider.noop().get("test")));
        resolver.start(announced::add);
    }

    private List<String> awaitAnnounced(List<String> expected) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (!announced.isEmpty() && announced.getLast().equals(expected)) {
                return announced.getLast();
            }
            Thread.sleep(20);
        }
        return announced.isEmpty() ? List.of() : announced.getLast();
    }

    @Test
    void readyEndpointsOnly_andChangesFollowTheWatch() throws Exception {
        api.client().discovery().v1().endpointSlices().inNamespace("observability").resource(slice("gateways-a",
                endpoint("10.1.0.1", true, false, null), endpoint("10.1.0.2", true, false, null),
                endpoint("10.1.0.3", false, true, null))).create(); // the third is terminating: no new data
        api.client().discovery().v1().endpointSlices().inNamespace("observability").resource(new EndpointSliceBuilder().withNewMetadata()
                .withName("other").withNamespace("observability").addToLabels("kubernetes.io/service-name", "other").endMetadata()
                .withAddressType("IPv4").withEndpoints(endpoint("10.9.9.9", true, false, null)).build()).create();
        startResolver(List.of(4317), false);
        assertThat(awaitAnnounced(List.of("10.1.0.1:4317", "10.1.0.2:4317"))).containsExactly("10.1.0.1:4317", "10.1.0.2:4317");

        // a pod starts terminating: it leaves the ring at once
        api.client().discovery().v1().endpointSlices().inNamespace("observability").resource(slice("gateways-a",
                endpoint("10.1.0.1", true, false, null), endpoint("10.1.0.2", false, true, null))).update();
        assertThat(awaitAnnounced(List.of("10.1.0.1:4317"))).containsExactly("10.1.0.1:4317");

        // a second slice of the same service adds its ready endpoints
        api.client().discovery().v1().endpointSlices().inNamespace("observability").resource(slice("gateways-b",
                endpoint("10.1.0.7", true, false, null))).create();
        assertThat(awaitAnnounced(List.of("10.1.0.1:4317", "10.1.0.7:4317"))).containsExactly("10.1.0.1:4317", "10.1.0.7:4317");
    }

    @Test
    void everyPortAndHostnamesOnRequest() throws Exception {
        api.client().discovery().v1().endpointSlices().inNamespace("observability").resource(slice("gateways-a",
                endpoint("10.1.0.1", true, false, "gw-0"), endpoint("10.1.0.2", null, null, "gw-1"))).create();
        startResolver(List.of(4317, 4318), true);
        List<String> expected = List.of("gw-0.gateways.observability:4317", "gw-0.gateways.observability:4318",
                "gw-1.gateways.observability:4317", "gw-1.gateways.observability:4318");
        assertThat(awaitAnnounced(expected)).isEqualTo(expected);
    }
}

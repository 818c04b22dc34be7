package io.ottl4j.benchmarks;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.Problems;
import io.ottl4j.collector.config.YamlReader;
import io.ottl4j.collector.k8s.KubernetesClients;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesProcessorFactory;
import io.ottl4j.collector.processor.k8sattributes.internal.Enricher;
import io.ottl4j.collector.processor.k8sattributes.internal.PodStore;
import io.ottl4j.pdata.AttributeMap;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-resource cost of k8sattributes with {@value #PODS} pods in its cache, with the seed's extraction rules and
 * association rules (k8s.pod.ip, k8s.pod.uid, connection): each operation takes a fresh resource carrying a pod
 * IP (cycling through all pods) and enriches it. The baseline does the same work by hand: one HashMap lookup by
 * IP and the same seven attribute puts. {@link #main} prints the heap the cache holds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class K8sAttributesBenchmark {
    static final int PODS = 10_000;
    static final String SEED = """
            auth_type: serviceAccount
            extract:
              metadata: [k8s.namespace.name, k8s.pod.name, k8s.pod.start_time, k8s.pod.uid, k8s.deployment.name, k8s.node.name]
              labels:
                - tag_name: app.label.component
                  key: app.kubernetes.io/component
                  from: pod
            pod_association:
              - sources: [{from: resource_attribute, name: k8s.pod.ip}]
              - sources: [{from: resource_attribute, name: k8s.pod.uid}]
              - sources: [{from: connection}]
            """;

    private Enricher enricher;
    private Map<String, String[][]> baseline;
    private String[] ips;
    private int next;

    static PodStore store() throws Exception {
        Problems p = new Problems();
        Conf c = new Conf(YamlReader.read(SEED, "seed.yaml"), "k8sattributes", p);
        K8sAttributesConfig cfg = new K8sAttributesProcessorFactory(KubernetesClients.system(), System::getenv).decode(c);
        p.throwIfAny();
        PodStore store = new PodStore(cfg, System::nanoTime, Duration.ofSeconds(120), 50_000);
        for (int d = 0; d < PODS / 10; d++) {
            store.addOrUpdateReplicaSet(new ReplicaSetBuilder().withNewMetadata().withName("app-" + d + "-5d8f7c9b6").withUid("rs-" + d)
                    .withOwnerReferences(new OwnerReferenceBuilder().withKind("Deployment").withName("app-" + d).withUid("dep-" + d).build())
                    .endMetadata().build());
        }
        for (int i = 0; i < PODS; i++) {
            store.addOrUpdate(pod(i));
        }
        return store;
    }

    static Pod pod(int i) {
        int d = i / 10;
        return new PodBuilder().withNewMetadata().withNamespace("ns-" + (i % 20)).withName("app-" + d + "-5d8f7c9b6-" + Integer.toString(i, 36))
                .withUid("00000000-0000-0000-0000-" + String.format("%012d", i)).withCreationTimestamp("2026-12-01T10:00:00Z")
                .withLabels(Map.of("app.kubernetes.io/component", "web", "pod-template-hash", "5d8f7c9b6"))
                .withOwnerReferences(new OwnerReferenceBuilder().withKind("ReplicaSet").withName("app-" + d + "-5d8f7c9b6").withUid("rs-" + d).build())
                .endMetadata().withNewSpec().withNodeName("node-" + (i % 50)).endSpec()
                .withNewStatus().withPodIP(ip(i)).withStartTime("2026-12-01T10:00:01Z").endStatus().build();
    }

    static String ip(int i) {
        return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
    }

    @Setup
    public void setup() throws Exception {
        PodStore store = store();
        Problems p = new Problems();
        K8sAttributesConfig cfg = new K8sAttributesProcessorFactory(KubernetesClients.system(), System::getenv)
                .decode(new Conf(YamlReader.read(SEED, "seed.yaml"), "k8sattributes", p));
        enricher = new Enricher(cfg, store);
        baseline = new HashMap<>();
        ips = new String[PODS];
        for (int i = 0; i < PODS; i++) {
            ips[i] = ip(i);
            int d = i / 10;
            baseline.put(ips[i], new String[][] {{"k8s.pod.name", "app-" + d + "-5d8f7c9b6-" + Integer.toString(i, 36)},
                    {"k8s.namespace.name", "ns-" + (i % 20)}, {"k8s.pod.start_time", "2026-12-01T10:00:00Z"},
                    {"k8s.pod.uid", "00000000-0000-0000-0000-" + String.format("%012d", i)}, {"k8s.deployment.name", "app-" + d},
                    {"k8s.node.name", "node-" + (i % 50)}, {"app.label.component", "web"}});
        }
    }

    private AttributeMap resource() {
        String ip = ips[next];
        next = next + 1 == PODS ? 0 : next + 1;
        AttributeMap m = new AttributeMap(16);
        m.putString("service.name", "mastodon-web");
        m.putString("k8s.pod.ip", ip);
        return m;
    }

    @Benchmark
    public AttributeMap k8sattributes() {
        AttributeMap m = resource();
        enricher.enrich(m, "");
        return m;
    }

    @Benchmark
    public AttributeMap handWritten() {
        AttributeMap m = resource();
        if (m.get("k8s.pod.ip") instanceof String ip) {
            String[][] attrs = baseline.get(ip);
            if (attrs != null) {
                for (String[] kv : attrs) {
                    m.putIfAbsent(kv[0], kv[1]);
                }
            }
        }
        return m;
    }

    /** Prints the heap held by a cache of {@value #PODS} pods (difference of used heap after full GCs). */
    public static void main(String[] args) throws Exception {
        var mem = ManagementFactory.getMemoryMXBean();
        long before = used(mem);
        PodStore store = store();
        long after = used(mem);
        System.out.printf("pods=%d identifiers=%d retained=%.1f MiB (%.0f bytes/pod)%n", PODS, store.size(), (after - before) / 1048576.0,
                (after - before) / (double) PODS);
    }

    private static long used(java.lang.management.MemoryMXBean mem) throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return mem.getHeapMemoryUsage().getUsed();
    }
}

package io.ottl4j.collector.processor.k8sattributes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.ottl4j.collector.k8s.MockKubernetesApi;
import io.ottl4j.collector.processor.k8sattributes.internal.Enricher;
import io.ottl4j.collector.processor.k8sattributes.internal.PodStore;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.pdata.AttributeMap;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The watcher, cache and enricher against the mock API server: pods created, updated and deleted while
 * resources are enriched; owner chains pod → replica set → deployment; labels and annotations from pods,
 * namespaces and nodes; deleted pods resolvable for the grace period (driven by a fake clock).
 */
class PodLifecycleTest extends MockApiCase {

    @Test
    void aListOfNamespacesWatchesEachOfThemAndNothingElse() throws Exception {
        api.create(MockKubernetesApi.pod("shop", "web-1", "uid-1", "10.0.0.1").build());
        api.create(MockKubernetesApi.pod("billing", "pay-1", "uid-2", "10.0.0.2").build());
        api.create(MockKubernetesApi.pod("other", "x-1", "uid-3", "10.0.0.3").build());
        K8sAttributesConfig cfg = config("""
                filter:
                  namespace: [shop, billing]
                extract:
                  metadata: [k8s.namespace.name, k8s.pod.name]
                """);
        assertThat(cfg.filter().namespaces()).containsExactly("shop", "billing");
        Enricher e = new Enricher(cfg, watch(cfg)); // every namespace's pods listed before this returns
        assertThat(enrich(e, "k8s.pod.ip", "10.0.0.1").get("k8s.pod.name")).isEqualTo("web-1");
        assertThat(enrich(e, "k8s.pod.ip", "10.0.0.2").get("k8s.pod.name")).isEqualTo("pay-1");
        assertThat(enrich(e, "k8s.pod.ip", "10.0.0.3").get("k8s.pod.name")).isNull();
        assertThat(config("filter: {namespace: shop}\n").filter().namespaces()).containsExactly("shop");
        assertThat(config("filter: {}\n").filter().namespaces()).isEmpty();
    }

    @Test
    void podsCreatedUpdatedDeletedWhileDataFlows() throws Exception {
        K8sAttributesConfig cfg = config("""
                extract:
                  metadata: [k8s.namespace.name, k8s.pod.name, k8s.pod.uid, k8s.node.name]
                  labels:
                    - tag_name: app.label.component
                      key: app.kubernetes.io/component
                """);
        PodStore store = watch(cfg);
        Enricher e = new Enricher(cfg, store);
        assertThat(enrich(e, "k8s.pod.ip", "10.0.0.5").get("k8s.pod.name")).isNull();

        api.create(MockKubernetesApi.pod("shop", "web-1", "uid-1", "10.0.0.5").editMetadata()
                .withLabels(Map.of("app.kubernetes.io/component", "frontend")).endMetadata().build());
        Harness.await(WAIT, () -> "web-1".equals(enrich(e, "k8s.pod.ip", "10.0.0.5").get("k8s.pod.name")));
        AttributeMap m = enrich(e, "k8s.pod.ip", "10.0.0.5");
        assertThat(m.get("k8s.namespace.name")).isEqualTo("shop");
        assertThat(m.get("k8s.node.name")).isEqualTo("node-1");
        assertThat(m.get("app.label.component")).isEqualTo("frontend");
        assertThat(m.get("k8s.pod.uid")).isEqualTo(api.client().pods().inNamespace("shop").withName("web-1").get().getMetadata().getUid());

        api.client().pods().inNamespace("shop").withName("web-1").edit(p -> {
            p.getMetadata().getLabels().put("app.kubernetes.io/component", "backend");
            return p;
        });
        Harness.await(WAIT, () -> "backend".equals(enrich(e, "k8s.pod.ip", "10.0.0.5").get("app.label.component")));

        api.client().pods().inNamespace("shop").withName("web-1").delete();
        Harness.await(WAIT, () -> store.pendingDeletes() > 0);
        // deleted, but within the grace period: still resolvable (its last data is often still in flight)
        store.purgeExpired();
        assertThat(enrich(e, "k8s.pod.ip", "10.0.0.5").get("k8s.pod.name")).isEqualTo("web-1");
        clock.addAndGet(Duration.ofSeconds(121).toNanos());
        store.purgeExpired();
        assertThat(enrich(e, "k8s.pod.ip", "10.0.0.5").get("k8s.pod.name")).isNull();
        assertThat(store.size()).isZero();
    }

    @Test
    void ownerChainLabelsAndAnnotationsFromPodNamespaceAndNode() throws Exception {
        var c = api.client();
        c.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("kube-system").endMetadata().build()).create();
        c.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").withLabels(Map.of("team", "payments")).endMetadata().build()).create();
        c.nodes().resource(new NodeBuilder().withNewMetadata().withName("node-1").withAnnotations(Map.of("zone", "eu-1")).endMetadata().build()).create();
        var deployment = c.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("shop")
                .withLabels(Map.of("tier", "gold")).endMetadata().build()).create();
        var rs = c.apps().replicaSets().inNamespace("shop").resource(new ReplicaSetBuilder().withNewMetadata().withName("web-6d4cf56db6").withNamespace("shop")
                .withOwnerReferences(new OwnerReferenceBuilder().withKind("Deployment").withName("web").withUid(deployment.getMetadata().getUid())
                        .withController(true).build()).endMetadata().build()).create();
        Pod pod = MockKubernetesApi.pod("shop", "web-6d4cf56db6-x7k2p", null, "10.0.0.9").editMetadata()
                .withOwnerReferences(new OwnerReferenceBuilder().withKind("ReplicaSet").withName(rs.getMetadata().getName())
                        .withUid(rs.getMetadata().getUid()).withController(true).build())
                .withLabels(Map.of("app.kubernetes.io/name", "web", "app.kubernetes.io/version", "4.2"))
                .withAnnotations(Map.of("resource.opentelemetry.io/team.owner", "alice", "git/sha", "abc")).endMetadata().build();
        api.create(pod);

        K8sAttributesConfig cfg = config("""
                extract:
                  metadata: [k8s.pod.name, k8s.namespace.name, k8s.replicaset.name, k8s.replicaset.uid, k8s.deployment.name,
                             k8s.deployment.uid, k8s.node.name, k8s.node.uid, k8s.cluster.uid]
                  otel_annotations: true
                  labels:
                    - tag_name: "$1"
                      key_regex: app.kubernetes.io/(.*)
                    - key: team
                      from: namespace
                    - key: tier
                      from: deployment
                  annotations:
                    - key: git/sha
                    - tag_name: node.zone
                      key: zone
                      from: node
                """);
        PodStore store = watch(cfg);
        Enricher e = new Enricher(cfg, store);
        Harness.await(WAIT, () -> "web".equals(enrich(e, "k8s.pod.ip", "10.0.0.9").get("k8s.deployment.name")));
        AttributeMap m = enrich(e, "k8s.pod.ip", "10.0.0.9", "k8s.namespace.name", "shop");
        assertThat(m.get("k8s.replicaset.name")).isEqualTo("web-6d4cf56db6");
        assertThat(m.get("k8s.replicaset.uid")).isEqualTo(rs.getMetadata().getUid());
        assertThat(m.get("k8s.deployment.uid")).isEqualTo(deployment.getMetadata().getUid());
        assertThat(m.get("name")).isEqualTo("web");
        assertThat(m.get("version")).isEqualTo("4.2");
        assertThat(m.get("team.owner")).isEqualTo("alice");
        assertThat(m.get("k8s.pod.annotations.git/sha")).isEqualTo("abc");
        assertThat(m.get("k8s.namespace.labels.team")).isEqualTo("payments");
        assertThat(m.get("k8s.deployment.label.tier")).isEqualTo("gold");
        assertThat(m.get("node.zone")).isEqualTo("eu-1");
        assertThat(m.get("k8s.node.uid")).isEqualTo(c.nodes().withName("node-1").get().getMetadata().getUid());
        assertThat(m.get("k8s.cluster.uid")).isEqualTo(c.namespaces().withName("kube-system").get().getMetadata().getUid());
        // existing attributes are never overwritten
        assertThat(enrich(e, "k8s.pod.ip", "10.0.0.9", "k8s.pod.name", "mine").get("k8s.pod.name")).isEqualTo("mine");
    }

    @Test
    void deploymentNameFromReplicaSetNameWithoutWatchingReplicaSets() throws Exception {
        api.create(MockKubernetesApi.pod("shop", "api-5f8b9c7d4-abcde", "u-9", "10.0.0.11").editMetadata()
                .withOwnerReferences(new OwnerReferenceBuilder().withKind("ReplicaSet").withName("api-5f8b9c7d4").withUid("rs-9").build()).endMetadata().build());
        K8sAttributesConfig cfg = config("""
                extract:
                  metadata: [k8s.deployment.name]
                  deployment_name_from_replicaset: true
                """);
        PodStore store = watch(cfg);
        Enricher e = new Enricher(cfg, store);
        Harness.await(WAIT, () -> "api".equals(enrich(e, "k8s.pod.ip", "10.0.0.11").get("k8s.deployment.name")));
    }
}

package io.ottl4j.collector.processor.k8sattributes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.k8s.MockKubernetesApi;
import io.ottl4j.collector.processor.k8sattributes.internal.Enricher;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * What upstream's processor accepts beyond the first spec: labels and annotations {@code from: replicaset} and
 * {@code from: cronjob}, the {@code container.image.tags} metadata field, the deprecated {@code k8s.cluster.name}
 * (accepted with a warning, never set), and the {@code kube_api_qps}/{@code kube_api_burst} keys; against the mock
 * API server.
 */
class UpstreamFieldsTest extends MockApiCase {
    private Enricher enricher(K8sAttributesConfig cfg) throws Exception {
        return new Enricher(cfg, watch(cfg));
    }

    @Test
    void labelsAndAnnotationsFromTheOwningReplicaSetFollowItsChanges() throws Exception {
        var c = api.client();
        ReplicaSet rs = c.apps().replicaSets().inNamespace("shop").resource(new ReplicaSetBuilder().withNewMetadata().withName("web-6d4cf56db6")
                .withNamespace("shop").withLabels(Map.of("app", "web", "pod-template-hash", "6d4cf56db6"))
                .withAnnotations(Map.of("deployment.kubernetes.io/revision", "3")).endMetadata().withNewSpec().withReplicas(1).endSpec().build()).create();
        api.create(MockKubernetesApi.pod("shop", "web-6d4cf56db6-x1", "uid-1", "10.0.1.1").editMetadata()
                .withLabels(Map.of("app", "pod-level"))
                .withOwnerReferences(new OwnerReferenceBuilder().withKind("ReplicaSet").withName(rs.getMetadata().getName())
                        .withUid(rs.getMetadata().getUid()).withController(true).build()).endMetadata().build());
        K8sAttributesConfig cfg = config("""
                extract:
                  metadata: [k8s.pod.name, k8s.replicaset.name]
                  labels:
                    - tag_name: replicaset_label
                      key: app
                      from: replicaset
                    - key: pod-template-hash
                      from: replicaset
                  annotations:
                    - tag_name: rs.$1
                      key_regex: deployment\\.kubernetes\\.io/(.*)
                      from: replicaset
                """);
        Enricher e = enricher(cfg);
        Harness.await(WAIT, () -> "web".equals(enrich(e, "k8s.pod.ip", "10.0.1.1").get("replicaset_label")));
        AttributeMap m = enrich(e, "k8s.pod.ip", "10.0.1.1");
        assertThat(m.get("k8s.replicaset.name")).isEqualTo("web-6d4cf56db6");
        assertThat(m.get("k8s.replicaset.label.pod-template-hash")).as("upstream's default tag: k8s.replicaset.label.<key>").isEqualTo("6d4cf56db6");
        assertThat(m.get("rs.revision")).isEqualTo("3");

        c.apps().replicaSets().inNamespace("shop").withName("web-6d4cf56db6").edit(r -> {
            r.getMetadata().getLabels().put("app", "web-v2");
            return r;
        });
        Harness.await(WAIT, () -> "web-v2".equals(enrich(e, "k8s.pod.ip", "10.0.1.1").get("replicaset_label")));
    }

    @Test
    void deploymentNameComesFromTheReplicaSetNameByDefaultAndFromTheInformerWhenItRuns() throws Exception {
        // no replica set object: only the name heuristic can name the deployment
        api.create(MockKubernetesApi.pod("shop", "api-5f8b9c7d4-abcde", "u-7", "10.0.1.7").editMetadata()
                .withOwnerReferences(new OwnerReferenceBuilder().withKind("ReplicaSet").withName("api-5f8b9c7d4").withUid("rs-7").build()).endMetadata().build());
        // a replica set whose deployment is not what its name suggests: the informer's owner chain wins when it runs
        ReplicaSet rs = api.client().apps().replicaSets().inNamespace("shop").resource(new ReplicaSetBuilder().withNewMetadata().withName("web-abc12")
                .withNamespace("shop").withLabels(Map.of("app", "web")).withOwnerReferences(new OwnerReferenceBuilder().withKind("Deployment")
                        .withName("storefront").withUid("d-1").withController(true).build()).endMetadata().withNewSpec().withReplicas(1).endSpec().build())
                .create();
        api.create(MockKubernetesApi.pod("shop", "web-abc12-xyz", "u-8", "10.0.1.8").editMetadata()
                .withOwnerReferences(new OwnerReferenceBuilder().withKind("ReplicaSet").withName("web-abc12").withUid(rs.getMetadata().getUid()).build())
                .endMetadata().build());
        assertThat(config("extract: {}\n").extract().deploymentNameFromReplicaSet()).as("upstream's default").isTrue();
        K8sAttributesConfig cfg = config("""
                extract:
                  metadata: [k8s.deployment.name]
                  labels: [{key: app, from: replicaset}]
                """);
        Enricher e = enricher(cfg);
        Harness.await(WAIT, () -> "api".equals(enrich(e, "k8s.pod.ip", "10.0.1.7").get("k8s.deployment.name")));
        Harness.await(WAIT, () -> "storefront".equals(enrich(e, "k8s.pod.ip", "10.0.1.8").get("k8s.deployment.name")));
        assertThat(enrich(e, "k8s.pod.ip", "10.0.1.8").get("k8s.replicaset.label.app")).isEqualTo("web");
    }

    @Test
    void labelsFromTheCronJobThatStartedThePodsJob() throws Exception {
        var c = api.client();
        CronJob cron = c.batch().v1().cronjobs().inNamespace("ops").resource(new CronJobBuilder().withNewMetadata().withName("backup").withNamespace("ops")
                .withLabels(Map.of("team", "storage")).withAnnotations(Map.of("owner", "alice")).endMetadata()
                .withNewSpec().withSchedule("0 * * * *").withNewJobTemplate().withNewSpec().withNewTemplate().withNewSpec()
                .withContainers(new ContainerBuilder().withName("b").withImage("busybox").build()).endSpec().endTemplate().endSpec().endJobTemplate()
                .endSpec().build()).create();
        Job job = c.batch().v1().jobs().inNamespace("ops").resource(new JobBuilder().withNewMetadata().withName("backup-29000000").withNamespace("ops")
                .withLabels(Map.of("team", "job-level"))
                .withOwnerReferences(new OwnerReferenceBuilder().withKind("CronJob").withName("backup").withUid(cron.getMetadata().getUid())
                        .withController(true).build()).endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().withContainers(new ContainerBuilder().withName("b").withImage("busybox").build())
                .endSpec().endTemplate().endSpec().build()).create();
        api.create(MockKubernetesApi.pod("ops", "backup-29000000-abcde", "uid-2", "10.0.1.2").editMetadata()
                .withOwnerReferences(new OwnerReferenceBuilder().withKind("Job").withName(job.getMetadata().getName())
                        .withUid(job.getMetadata().getUid()).withController(true).build()).endMetadata().build());
        K8sAttributesConfig cfg = config("""
                extract:
                  metadata: [k8s.cronjob.name]
                  labels:
                    - key: team
                      from: cronjob
                    - tag_name: job_team
                      key: team
                      from: job
                  annotations:
                    - tag_name: cron_owner
                      key: owner
                      from: cronjob
                """);
        Enricher e = enricher(cfg);
        Harness.await(WAIT, () -> "storage".equals(enrich(e, "k8s.pod.ip", "10.0.1.2").get("k8s.cronjob.label.team")));
        AttributeMap m = enrich(e, "k8s.pod.ip", "10.0.1.2");
        assertThat(m.get("cron_owner")).isEqualTo("alice");
        assertThat(m.get("job_team")).isEqualTo("job-level");
        assertThat(m.get("k8s.cronjob.name")).isEqualTo("backup");
    }

    @Test
    void containerImageTagsIsAOneElementListOfTheSpecsTag() throws Exception {
        api.create(MockKubernetesApi.pod("shop", "web-1", "uid-3", "10.0.1.3").editSpec()
                .withContainers(new ContainerBuilder().withName("app").withImage("registry.example.com:5000/shop/web:1.4.2").build(),
                        new ContainerBuilder().withName("side").withImage("envoyproxy/envoy").build(),
                        new ContainerBuilder().withName("pinned").withImage("redis@sha256:" + "a".repeat(64)).build())
                .endSpec().editStatus()
                .withContainerStatuses(new ContainerStatusBuilder().withName("app").withContainerID("containerd://c-app").withRestartCount(0).build(),
                        new ContainerStatusBuilder().withName("side").withContainerID("containerd://c-side").withRestartCount(0).build(),
                        new ContainerStatusBuilder().withName("pinned").withContainerID("containerd://c-pinned").withRestartCount(0).build())
                .endStatus().build());
        K8sAttributesConfig cfg = config("""
                extract:
                  metadata: [k8s.pod.name, container.image.name, container.image.tag, container.image.tags]
                """);
        Enricher e = enricher(cfg);
        Harness.await(WAIT, () -> enrich(e, "k8s.pod.ip", "10.0.1.3").get("k8s.pod.name") != null);
        AttributeMap app = enrich(e, "k8s.pod.ip", "10.0.1.3", "k8s.container.name", "app");
        assertThat(app.get("container.image.name")).isEqualTo("registry.example.com:5000/shop/web");
        assertThat(app.get("container.image.tag")).isEqualTo("1.4.2");
        assertThat(tags(app)).containsExactly("1.4.2");
        assertThat(tags(enrich(e, "k8s.pod.ip", "10.0.1.3", "container.id", "c-side"))).as("no tag: latest, as upstream").containsExactly("latest");
        AttributeMap pinned = enrich(e, "k8s.pod.ip", "10.0.1.3", "k8s.container.name", "pinned");
        assertThat(pinned.containsKey("container.image.tags")).as("a digest without a tag has no tag").isFalse();
        // a value the resource already carries is kept
        AttributeMap own = AttributeMap.of("k8s.pod.ip", "10.0.1.3", "k8s.container.name", "app");
        own.putEmptyList("container.image.tags").add("mine");
        e.enrich(own, "");
        assertThat(tags(own)).containsExactly("mine");

    }

    @Test
    void onlyTheTagsAskedForTheSingularTagStaysAway() throws Exception {
        api.create(MockKubernetesApi.pod("shop", "web-1", "uid-5", "10.0.1.5").editSpec()
                .withContainers(new ContainerBuilder().withName("app").withImage("shop/web:2.0").build()).endSpec().editStatus()
                .withContainerStatuses(new ContainerStatusBuilder().withName("app").withContainerID("containerd://c-5").withRestartCount(0).build())
                .endStatus().build());
        Enricher e = enricher(config("extract:\n  metadata: [container.image.tags]\n"));
        Harness.await(WAIT, () -> enrich(e, "k8s.pod.ip", "10.0.1.5", "container.id", "c-5").containsKey("container.image.tags"));
        AttributeMap m = enrich(e, "k8s.pod.ip", "10.0.1.5", "container.id", "c-5");
        assertThat(tags(m)).containsExactly("2.0");
        assertThat(m.containsKey("container.image.tag")).isFalse();
        assertThat(m.containsKey("container.image.name")).isFalse();
    }

    private static List<Object> tags(AttributeMap m) {
        assertThat(m.get("container.image.tags")).isInstanceOf(AttributeList.class);
        AttributeList l = (AttributeList) m.get("container.image.tags");
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(l.get(i));
        }
        return out;
    }

    @Test
    void deprecatedClusterNameIsAcceptedWithAWarningAndNeverSet() throws Exception {
        api.create(MockKubernetesApi.pod("shop", "web-1", "uid-4", "10.0.1.4").build());
        K8sAttributesConfig cfg = config("""
                extract:
                  metadata: [k8s.pod.name, k8s.cluster.name]
                """);
        Enricher e = enricher(cfg);
        Harness.await(WAIT, () -> "web-1".equals(enrich(e, "k8s.pod.ip", "10.0.1.4").get("k8s.pod.name")));
        assertThat(enrich(e, "k8s.pod.ip", "10.0.1.4").containsKey("k8s.cluster.name")).isFalse();

        K8sAttributesProcessorFactory f = new K8sAttributesProcessorFactory();
        K8sAttributesConfig passthrough = TestComponents.decode(f, "passthrough: true\nauth_type: none\nextract:\n  metadata: [k8s.cluster.name]\n");
        Logger log = Logger.getLogger("io.ottl4j.collector.processor.k8s_attributes/old.traces");
        List<LogRecord> records = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public synchronized void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(h);
        log.setUseParentHandlers(false);
        try {
            f.create(TestComponents.settings(Kind.PROCESSOR, "k8s_attributes/old"), passthrough, Signal.TRACES, batch -> { });
        } finally {
            log.removeHandler(h);
            log.setUseParentHandlers(true);
        }
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).contains("k8s.cluster.name metadata param has been deprecated");
        });
    }

    @Test
    void configAcceptsUpstreamsCurrentKeysAndNamesEveryFromChoice() throws Exception {
        K8sAttributesProcessorFactory f = new K8sAttributesProcessorFactory();
        assertThat(TestComponents.problems(f, """
                auth_type: none
                kube_api_qps: 20
                kube_api_burst: 40
                extract:
                  metadata: [container.image.tag, container.image.tags, k8s.cluster.name, k8s.cluster.uid]
                  labels: [{key: a, from: replicaset}, {key: b, from: cronjob}]
                  annotations: [{key: a, from: replicaset}, {key: b, from: cronjob}]
                """)).isEmpty();
        assertThat(TestComponents.problems(f, "kube_api_qps: -1\nkube_api_burst: -2\nextract:\n  labels: [{key: a, from: unknown}]\n"))
                .anySatisfy(p -> assertThat(p).contains("kube_api_qps must not be negative"))
                .anySatisfy(p -> assertThat(p).contains("kube_api_burst must not be negative"))
                .anySatisfy(p -> assertThat(p).contains(
                        "unknown is not a valid choice for From. Must be one of: pod, namespace, node, deployment, replicaset, statefulset, daemonset, job, cronjob"));
    }
}

package io.ottl4j.collector.datadog.mapping;

import io.ottl4j.pdata.AttributeMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resource attributes as Datadog tags (opentelemetry-mapping-go TagsFromAttributes): the unified service
 * tags and the container / Kubernetes / cloud conventions always; every attribute with
 * {@code resource_attributes_as_tags}.
 */
public final class Tags {
    /** OTel resource attribute → Datadog tag key. */
    public static final Map<String, String> MAPPINGS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("deployment.environment.name", "env");
        m.put("deployment.environment", "env");
        m.put("service.name", "service");
        m.put("service.version", "version");
        m.put("container.id", "container_id");
        m.put("container.name", "container_name");
        m.put("container.image.name", "image_name");
        m.put("container.image.tag", "image_tag");
        m.put("container.runtime", "runtime");
        m.put("cloud.provider", "cloud_provider");
        m.put("cloud.region", "region");
        m.put("cloud.availability_zone", "zone");
        m.put("aws.ecs.task.family", "task_family");
        m.put("aws.ecs.task.arn", "task_arn");
        m.put("aws.ecs.cluster.arn", "ecs_cluster_name");
        m.put("aws.ecs.task.revision", "task_version");
        m.put("aws.ecs.container.arn", "ecs_container_name");
        m.put("k8s.container.name", "kube_container_name");
        m.put("k8s.cluster.name", "kube_cluster_name");
        m.put("k8s.deployment.name", "kube_deployment");
        m.put("k8s.replicaset.name", "kube_replica_set");
        m.put("k8s.statefulset.name", "kube_stateful_set");
        m.put("k8s.daemonset.name", "kube_daemon_set");
        m.put("k8s.job.name", "kube_job");
        m.put("k8s.cronjob.name", "kube_cronjob");
        m.put("k8s.namespace.name", "kube_namespace");
        m.put("k8s.pod.name", "pod_name");
        MAPPINGS = Map.copyOf(m);
    }

    private Tags() {
    }

    /** Tags for a resource: mapped conventions always, every attribute (as key:value) when {@code all}. */
    public static List<String> fromResource(AttributeMap res, boolean all) {
        List<String> tags = new ArrayList<>();
        if (res == null) {
            return tags;
        }
        for (int i = 0, n = res.size(); i < n; i++) {
            String k = res.keyAt(i);
            String v = Attrs.str(res.valueAt(i));
            if (v.isEmpty()) {
                continue;
            }
            String mapped = MAPPINGS.get(k);
            if (mapped != null) {
                tags.add(mapped + ":" + v);
            }
            if (all) {
                tags.add(k + ":" + v);
            }
        }
        return tags;
    }

    /** Data point / record attributes as key:value tags. */
    public static void addAttributes(List<String> tags, AttributeMap attrs) {
        for (int i = 0, n = attrs.size(); i < n; i++) {
            tags.add(attrs.keyAt(i) + ":" + Attrs.str(attrs.valueAt(i)));
        }
    }
}

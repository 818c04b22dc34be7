package io.ottl4j.collector.processor.k8sattributes.internal;

import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig.Association;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig.Source;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.util.Map;

/**
 * Upstream's {@code processResource}: finds the pod a resource came from (association rules, tried in order;
 * the first whose every source has a value names the pod), records a connection IP as {@code k8s.pod.ip}, then
 * adds the pod's, its containers', namespace's, node's and workloads' attributes without overwriting any.
 */
public final class Enricher {
    private final K8sAttributesConfig config;
    private final PodStore store;

    /** {@code store} is null in passthrough mode. */
    public Enricher(K8sAttributesConfig config, PodStore store) {
        this.config = config;
        this.store = store;
    }

    /** The outcome of identification: the cache key, and the connection IP when a connection source gave it. */
    record Identity(String key, String connectionIp) {
    }

    public void enrich(AttributeMap attrs, String clientAddress) {
        Identity id = identify(attrs, clientAddress);
        if (id == null) {
            return;
        }
        if (id.connectionIp() != null && !attrs.containsKey("k8s.pod.ip")) {
            attrs.putString("k8s.pod.ip", id.connectionIp());
        }
        if (store == null) {
            return;
        }
        Pod pod = store.get(id.key());
        if (pod != null) {
            String[] keys = pod.keys();
            String[] values = pod.values();
            for (int i = 0; i < keys.length; i++) {
                attrs.putIfAbsent(keys[i], values[i]);
            }
            addContainer(attrs, pod);
            if (!pod.deploymentUid().isEmpty()) {
                addMeta(attrs, store.deployment(pod.deploymentUid()));
            }
            if (!pod.statefulSetUid().isEmpty()) {
                addMeta(attrs, store.statefulSet(pod.statefulSetUid()));
            }
            if (!pod.daemonSetUid().isEmpty()) {
                addMeta(attrs, store.daemonSet(pod.daemonSetUid()));
            }
            if (!pod.replicaSetUid().isEmpty()) {
                addAll(attrs, store.replicaSetAttributes(pod.replicaSetUid()));
            }
            if (!pod.jobUid().isEmpty()) {
                addAll(attrs, store.jobAttributes(pod.jobUid()));
                addAll(attrs, store.cronJobAttributesOfJob(pod.jobUid()));
            }
        }
        if (attrs.get("k8s.namespace.name") instanceof String ns && !ns.isEmpty()) {
            addMeta(attrs, store.namespace(ns));
        }
        if (attrs.get("k8s.node.name") instanceof String node && !node.isEmpty()) {
            PodStore.Meta n = store.node(node);
            addMeta(attrs, n);
            if (n != null && config.extract().has("k8s.node.uid") && !n.uid().isEmpty()) {
                attrs.putIfAbsent("k8s.node.uid", n.uid());
            }
        }
    }

    private static void addMeta(AttributeMap attrs, PodStore.Meta m) {
        if (m != null) {
            addAll(attrs, m.attributes());
        }
    }

    private static void addAll(AttributeMap attrs, Map<String, String> add) {
        for (Map.Entry<String, String> e : add.entrySet()) {
            attrs.putIfAbsent(e.getKey(), e.getValue());
        }
    }

    /** The pod identifier of a resource, or null when no rule (or default) finds one. */
    Identity identify(AttributeMap attrs, String clientAddress) {
        if (config.associations().isEmpty()) {
            // upstream's behaviour without rules: k8s.pod.ip, the legacy "ip", the connection, host.name if an IP
            String v = str(attrs, "k8s.pod.ip");
            if (v.isEmpty()) {
                v = str(attrs, "ip");
            }
            if (v.isEmpty()) {
                v = clientAddress;
            }
            if (v.isEmpty() && Ips.isIp(str(attrs, "host.name"))) {
                v = str(attrs, "host.name");
            }
            return v.isEmpty() ? null : new Identity(PodIds.connection(v), v);
        }
        String[] parts = new String[K8sAttributesConfig.MAX_SOURCES];
        for (Association a : config.associations()) {
            int n = 0;
            String connection = null;
            boolean skip = false;
            for (Source s : a.sources()) {
                if (s.connection()) {
                    if (clientAddress.isEmpty()) {
                        skip = true;
                        break;
                    }
                    connection = clientAddress;
                    parts[n++] = PodIds.connection(clientAddress);
                    continue;
                }
                String v = str(attrs, s.name());
                if (s.name().equals("host.name") && !Ips.isIp(v)) {
                    v = "";
                }
                if (v.isEmpty()) {
                    skip = true;
                    break;
                }
                parts[n++] = PodIds.attribute(s.name(), v);
            }
            if (!skip && n > 0) {
                return new Identity(PodIds.join(parts, n), connection);
            }
        }
        return null;
    }

    private void addContainer(AttributeMap attrs, Pod pod) {
        if (pod.containersByName().isEmpty()) {
            return;
        }
        String name = str(attrs, "k8s.container.name");
        String cid = str(attrs, "container.id");
        Pod.Container c;
        if (!name.isEmpty()) {
            c = pod.containersByName().get(name);
        } else if (!cid.isEmpty()) {
            c = pod.containersById().get(cid);
        } else {
            return;
        }
        if (c == null) {
            return;
        }
        putIfSet(attrs, "k8s.container.name", c.name());
        putIfSet(attrs, "container.image.name", c.imageName());
        putIfSet(attrs, "container.image.tag", c.imageTag());
        if (!c.imageTags().isEmpty() && !attrs.containsKey("container.image.tags")) {
            // semconv: string[]; a pod spec names one image reference, so one tag
            attrs.putEmptyList("container.image.tags").add(c.imageTags());
        }
        putIfSet(attrs, "service.version", c.serviceVersion());
        putIfSet(attrs, "service.instance.id", c.serviceInstanceId());
        int run = -1;
        Object rc = attrs.get("k8s.container.restart_count");
        if (rc instanceof Long l) {
            run = l.intValue();
        } else if (rc instanceof String s) {
            try {
                run = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                run = -1;
            }
        } else {
            // the highest restart count is, in most cases, the container running now
            for (int r : c.runs().keySet()) {
                run = Math.max(run, r);
            }
        }
        Pod.Run r = run < 0 ? null : c.runs().get(run);
        if (r != null) {
            putIfSet(attrs, "container.id", r.containerId());
            if (!r.imageRepoDigest().isEmpty() && !attrs.containsKey("container.image.repo_digests")) {
                AttributeList l = attrs.putEmptyList("container.image.repo_digests");
                l.add(r.imageRepoDigest());
            }
        }
    }

    private static void putIfSet(AttributeMap attrs, String key, String value) {
        if (!value.isEmpty()) {
            attrs.putIfAbsent(key, value);
        }
    }

    private static String str(AttributeMap attrs, String key) {
        return attrs.get(key) instanceof String s ? s : "";
    }
}

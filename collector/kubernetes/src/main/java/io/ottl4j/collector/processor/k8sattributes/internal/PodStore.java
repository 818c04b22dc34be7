package io.ottl4j.collector.processor.k8sattributes.internal;

import com.google.re2j.Pattern;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig.Association;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig.Extract;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig.From;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig.Source;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The processor's view of the cluster (upstream {@code WatchClient}'s maps): pods by every identifier the
 * association rules can produce, and namespaces, nodes and workloads by name or UID. Informer callbacks write,
 * the pipeline reads concurrently without locks.
 *
 * <p>A deleted pod stays resolvable for {@code grace} (upstream: 120 s), since its last data is often still in
 * flight; at most {@code maxPendingDeletes} deleted pods are kept, the oldest leave first, so churn cannot grow
 * the cache without bound. Time comes from an injectable nanosecond clock.
 */
public final class PodStore {
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(120);
    public static final String IGNORE_ANNOTATION = "opentelemetry.io/k8s-processor-ignore";
    private static final java.util.regex.Pattern CRONJOB_FROM_JOB = java.util.regex.Pattern.compile("^(.*)-\\d+$");
    private static final java.util.regex.Pattern DEPLOYMENT_FROM_RS = java.util.regex.Pattern.compile("^(.*)-[0-9a-zA-Z]+$");

    /** Name, UID and extracted label/annotation attributes of a namespace, node or workload. */
    public record Meta(String name, String uid, Map<String, String> attributes) {
    }

    /** {@code attributes}: what the {@code from: replicaset} rules take from its labels and annotations. */
    record ReplicaSetInfo(String deploymentName, String deploymentUid, Map<String, String> attributes) {
    }

    record JobInfo(String cronJobName, String cronJobUid, Map<String, String> attributes) {
    }

    private record Deletion(String id, String podUid, long at) {
    }

    private final Extract extract;
    private final List<Association> associations;
    private final List<Pattern> exclude;
    private final LongSupplier nanoClock;
    private final long graceNanos;
    private final int maxPendingDeletes;

    private final Map<String, Pod> pods = new ConcurrentHashMap<>();
    final Map<String, Meta> namespaces = new ConcurrentHashMap<>();
    final Map<String, Meta> nodes = new ConcurrentHashMap<>();
    final Map<String, ReplicaSetInfo> replicaSets = new ConcurrentHashMap<>();
    final Map<String, Meta> deployments = new ConcurrentHashMap<>();
    final Map<String, Meta> statefulSets = new ConcurrentHashMap<>();
    final Map<String, Meta> daemonSets = new ConcurrentHashMap<>();
    final Map<String, JobInfo> jobs = new ConcurrentHashMap<>();
    final Map<String, Meta> cronJobs = new ConcurrentHashMap<>();
    private final ArrayDeque<Deletion> deleteQueue = new ArrayDeque<>();

    public PodStore(K8sAttributesConfig config, LongSupplier nanoClock, Duration grace, int maxPendingDeletes) {
        this.extract = config.extract();
        this.associations = config.associations();
        this.exclude = config.excludePods();
        this.nanoClock = nanoClock;
        this.graceNanos = grace.toNanos();
        this.maxPendingDeletes = maxPendingDeletes;
    }

    public Extract extract() {
        return extract;
    }

    /** The pod an identifier names, unless it is ignored. */
    public Pod get(String id) {
        Pod p = pods.get(id);
        return p == null || p.ignore() ? null : p;
    }

    public Meta namespace(String name) {
        return namespaces.get(name);
    }

    public Meta node(String name) {
        return nodes.get(name);
    }

    public Meta deployment(String uid) {
        return deployments.get(uid);
    }

    public Meta statefulSet(String uid) {
        return statefulSets.get(uid);
    }

    public Meta daemonSet(String uid) {
        return daemonSets.get(uid);
    }

    public Map<String, String> jobAttributes(String uid) {
        JobInfo j = jobs.get(uid);
        return j == null ? Map.of() : j.attributes();
    }

    /** The {@code from: replicaset} attributes of the replica set with {@code uid}. */
    public Map<String, String> replicaSetAttributes(String uid) {
        ReplicaSetInfo rs = replicaSets.get(uid);
        return rs == null ? Map.of() : rs.attributes();
    }

    /** The {@code from: cronjob} attributes of the cron job that owns the job with {@code jobUid}. */
    public Map<String, String> cronJobAttributesOfJob(String jobUid) {
        JobInfo j = jobs.get(jobUid);
        Meta c = j == null || j.cronJobUid().isEmpty() ? null : cronJobs.get(j.cronJobUid());
        return c == null ? Map.of() : c.attributes();
    }

    /** Deleted pods still waiting out their grace period (identifier entries). */
    public int pendingDeletes() {
        synchronized (deleteQueue) {
            return deleteQueue.size();
        }
    }

    /** Number of identifier entries (a pod has several). */
    public int size() {
        return pods.size();
    }

    // ---- pods ----

    public void addOrUpdate(io.fabric8.kubernetes.api.model.Pod api) {
        Pod pod = fromApi(api);
        for (String id : identifiers(pod)) {
            pods.merge(id, pod, (old, neu) -> neu.startMillis() < old.startMillis() && !old.uid().equals(neu.uid()) ? old : neu);
        }
    }

    /** Queues the pod's identifiers for removal after the grace period. */
    public void delete(io.fabric8.kubernetes.api.model.Pod api) {
        Pod pod = fromApi(api);
        long now = nanoClock.getAsLong();
        synchronized (deleteQueue) {
            for (String id : identifiers(pod)) {
                Pod p = pods.get(id);
                if (p != null && p.uid().equals(pod.uid())) {
                    deleteQueue.add(new Deletion(id, pod.uid(), now));
                }
            }
            while (deleteQueue.size() > maxPendingDeletes) {
                remove(deleteQueue.poll());
            }
        }
    }

    /** Drops the deleted pods whose grace period is over (upstream's delete loop, run every few seconds). */
    public void purgeExpired() {
        long now = nanoClock.getAsLong();
        synchronized (deleteQueue) {
            while (!deleteQueue.isEmpty() && now - deleteQueue.peek().at() >= graceNanos) {
                remove(deleteQueue.poll());
            }
        }
    }

    private void remove(Deletion d) {
        pods.computeIfPresent(d.id(), (k, p) -> p.uid().equals(d.podUid()) ? null : p);
    }

    /** Every identifier a pod is found by: one per association rule it satisfies, plus UID and IP (upstream). */
    List<String> identifiers(Pod pod) {
        List<String> ids = new ArrayList<>();
        String[] parts = new String[K8sAttributesConfig.MAX_SOURCES];
        for (Association a : associations) {
            int containerIdAt = -1;
            boolean skip = false;
            int n = 0;
            for (Source s : a.sources()) {
                if (s.connection()) {
                    if (pod.address().isEmpty() || pod.hostNetwork()) {
                        skip = true;
                        break;
                    }
                    parts[n++] = PodIds.connection(pod.address());
                    continue;
                }
                String v = switch (s.name()) {
                    case "k8s.namespace.name" -> pod.namespace();
                    case "k8s.pod.name" -> pod.name();
                    case "k8s.pod.uid" -> pod.uid();
                    case "host.name", "k8s.pod.ip" -> pod.address();
                    case "container.id" -> {
                        containerIdAt = n;
                        yield "";
                    }
                    default -> {
                        String x = pod.attribute(s.name());
                        yield x == null ? "" : x;
                    }
                };
                if (v.isEmpty() && containerIdAt != n) {
                    skip = true;
                    break;
                }
                parts[n++] = PodIds.attribute(s.name(), v);
            }
            if (skip || n == 0) {
                continue;
            }
            if (containerIdAt >= 0) {
                for (String cid : pod.containersById().keySet()) {
                    String[] copy = parts.clone();
                    copy[containerIdAt] = PodIds.attribute("container.id", cid);
                    ids.add(PodIds.join(copy, n));
                }
            } else {
                ids.add(PodIds.join(parts, n));
            }
        }
        if (!pod.uid().isEmpty()) {
            ids.add(PodIds.attribute("k8s.pod.uid", pod.uid()));
        }
        if (!pod.address().isEmpty() && !pod.hostNetwork()) {
            ids.add(PodIds.connection(pod.address()));
            ids.add(PodIds.attribute("k8s.pod.ip", pod.address()));
        }
        return ids;
    }

    Pod fromApi(io.fabric8.kubernetes.api.model.Pod api) {
        var meta = api.getMetadata();
        var spec = api.getSpec();
        var status = api.getStatus();
        String uid = nz(meta.getUid());
        String name = nz(meta.getName());
        String ns = nz(meta.getNamespace());
        String address = status == null ? "" : nz(status.getPodIP());
        boolean hostNetwork = spec != null && Boolean.TRUE.equals(spec.getHostNetwork());
        String nodeName = spec == null ? "" : nz(spec.getNodeName());
        long start = millis(status == null ? null : status.getStartTime());
        OwnerReference rs = Extraction.owner(api, "ReplicaSet");
        OwnerReference ss = Extraction.owner(api, "StatefulSet");
        OwnerReference ds = Extraction.owner(api, "DaemonSet");
        OwnerReference job = Extraction.owner(api, "Job");
        ReplicaSetInfo rsInfo = rs == null ? null : replicaSets.get(nz(rs.getUid()));
        String deploymentUid = rsInfo == null ? "" : rsInfo.deploymentUid();
        boolean ignore = ignored(api);
        Map<String, String> attrs = ignore ? Map.of() : podAttributes(api, rs, rsInfo, ss, ds, job);
        Map<String, Pod.Container> byName = new HashMap<>();
        Map<String, Pod.Container> byId = new HashMap<>();
        if (!ignore && needContainers()) {
            containers(api, byName, byId);
        }
        return new Pod(uid, name, ns, address, hostNetwork, nodeName, start, attrs.keySet().toArray(String[]::new),
                attrs.values().toArray(String[]::new), rs == null ? "" : nz(rs.getUid()), deploymentUid, ss == null ? "" : nz(ss.getUid()),
                ds == null ? "" : nz(ds.getUid()), job == null ? "" : nz(job.getUid()), Collections.unmodifiableMap(byName),
                Collections.unmodifiableMap(byId), ignore);
    }

    private boolean ignored(io.fabric8.kubernetes.api.model.Pod api) {
        Map<String, String> ann = api.getMetadata().getAnnotations();
        if (ann != null && "true".equals(nz(ann.get(IGNORE_ANNOTATION)).trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String name = nz(api.getMetadata().getName());
        for (Pattern p : exclude) {
            if (p.matcher(name).find()) {
                return true;
            }
        }
        return false;
    }

    private Map<String, String> podAttributes(io.fabric8.kubernetes.api.model.Pod api, OwnerReference rs, ReplicaSetInfo rsInfo, OwnerReference ss,
            OwnerReference ds, OwnerReference job) {
        Map<String, String> t = new LinkedHashMap<>();
        var meta = api.getMetadata();
        var spec = api.getSpec();
        var status = api.getStatus();
        if (extract.has("k8s.pod.name")) {
            t.put("k8s.pod.name", nz(meta.getName()));
        }
        if (extract.has("service.name")) {
            t.put("service.name", nz(meta.getName()));
        }
        if (extract.has("k8s.pod.hostname") && spec != null) {
            t.put("k8s.pod.hostname", nz(spec.getHostname()));
        }
        if (extract.has("k8s.pod.ip") && status != null) {
            t.put("k8s.pod.ip", nz(status.getPodIP()));
        }
        if (extract.has("k8s.namespace.name")) {
            t.put("k8s.namespace.name", nz(meta.getNamespace()));
        }
        if (extract.has("service.namespace")) {
            t.put("service.namespace", nz(meta.getNamespace()));
        }
        if (extract.has("k8s.pod.start_time") && meta.getCreationTimestamp() != null && !meta.getCreationTimestamp().isEmpty()) {
            t.put("k8s.pod.start_time", rfc3339(meta.getCreationTimestamp()));
        }
        if (extract.has("k8s.pod.uid")) {
            t.put("k8s.pod.uid", nz(meta.getUid()));
        }
        boolean service = extract.has("service.name");
        if (rs != null) {
            putIf("k8s.replicaset.uid", rs.getUid(), t);
            putIf("k8s.replicaset.name", rs.getName(), t);
            if (service) {
                t.put("service.name", nz(rs.getName()));
            }
            // the informer's owner chain when it runs and knows the replica set, else the name heuristic if allowed
            String deployment = rsInfo != null ? rsInfo.deploymentName()
                    : extract.deploymentNameFromReplicaSet() ? deploymentFromReplicaSet(nz(rs.getName())) : "";
            if (!deployment.isEmpty()) {
                putIf("k8s.deployment.name", deployment, t);
                if (service) {
                    t.put("service.name", deployment);
                }
            }
            if (rsInfo != null && !rsInfo.deploymentUid().isEmpty()) {
                putIf("k8s.deployment.uid", rsInfo.deploymentUid(), t);
            }
        }
        if (ds != null) {
            putIf("k8s.daemonset.uid", ds.getUid(), t);
            putIf("k8s.daemonset.name", ds.getName(), t);
            if (service) {
                t.put("service.name", nz(ds.getName()));
            }
        }
        if (ss != null) {
            putIf("k8s.statefulset.uid", ss.getUid(), t);
            putIf("k8s.statefulset.name", ss.getName(), t);
            if (service) {
                t.put("service.name", nz(ss.getName()));
            }
        }
        if (job != null) {
            putIf("k8s.job.uid", job.getUid(), t);
            putIf("k8s.job.name", job.getName(), t);
            if (service) {
                t.put("service.name", nz(job.getName()));
            }
            var m = CRONJOB_FROM_JOB.matcher(nz(job.getName()));
            if (m.matches()) {
                putIf("k8s.cronjob.name", m.group(1), t);
                if (service) {
                    t.put("service.name", m.group(1));
                }
            }
            JobInfo j = jobs.get(nz(job.getUid()));
            if (j != null && !j.cronJobUid().isEmpty()) {
                putIf("k8s.cronjob.uid", j.cronJobUid(), t);
            }
        }
        if (extract.has("k8s.node.name") && spec != null) {
            t.put("k8s.node.name", nz(spec.getNodeName()));
        }
        if (extract.has("k8s.cluster.uid")) {
            Meta ks = namespaces.get("kube-system");
            if (ks != null) {
                t.put("k8s.cluster.uid", ks.uid());
            }
        }
        Extraction.apply(extract.labels(), From.POD, meta.getLabels(), t);
        Extraction.apply(extract.annotations(), From.POD, meta.getAnnotations(), t);
        Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
        if (service) {
            // app.kubernetes.io/instance wins over app.kubernetes.io/name, both over owner names
            copy(labels, "app.kubernetes.io/name", "service.name", t);
            copy(labels, "app.kubernetes.io/instance", "service.name", t);
        }
        if (extract.has("service.version")) {
            copy(labels, "app.kubernetes.io/version", "service.version", t);
        }
        return t;
    }

    private void putIf(String key, String value, Map<String, String> t) {
        if (extract.has(key)) {
            t.put(key, nz(value));
        }
    }

    private static void copy(Map<String, String> labels, String label, String key, Map<String, String> t) {
        String v = labels.get(label);
        if (v != null) {
            t.put(key, v);
        }
    }

    static String deploymentFromReplicaSet(String rsName) {
        var m = DEPLOYMENT_FROM_RS.matcher(rsName);
        return m.matches() ? m.group(1) : "";
    }

    boolean needContainers() {
        return extract.has("k8s.container.name") || extract.has("container.id") || extract.has("container.image.name") || extract.has("container.image.tag")
                || extract.has("container.image.tags") || extract.has("container.image.repo_digests") || extract.has("service.version") || extract.has("service.instance.id");
    }

    private void containers(io.fabric8.kubernetes.api.model.Pod api, Map<String, Pod.Container> byName, Map<String, Pod.Container> byId) {
        record Spec(String imageName, String imageTag, String imageTags, String version) {
        }
        Map<String, Spec> specs = new HashMap<>();
        if (api.getSpec() != null) {
            List<Container> all = new ArrayList<>(nn(api.getSpec().getContainers()));
            all.addAll(nn(api.getSpec().getInitContainers()));
            for (Container c : all) {
                String[] img = ImageNames.parse(nz(c.getImage()));
                if (img != null) {
                    specs.put(nz(c.getName()), new Spec(extract.has("container.image.name") ? img[0] : "",
                            extract.has("container.image.tag") ? img[1] : "", extract.has("container.image.tags") ? img[1] : "", extract.has("service.version") ? ImageNames.serviceVersion(nz(c.getImage())) : ""));
                } else {
                    specs.put(nz(c.getName()), new Spec("", "", "", ""));
                }
            }
        }
        Map<String, Map<Integer, Pod.Run>> runs = new HashMap<>();
        Map<String, List<String>> ids = new HashMap<>();
        if (api.getStatus() != null) {
            List<ContainerStatus> statuses = new ArrayList<>(nn(api.getStatus().getContainerStatuses()));
            statuses.addAll(nn(api.getStatus().getInitContainerStatuses()));
            for (ContainerStatus s : statuses) {
                String name = nz(s.getName());
                String cid = nz(s.getContainerID());
                int sep = cid.indexOf("://");
                if (sep >= 0) {
                    cid = cid.substring(sep + 3);
                }
                ids.computeIfAbsent(name, k -> new ArrayList<>()).add(cid);
                if (extract.has("container.id") || extract.has("container.image.repo_digests")) {
                    String digest = extract.has("container.image.repo_digests") ? ImageNames.canonicalRef(nz(s.getImageID())) : "";
                    runs.computeIfAbsent(name, k -> new HashMap<>()).put(s.getRestartCount() == null ? 0 : s.getRestartCount(),
                            new Pod.Run(extract.has("container.id") ? cid : "", digest == null ? "" : digest));
                }
                specs.putIfAbsent(name, new Spec("", "", "", ""));
            }
        }
        String ns = nz(api.getMetadata().getNamespace());
        String podName = nz(api.getMetadata().getName());
        for (Map.Entry<String, Spec> e : specs.entrySet()) {
            String name = e.getKey();
            boolean known = ids.containsKey(name);
            Pod.Container c = new Pod.Container(extract.has("k8s.container.name") && known ? name : "", e.getValue().imageName(), e.getValue().imageTag(),
                    e.getValue().imageTags(), e.getValue().version(), extract.has("service.instance.id") && known ? ns + "." + podName + "." + name : "",
                    Map.copyOf(runs.getOrDefault(name, Map.of())));
            byName.put(name, c);
            for (String cid : ids.getOrDefault(name, List.of())) {
                byId.put(cid, c);
            }
        }
    }

    // ---- owners, namespaces, nodes ----

    public void addOrUpdateNamespace(HasMetadata ns) {
        namespaces.put(nz(ns.getMetadata().getName()), meta(ns, From.NAMESPACE));
    }

    public void deleteNamespace(HasMetadata ns) {
        namespaces.remove(nz(ns.getMetadata().getName()));
    }

    public void addOrUpdateNode(HasMetadata node) {
        nodes.put(nz(node.getMetadata().getName()), meta(node, From.NODE));
    }

    public void deleteNode(HasMetadata node) {
        nodes.remove(nz(node.getMetadata().getName()));
    }

    public void addOrUpdateReplicaSet(ReplicaSet rs) {
        OwnerReference d = Extraction.owner(rs, "Deployment");
        replicaSets.put(nz(rs.getMetadata().getUid()), new ReplicaSetInfo(d == null ? "" : nz(d.getName()), d == null ? "" : nz(d.getUid()),
                Extraction.labelsAndAnnotations(extract, From.REPLICASET, rs)));
    }

    public void deleteReplicaSet(ReplicaSet rs) {
        replicaSets.remove(nz(rs.getMetadata().getUid()));
    }

    public void addOrUpdateWorkload(From kind, HasMetadata w) {
        workloads(kind).put(nz(w.getMetadata().getUid()), meta(w, kind));
    }

    public void deleteWorkload(From kind, HasMetadata w) {
        workloads(kind).remove(nz(w.getMetadata().getUid()));
    }

    private Map<String, Meta> workloads(From kind) {
        return switch (kind) {
            case DEPLOYMENT -> deployments;
            case STATEFULSET -> statefulSets;
            case DAEMONSET -> daemonSets;
            case CRONJOB -> cronJobs;
            default -> throw new IllegalArgumentException(kind.yaml);
        };
    }

    public void addOrUpdateJob(Job job) {
        String cronName = "";
        String cronUid = "";
        List<OwnerReference> refs = job.getMetadata().getOwnerReferences();
        if (refs != null) {
            for (OwnerReference r : refs) {
                if ("CronJob".equals(r.getKind()) && Boolean.TRUE.equals(r.getController())) {
                    cronName = nz(r.getName());
                    cronUid = nz(r.getUid());
                    break;
                }
            }
        }
        jobs.put(nz(job.getMetadata().getUid()), new JobInfo(cronName, cronUid, Extraction.labelsAndAnnotations(extract, From.JOB, job)));
    }

    public void deleteJob(Job job) {
        jobs.remove(nz(job.getMetadata().getUid()));
    }

    private Meta meta(HasMetadata obj, From from) {
        return new Meta(nz(obj.getMetadata().getName()), nz(obj.getMetadata().getUid()), Extraction.labelsAndAnnotations(extract, from, obj));
    }

    // ---- helpers ----

    static String nz(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> nn(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static long millis(String ts) {
        if (ts == null || ts.isEmpty()) {
            return 0;
        }
        try {
            return OffsetDateTime.parse(ts).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The API's timestamp as Go's {@code time.Time.MarshalText} writes it (RFC 3339, UTC as {@code Z}). */
    private static String rfc3339(String ts) {
        try {
            return java.time.format.DateTimeFormatter.ISO_INSTANT.format(OffsetDateTime.parse(ts).toInstant());
        } catch (RuntimeException e) {
            return ts;
        }
    }
}

package io.ottl4j.collector.processor.k8sattributes;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.k8s.KubernetesClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The {@code k8sattributes} config (collector-spec §3.4), decoded with upstream's validation messages. */
public record K8sAttributesConfig(KubernetesClients.ApiConfig api, boolean passthrough, boolean waitForMetadata, Duration waitForMetadataTimeout,
        Filter filter, Extract extract, List<Association> associations, List<Pattern> excludePods, Duration watchSyncPeriod,
        Duration podDeleteGracePeriod) {

    /** Upstream's defaults: informers resync every 5 minutes; a deleted pod's metadata stays 2 minutes for late data. */
    public static final Duration DEFAULT_WATCH_SYNC_PERIOD = Duration.ofMinutes(5);
    public static final Duration DEFAULT_POD_DELETE_GRACE_PERIOD = Duration.ofSeconds(120);

    /** At most this many sources per association rule (upstream {@code PodIdentifierMaxLength}). */
    public static final int MAX_SOURCES = 4;

    /**
     * Deprecated upstream (Kubernetes dropped {@code ObjectMeta.clusterName}, so the API has no cluster name): still
     * accepted, with a warning at start, and never set.
     */
    public static final String CLUSTER_NAME = "k8s.cluster.name";

    /** Every {@code extract.metadata} key upstream accepts. */
    public static final Set<String> METADATA_KEYS = Set.of("k8s.namespace.name", "k8s.pod.name", "k8s.pod.hostname", "k8s.pod.ip", "k8s.pod.start_time",
            "k8s.pod.uid", "k8s.replicaset.name", "k8s.replicaset.uid", "k8s.deployment.name", "k8s.deployment.uid", "k8s.daemonset.name",
            "k8s.daemonset.uid", "k8s.statefulset.name", "k8s.statefulset.uid", "k8s.cronjob.name", "k8s.cronjob.uid", "k8s.job.name", "k8s.job.uid",
            "k8s.node.name", "k8s.node.uid", "k8s.cluster.uid", "k8s.container.name", "container.id", "container.image.name", "container.image.tag",
            "container.image.tags", "container.image.repo_digests", CLUSTER_NAME, "service.namespace", "service.name", "service.version", "service.instance.id");

    /** Extracted when {@code extract.metadata} is not set (upstream's enabled-by-default attributes). */
    public static final List<String> DEFAULT_METADATA = List.of("k8s.namespace.name", "k8s.pod.name", "k8s.pod.uid", "k8s.pod.start_time",
            "k8s.deployment.name", "k8s.node.name", "container.image.name", "container.image.tag");

    /** Where a label or annotation is read from. */
    public enum From {
        POD("pod"), NAMESPACE("namespace"), NODE("node"), DEPLOYMENT("deployment"), REPLICASET("replicaset"), STATEFULSET("statefulset"),
        DAEMONSET("daemonset"), JOB("job"), CRONJOB("cronjob");

        /** The accepted values, in order, for the error message. */
        static final String CHOICES = String.join(", ", java.util.Arrays.stream(values()).map(f -> f.yaml).toList());

        public final String yaml;

        From(String yaml) {
            this.yaml = yaml;
        }
    }

    public record Selector(String key, String value, String op) {
    }

    /** {@code namespaces}: upstream's {@code filter.namespace}, one name or a list of them (empty: every namespace). */
    public record Filter(String node, List<String> namespaces, List<Selector> fields, List<Selector> labels) {
    }

    /**
     * One labels/annotations rule: exactly one of {@code key} and {@code keyRegex}; {@code tagName} may refer to the
     * regex's groups ({@code $1}, {@code ${name}}).
     */
    public record FieldRule(String tagName, String key, Pattern keyRegex, From from) {
    }

    public record Extract(Set<String> metadata, List<FieldRule> labels, List<FieldRule> annotations, boolean otelAnnotations,
            boolean deploymentNameFromReplicaSet) {
        public boolean has(String key) {
            return metadata.contains(key);
        }

        /** Whether any labels/annotations rule reads from {@code from}. */
        public boolean reads(From from) {
            return labels.stream().anyMatch(r -> r.from() == from) || annotations.stream().anyMatch(r -> r.from() == from);
        }
    }

    /** One source of a pod association rule: {@code connection} or {@code resource_attribute} with a name. */
    public record Source(boolean connection, String name) {
    }

    public record Association(List<Source> sources) {
    }

    static K8sAttributesConfig decode(Conf c, UnaryOperator<String> env) {
        KubernetesClients.ApiConfig api = KubernetesClients.ApiConfig.decode(c);
        boolean passthrough = c.bool("passthrough", false);
        boolean wait = c.bool("wait_for_metadata", false);
        Duration waitTimeout = c.duration("wait_for_metadata_timeout", Duration.ofSeconds(10));
        Filter filter = decodeFilter(c.child("filter"), env);
        Extract extract = decodeExtract(c.child("extract"));
        List<Association> associations = new ArrayList<>();
        for (Conf a : c.list("pod_association")) {
            List<Source> sources = new ArrayList<>();
            for (Conf s : a.list("sources")) {
                String from = s.string("from", "");
                String name = s.string("name", "");
                switch (from) {
                    case "connection" -> sources.add(new Source(true, name));
                    case "resource_attribute" -> {
                        if (name.isEmpty()) {
                            s.error("name", "resource_attribute source needs a name");
                        }
                        sources.add(new Source(false, name));
                    }
                    default -> s.error("from", "\"" + from + "\" is not a valid association source: use connection or resource_attribute");
                }
                s.finish();
            }
            if (sources.size() > MAX_SOURCES) {
                a.error("sources", "too many association sources. limit is " + MAX_SOURCES);
            }
            a.finish();
            associations.add(new Association(List.copyOf(sources)));
        }
        List<Pattern> exclude = new ArrayList<>();
        Conf ex = c.child("exclude");
        if (ex.has("pods")) {
            for (Conf p : ex.list("pods")) {
                String name = p.string("name", "");
                try {
                    exclude.add(Pattern.compile(name));
                } catch (PatternSyntaxException e) {
                    p.error("name", "invalid regular expression: " + e.getMessage());
                }
                p.finish();
            }
        } else {
            exclude.add(Pattern.compile("jaeger-agent"));
            exclude.add(Pattern.compile("jaeger-collector"));
        }
        ex.finish();
        // 0 turns the informers' periodic resync off (recommended upstream for very large clusters)
        Duration watchSync = c.duration("watch_sync_period", DEFAULT_WATCH_SYNC_PERIOD);
        if (watchSync.isNegative()) {
            c.error("watch_sync_period", "watch_sync_period must be non-negative, got " + watchSync.toMillis() + "ms");
        }
        Duration grace = c.duration("pod_delete_grace_period", DEFAULT_POD_DELETE_GRACE_PERIOD);
        if (grace.isNegative()) {
            c.error("pod_delete_grace_period", "pod_delete_grace_period must be non-negative, got " + grace.toMillis() + "ms");
        }
        return new K8sAttributesConfig(api, passthrough, wait, waitTimeout, filter, extract, List.copyOf(associations), List.copyOf(exclude),
                watchSync, grace);
    }

    private static Filter decodeFilter(Conf f, UnaryOperator<String> env) {
        String node = f.string("node", "");
        String fromEnv = f.string("node_from_env_var", "");
        if (!fromEnv.isEmpty()) {
            String v = env.apply(fromEnv);
            if (v == null) {
                f.error("node_from_env_var", "`node_from_env_var` is configured but envvar \"" + fromEnv + "\" is not set");
            } else {
                node = v;
            }
        }
        List<String> namespaces = f.raw("namespace") instanceof io.ottl4j.collector.config.ConfigNode.ListNode
                ? f.strings("namespace", List.of()) : f.string("namespace", "").isEmpty() ? List.of() : List.of(f.string("namespace", ""));
        List<Selector> fields = selectors(f, "fields", Set.of("", "equals", "not-equals"));
        List<Selector> labels = selectors(f, "labels", Set.of("", "equals", "not-equals", "exists", "does-not-exist"));
        f.finish();
        return new Filter(node, List.copyOf(namespaces), fields, labels);
    }

    private static List<Selector> selectors(Conf f, String key, Set<String> ops) {
        List<Selector> out = new ArrayList<>();
        for (Conf s : f.list(key)) {
            Selector sel = new Selector(s.string("key", ""), s.string("value", ""), s.string("op", ""));
            if (!ops.contains(sel.op())) {
                s.error("op", "'" + sel.op() + "' is not a valid " + (key.equals("labels") ? "label" : "field") + " filter operation for key="
                        + sel.key() + ", value=" + sel.value());
            }
            s.finish();
            out.add(new Selector(sel.key(), sel.value(), sel.op().isEmpty() ? "equals" : sel.op()));
        }
        return List.copyOf(out);
    }

    private static Extract decodeExtract(Conf e) {
        Set<String> metadata = new LinkedHashSet<>();
        if (e.present("metadata")) {
            for (String m : e.strings("metadata", List.of())) {
                if (!METADATA_KEYS.contains(m)) {
                    e.error("metadata", "\"" + m + "\" is not a supported metadata field");
                }
                metadata.add(m);
            }
        } else {
            metadata.addAll(DEFAULT_METADATA);
        }
        List<FieldRule> labels = rules(e, "labels");
        List<FieldRule> annotations = new ArrayList<>(rules(e, "annotations"));
        boolean otel = e.bool("otel_annotations", false);
        if (otel) {
            // upstream: every resource.opentelemetry.io/<key> pod annotation becomes <key>
            annotations.add(new FieldRule("$1", "", Pattern.compile("^(?:resource\\.opentelemetry\\.io/(.+))$"), From.POD));
        }
        // upstream's default since v0.153 (and its only behaviour since the key went away): the deployment name is the
        // replica set's name without its hash, unless the replica set informer runs anyway (k8s.deployment.uid,
        // from: deployment/replicaset); false asks for the informer
        boolean fromRs = e.bool("deployment_name_from_replicaset", true);
        e.finish();
        return new Extract(Set.copyOf(metadata), labels, List.copyOf(annotations), otel, fromRs);
    }

    private static List<FieldRule> rules(Conf e, String kind) {
        List<FieldRule> out = new ArrayList<>();
        for (Conf r : e.list(kind)) {
            String tag = r.string("tag_name", "");
            String key = r.string("key", "");
            String regex = r.string("key_regex", "");
            String fromText = r.string("from", "pod");
            From from = null;
            for (From f : From.values()) {
                if (f.yaml.equals(fromText.isEmpty() ? "pod" : fromText)) {
                    from = f;
                }
            }
            if (from == null) {
                r.error("from", fromText + " is not a valid choice for From. Must be one of: " + From.CHOICES);
                from = From.POD;
            }
            Pattern p = null;
            if (!key.isEmpty() && !regex.isEmpty()) {
                r.error("key_regex", "Out of Key or KeyRegex only one option is expected to be configured at a time, currently Key:" + key + " and KeyRegex:" + regex);
            } else if (key.isEmpty() && regex.isEmpty()) {
                r.error("key", "either key or key_regex is required");
            } else if (!regex.isEmpty()) {
                try {
                    p = Pattern.compile("^(?:" + regex + ")$");
                } catch (PatternSyntaxException ex) {
                    r.error("key_regex", "invalid regular expression: " + ex.getMessage());
                }
            }
            if (tag.isEmpty()) {
                String kindWord = from.ordinal() <= From.NODE.ordinal() ? kind : kind.substring(0, kind.length() - 1);
                tag = "k8s." + from.yaml + "." + kindWord + "." + (p != null ? "$0" : key);
            }
            r.finish();
            out.add(new FieldRule(tag, key, p, from));
        }
        return List.copyOf(out);
    }
}

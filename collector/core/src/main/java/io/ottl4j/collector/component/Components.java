package io.ottl4j.collector.component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The factories a collector build knows, by kind and type name (aliases included). */
public final class Components {
    /**
     * Component types of upstream's contrib distribution (otelcol-contrib manifest, plus newer ones) that this
     * distribution does not build, by kind: they are reported as "not built in this distribution" rather than as a
     * typo. Compared without underscores, so upstream's snake_case renames ({@code host_metrics},
     * {@code k8s_attributes}) are recognised too. Types other modules of ottl4j build are not listed here.
     */
    private static final Map<Kind, Set<String>> KNOWN_ELSEWHERE = new EnumMap<>(Kind.class);

    static {
        KNOWN_ELSEWHERE.put(Kind.RECEIVER, normalized(List.of(
                "active_directory_ds", "aerospike", "apache", "apachespark", "awscloudwatch", "awscontainerinsightreceiver",
                "awsecscontainermetrics", "awsfirehose", "awslambda", "awss3", "awsxray", "azure_event_hub", "azureblob",
                "azureeventhub", "azuremonitor", "bigip", "bigquery", "carbon", "chrony", "ciscoos", "cloudflare",
                "cloudfoundry", "collectd", "couchdb", "datadog", "docker_stats", "dotnet_diagnostics", "elasticsearch",
                "envoyals", "expvar", "faro", "filelog", "filestats", "flinkmetrics", "fluentforward", "github", "gitlab",
                "googlecloudmonitoring", "googlecloudpubsub", "googlecloudspanner", "haproxy", "hostmetrics", "httpcheck", "iis",
                "influxdb", "jaeger", "jmx", "journald", "k8s_cluster", "k8s_events", "k8s_log", "k8slog", "k8sobjects",
                "kafkametrics", "kubeletstats", "libhoney", "loki", "macos_unified_logging", "memcached", "mongodb",
                "mongodbatlas", "mysql", "namedpipe", "netflow", "nginx", "nsxt", "ntp", "oracledb", "otelarrow", "otlpjsonfile",
                "podman_stats", "postgresql", "pprof", "prometheus", "prometheus_simple", "prometheusremotewrite", "pulsar",
                "purefa", "purefb", "rabbitmq", "receiver_creator", "redis", "riak", "saphana", "signalfx", "skywalking", "snmp",
                "snowflake", "solace", "splunk_hec", "splunkenterprise", "sqlquery", "sqlserver", "sshcheck", "statsd", "stef",
                "syslog", "systemd", "tcpcheck", "tcplog", "tlscheck", "udplog", "vcenter", "wavefront", "webhookevent",
                "windowseventlog", "windowsperfcounters", "yanggrpc", "zipkin", "zookeeper", "obi", "profiling")));
        KNOWN_ELSEWHERE.put(Kind.PROCESSOR, normalized(List.of(
                "gen_ai_normalizer",
                "coralogix", "cumulativetodelta", "deltatocumulative", "deltatorate", "dnslookup", "geoip", "groupbyattrs",
                "groupbytrace", "interval", "isolationforest", "logdedup", "lookup", "metricsgeneration", "metricstarttime",
                "metricstransform", "redaction", "remotetap", "schema", "span", "sumologic", "unroll")));
        KNOWN_ELSEWHERE.put(Kind.EXPORTER, normalized(List.of(
                "alibabacloud_logservice", "awscloudwatchlogs", "awsemf", "awskinesis", "awss3", "awsxray",
                "azure_logs_ingestion", "azureblob", "azuredataexplorer", "azuremonitor", "bigquery", "bmchelix", "carbon",
                "cassandra", "clickhouse", "coralogix", "dataset", "doris", "elasticsearch", "faro", "googlecloud",
                "googlecloudpubsub", "googlemanagedprometheus", "honeycombmarker", "influxdb", "logicmonitor", "logzio", "mezmo",
                "opensearch", "otelarrow", "prometheus", "prometheusremotewrite", "pulsar", "rabbitmq", "sapm", "sentry",
                "signalfx", "splunk_hec", "stef", "sumologic", "syslog", "tencentcloud_logservice", "tinybird", "zipkin")));
        KNOWN_ELSEWHERE.put(Kind.EXTENSION, normalized(List.of(
                "ack", "asapclient", "avrolog_encoding", "awscloudwatchmetricstreams_encoding", "awslogs_encoding", "awsproxy",
                "azureauth", "bearertokenauth_server", "cf_uaa_auth", "cgroupruntime", "datadog", "db_storage",
                "docker_observer", "ecs_observer", "ecs_task_observer", "googleclientauth", "googlecloudlogentry_encoding",
                "healthcheckv2", "host_observer", "jaeger_encoding", "jaeger_remote_sampling", "jaegerremotesampling",
                "json_log_encoding", "k8s_leader_elector", "k8s_observer", "kafkatopics_observer", "memory_limiter", "oidc",
                "opamp", "otlp_encoding", "pprof", "redis_storage", "sigv4auth", "skywalking_encoding", "sumologic",
                "text_encoding", "zipkin_encoding", "zpages")));
        KNOWN_ELSEWHERE.put(Kind.CONNECTOR, normalized(List.of(
                "exceptions", "failover", "grafanacloud", "otlpjson", "roundrobin", "servicegraph", "signal_to_metrics",
                "slowsql", "sum")));
    }

    /**
     * Types upstream removed, which configs written for older collectors still name: upstream rejects them as unknown
     * types too; the message says what replaced them.
     */
    private static final Map<Kind, Map<String, String>> REMOVED_UPSTREAM = new EnumMap<>(Map.of(
            Kind.EXPORTER, Map.of("logging", "use debug", "jaeger", "Jaeger takes OTLP: use otlp_grpc", "jaegerthrift",
                    "Jaeger takes OTLP: use otlp_http", "opencensus", "use otlp_grpc"),
            Kind.RECEIVER, Map.of("opencensus", "use otlp"),
            Kind.PROCESSOR, Map.of("spanmetrics", "use the span_metrics connector", "servicegraph", "use the servicegraph connector")));

    /** What replaced {@code type} if upstream removed it (e.g. "use debug" for the logging exporter), else null. */
    public static String removedUpstream(Kind kind, String type) {
        return REMOVED_UPSTREAM.getOrDefault(kind, Map.of()).get(normalize(type));
    }

    /**
     * Types that ottl4j's component-family modules build: when such a module is not in the build (collector/core
     * alone), the type is still reported as not built rather than as a typo, naming the module.
     */
    private static final Map<Kind, Map<String, String>> FAMILY_MODULES = new EnumMap<>(Map.of(
            Kind.PROCESSOR, Map.of("tailsampling", "sampling", "probabilisticsampler", "sampling", "k8sattributes", "kubernetes",
                    "resourcedetection", "kubernetes"),
            Kind.EXPORTER, Map.of("datadog", "datadog", "kafka", "kafka", "loadbalancing", "loadbalancing"),
            Kind.CONNECTOR, Map.of("datadog", "datadog"),
            Kind.RECEIVER, Map.of("kafka", "kafka"),
            Kind.EXTENSION, Map.of("filestorage", "persistent queue")));

    private static Set<String> normalized(List<String> names) {
        Set<String> out = new HashSet<>();
        for (String n : names) {
            out.add(normalize(n));
        }
        return Set.copyOf(out);
    }

    /** A type name without underscores, lower case: upstream's old and snake_case spellings compare equal. */
    static String normalize(String type) {
        return type.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private final Map<Kind, Map<String, Factory<?>>> byKind = new EnumMap<>(Kind.class);
    private final Map<Kind, List<Factory<?>>> ordered = new EnumMap<>(Kind.class);
    /** Every type and alias without underscores (upstream's snake_case renames and their older spellings). */
    private final Map<Kind, Map<String, Factory<?>>> byNormalized = new EnumMap<>(Kind.class);

    public Components(List<Factory<?>> factories) {
        for (Kind k : Kind.values()) {
            byKind.put(k, new LinkedHashMap<>());
            byNormalized.put(k, new LinkedHashMap<>());
            ordered.put(k, new ArrayList<>());
        }
        for (Factory<?> f : factories) {
            Map<String, Factory<?>> m = byKind.get(f.kind());
            if (m.put(f.type(), f) != null) {
                throw new IllegalArgumentException("duplicate " + f.kind().singular() + " factory " + f.type());
            }
            for (String alias : f.aliases()) {
                m.put(alias, f);
            }
            byNormalized.get(f.kind()).putIfAbsent(normalize(f.type()), f);
            for (String alias : f.aliases()) {
                byNormalized.get(f.kind()).putIfAbsent(normalize(alias), f);
            }
            ordered.get(f.kind()).add(f);
        }
        ordered.values().forEach(l -> l.sort(Comparator.comparing(Factory::type)));
    }

    /** The factory of {@code type} (a type, an alias, or either spelled with or without underscores), or null. */
    public Factory<?> find(Kind kind, String type) {
        Factory<?> f = byKind.get(kind).get(type);
        return f != null ? f : byNormalized.get(kind).get(normalize(type));
    }

    /** Whether {@code type} is a deprecated alias of the factory's type. */
    public boolean isAlias(Kind kind, String type) {
        Factory<?> f = find(kind, type);
        return f != null && !f.type().equals(type);
    }

    public List<Factory<?>> all(Kind kind) {
        return List.copyOf(ordered.get(kind));
    }

    /** Whether upstream has a component of this kind and type that this distribution does not build. */
    public static boolean knownElsewhere(Kind kind, String type) {
        return KNOWN_ELSEWHERE.get(kind).contains(normalize(type)) || FAMILY_MODULES.getOrDefault(kind, Map.of()).containsKey(normalize(type));
    }

    /** As {@link #knownElsewhere(Kind, String)}, for any kind. */
    public static boolean knownElsewhere(String type) {
        return KNOWN_ELSEWHERE.values().stream().anyMatch(s -> s.contains(normalize(type)));
    }

    /** The message for a type upstream has and this distribution does not build (one wording everywhere). */
    public static String notBuilt(Kind kind, String type) {
        String module = FAMILY_MODULES.getOrDefault(kind, Map.of()).get(normalize(type));
        return "the " + type + " " + kind.singular() + " is not built in this distribution"
                + (module == null ? "" : " (it comes with ottl4j's " + module + " module)");
    }
}

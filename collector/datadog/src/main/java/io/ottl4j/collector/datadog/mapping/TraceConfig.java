package io.ottl4j.collector.datadog.mapping;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.ottl4j.collector.config.Conf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code traces:} settings that the connector and the exporter share (collector-spec §4.1, §4.5).
 * {@code bucketInterval} and {@code containerTags} are the connector's; {@code endpoint} the exporter's.
 */
public record TraceConfig(String endpoint, List<Pattern> ignoreResources, Map<String, String> spanNameRemappings, boolean spanNameAsResourceName,
        boolean computeStatsBySpanKind, boolean computeTopLevelBySpanKind, boolean peerTagsAggregation, List<String> peerTags, int traceBuffer,
        Duration bucketInterval, List<String> containerTags) {

    /**
     * The peer tag keys upstream aggregates on by default (datadog-agent peer_tags.ini), beside any
     * configured {@code peer_tags}.
     */
    public static final List<String> DEFAULT_PEER_TAGS = List.of("_dd.base_service", "amqp.destination", "amqp.exchange", "amqp.queue",
            "aws.queue.name", "aws.s3.bucket", "bucketname", "cassandra.keyspace", "db.cassandra.contact.points", "db.couchbase.seed.nodes",
            "db.hostname", "db.instance", "db.name", "db.namespace", "db.system", "grpc.host", "hazelcast.instance", "hostname", "http.host",
            "http.server.name", "kafka.bootstrap.servers", "messaging.destination", "messaging.destination.name",
            "messaging.kafka.bootstrap.servers", "messaging.rabbitmq.exchange", "messaging.system", "mongodb.db", "msmq.queue.path",
            "net.peer.name", "network.destination.name", "peer.hostname", "peer.service", "queuename", "rpc.service", "rpc.system",
            "server.address", "streamname", "tablename", "topicname");

    public static TraceConfig defaults(boolean connector) {
        return new TraceConfig("", List.of(), Map.of(), false, true, false, true, List.of(), connector ? 1000 : 0, Duration.ofSeconds(10), List.of());
    }

    /** Reads {@code traces:}; {@code connector} selects which keys exist and the defaults. */
    public static TraceConfig decode(Conf t, boolean connector, String defaultEndpoint) {
        String endpoint = connector ? "" : t.string("endpoint", defaultEndpoint);
        List<Pattern> ignore = new ArrayList<>();
        for (String r : t.strings("ignore_resources", List.of())) {
            try {
                ignore.add(Pattern.compile(r));
            } catch (PatternSyntaxException e) {
                t.error("ignore_resources", "\"" + r + "\" is not valid resource filter regular expression");
            }
        }
        Map<String, String> remap = t.stringMap("span_name_remappings");
        for (Map.Entry<String, String> e : remap.entrySet()) {
            if (e.getValue().isEmpty()) {
                t.error("span_name_remappings", "\"" + e.getKey() + "\" is not valid value for span name remapping");
            }
        }
        boolean asResource = t.bool("span_name_as_resource_name", false);
        boolean statsByKind = t.bool("compute_stats_by_span_kind", true);
        boolean topLevelByKind = t.bool("compute_top_level_by_span_kind", false);
        boolean peerAgg = t.bool("peer_tags_aggregation", true);
        t.bool("peer_service_aggregation", true); // deprecated upstream: peer_tags_aggregation replaces it
        List<String> peerTags = t.strings("peer_tags", List.of());
        int buffer = t.intValue("trace_buffer", connector ? 1000 : 0);
        if (buffer < 0) {
            t.error("trace_buffer", "Trace buffer must be non-negative");
        }
        Duration bucket = Duration.ofSeconds(10);
        List<String> containerTags = List.of();
        if (connector) {
            bucket = t.duration("bucket_interval", bucket);
            if (bucket.isNegative() || bucket.isZero()) {
                t.error("bucket_interval", "bucket_interval must be positive");
            }
            containerTags = t.strings("resource_attributes_as_container_tags", List.of());
            t.has("ignore_missing_datadog_fields");
        }
        t.has("trace_id_128bit"); // accepted for compatibility
        t.finish();
        return new TraceConfig(endpoint, List.copyOf(ignore), Map.copyOf(remap), asResource, statsByKind, topLevelByKind, peerAgg, List.copyOf(peerTags),
                buffer, bucket, containerTags);
    }

    /** The peer tag keys spans are aggregated on: upstream's defaults plus {@code peer_tags}, sorted; none without aggregation. */
    public List<String> peerTagKeys() {
        if (!peerTagsAggregation) {
            return List.of();
        }
        TreeSet<String> keys = new TreeSet<>(DEFAULT_PEER_TAGS);
        keys.addAll(peerTags);
        return List.copyOf(keys);
    }

    /** The current (V2) operation and resource name logic applies unless a legacy option is set. */
    public boolean v2Names() {
        return !spanNameAsResourceName && spanNameRemappings.isEmpty();
    }

    public boolean ignored(String resource) {
        for (Pattern p : ignoreResources) {
            if (p.matcher(resource).find()) {
                return true;
            }
        }
        return false;
    }
}

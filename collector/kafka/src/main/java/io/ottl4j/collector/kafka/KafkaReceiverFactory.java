package io.ottl4j.collector.kafka;

import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ReceiverFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.pdata.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code kafka} receiver: consumes OTLP (or log messages) from Kafka topics in a consumer group, upstream's config. */
public final class KafkaReceiverFactory implements ReceiverFactory<KafkaReceiverFactory.Config> {
    /** {@code message_marking}: when an offset may be committed. */
    public record Marking(boolean after, boolean onError, boolean onPermanentError) {
    }

    public record Config(KafkaClientSettings client, Map<Signal, KafkaExporterFactory.SignalTopic> topics, String groupId, String groupInstanceId,
            String initialOffset, Duration sessionTimeout, Duration heartbeatInterval, String rebalanceStrategy, int minFetchSize,
            int maxFetchSize, Duration maxFetchWait, int maxPartitionFetchSize, boolean autocommit, Duration autocommitInterval, Marking marking,
            boolean extractHeaders, List<String> headers, Duration errorBackoffInitial, Duration errorBackoffMax) {
    }

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public String description() {
        return "consumes OTLP (protobuf or JSON) and log messages from Kafka topics in a consumer group";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA);
    }

    @Override
    public Config decode(Conf c) {
        KafkaClientSettings client = KafkaClientSettings.decode(c, "otel-collector");
        Map<Signal, KafkaExporterFactory.SignalTopic> topics = KafkaExporterFactory.decodeTopics(c, true);
        String groupId = c.string("group_id", "otel-collector");
        String instanceId = c.string("group_instance_id", "");
        String initialOffset = c.string("initial_offset", "latest");
        if (!initialOffset.equals("latest") && !initialOffset.equals("earliest")) {
            c.error("initial_offset", "initial_offset should be one of 'latest' or 'earliest', got \"" + initialOffset + "\"");
        }
        Duration session = c.duration("session_timeout", Duration.ofSeconds(10));
        Duration heartbeat = c.duration("heartbeat_interval", Duration.ofSeconds(3));
        String strategy = c.string("group_rebalance_strategy", "range");
        if (!List.of("range", "roundrobin", "sticky", "cooperative-sticky").contains(strategy)) {
            c.error("group_rebalance_strategy", "group_rebalance_strategy should be one of 'range', 'roundrobin', 'sticky' or 'cooperative-sticky', got \""
                    + strategy + "\"");
        }
        int minFetch = c.intValue("min_fetch_size", 1);
        c.intValue("default_fetch_size", 1_048_576);
        int maxFetch = c.intValue("max_fetch_size", 0);
        Duration maxWait = c.duration("max_fetch_wait", Duration.ofMillis(250));
        int maxPartitionFetch = c.intValue("max_partition_fetch_size", 1_048_576);
        Conf ac = c.child("autocommit");
        boolean autocommit = ac.bool("enable", true);
        Duration interval = ac.duration("interval", Duration.ofSeconds(1));
        ac.finish();
        Conf mm = c.child("message_marking");
        boolean after = mm.bool("after", false);
        boolean onError = mm.bool("on_error", false);
        boolean onPermanent = mm.bool("on_permanent_error", onError);
        mm.finish();
        Conf he = c.child("header_extraction");
        boolean extract = he.bool("extract_headers", false);
        List<String> headers = he.strings("headers", List.of());
        he.finish();
        Conf eb = c.child("error_backoff");
        eb.bool("enabled", false);
        Duration initial = eb.duration("initial_interval", Duration.ofMillis(500));
        Duration max = eb.duration("max_interval", Duration.ofSeconds(10));
        eb.doubleValue("multiplier", 1.5);
        eb.doubleValue("randomization_factor", 0.5);
        eb.duration("max_elapsed_time", Duration.ZERO);
        eb.finish();
        c.has("telemetry");
        return new Config(client, topics, groupId, instanceId, initialOffset, session, heartbeat, strategy, minFetch, maxFetch, maxWait,
                maxPartitionFetch, autocommit, interval, new Marking(after, onError, onPermanent), extract, headers, initial, max);
    }

    @Override
    public Component create(CreateSettings settings, Config config, Map<Signal, Consumer> next) {
        List<KafkaConsumerLoop> loops = new ArrayList<>();
        next.forEach((signal, consumer) -> loops.add(new KafkaConsumerLoop(settings, config, signal, consumer)));
        return new Component() {
            @Override
            public void start(io.ottl4j.collector.component.Host host) {
                loops.forEach(KafkaConsumerLoop::start);
            }

            @Override
            public void shutdown() throws InterruptedException {
                for (KafkaConsumerLoop l : loops) {
                    l.shutdown();
                }
            }
        };
    }
}

package io.ottl4j.collector.kafka;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.ConsumerException;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One signal's consumer: polls, decodes, hands each message to the pipeline and marks it per
 * {@code message_marking}; marked offsets are committed every {@code autocommit.interval} (or after each poll when
 * autocommit is off) and when partitions are revoked or the receiver stops. With {@code after: true}, a message the
 * pipeline refused with a retryable error is not marked: the partition is rewound to it and it is offered again
 * after a back-off, so nothing acknowledged to Kafka was lost (at-least-once). A message that cannot be decoded is a
 * permanent error: logged, counted, marked (it would fail forever), and the partition goes on.
 */
final class KafkaConsumerLoop {
    private final KafkaReceiverFactory.Config config;
    private final Signal signal;
    private final Consumer next;
    private final Logger log;
    private final KafkaExporterFactory.SignalTopic topic;
    private final Encoding encoding;
    private final Map<TopicPartition, OffsetAndMetadata> marked = new HashMap<>();
    private final CreateSettings settings;
    private volatile boolean running = true;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private long lastCommit = System.nanoTime();

    KafkaConsumerLoop(CreateSettings settings, KafkaReceiverFactory.Config config, Signal signal, Consumer next) {
        this.settings = settings;
        this.config = config;
        this.signal = signal;
        this.next = next;
        this.log = settings.logger(signal);
        this.topic = config.topics().get(signal);
        this.encoding = Encoding.parse(topic.encoding(), signal, true);
    }

    Properties properties() {
        Properties p = config.client().properties();
        p.put("group.id", config.groupId());
        if (!config.groupInstanceId().isEmpty()) {
            p.put("group.instance.id", config.groupInstanceId());
        }
        p.put("enable.auto.commit", "false"); // offsets are committed from what was marked, never ahead of it
        p.put("auto.offset.reset", config.initialOffset());
        p.put("session.timeout.ms", Long.toString(config.sessionTimeout().toMillis()));
        p.put("heartbeat.interval.ms", Long.toString(config.heartbeatInterval().toMillis()));
        p.put("partition.assignment.strategy", switch (config.rebalanceStrategy()) {
            case "roundrobin" -> "org.apache.kafka.clients.consumer.RoundRobinAssignor";
            case "sticky" -> "org.apache.kafka.clients.consumer.StickyAssignor";
            case "cooperative-sticky" -> "org.apache.kafka.clients.consumer.CooperativeStickyAssignor";
            default -> "org.apache.kafka.clients.consumer.RangeAssignor";
        });
        p.put("fetch.min.bytes", Integer.toString(config.minFetchSize()));
        if (config.maxFetchSize() > 0) {
            p.put("fetch.max.bytes", Integer.toString(config.maxFetchSize()));
        }
        p.put("fetch.max.wait.ms", Long.toString(config.maxFetchWait().toMillis()));
        p.put("max.partition.fetch.bytes", Integer.toString(config.maxPartitionFetchSize()));
        return p;
    }

    void start() {
        consumer = new KafkaConsumer<>(properties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "kafka-receiver-" + settings.id() + "-" + signal.name().toLowerCase(Locale.ROOT));
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic.topic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commit(); // what this member processed stays processed when another member takes over
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    log.fine("assigned " + partitions);
                }
            });
            Duration backoff = config.errorBackoffInitial();
            while (running) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(Duration.ofMillis(200));
                } catch (WakeupException e) {
                    break;
                }
                boolean rewound = false;
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                        if (!handle(tp, r)) {
                            consumer.seek(tp, r.offset()); // offered again after the back-off
                            rewound = true;
                            break;
                        }
                    }
                }
                if (rewound) {
                    commit();
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(config.errorBackoffMax()) > 0 ? config.errorBackoffMax() : backoff.multipliedBy(2);
                    continue;
                }
                backoff = config.errorBackoffInitial();
                if (!config.autocommit() || System.nanoTime() - lastCommit >= config.autocommitInterval().toNanos()) {
                    commit();
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (Throwable t) {
            log.log(Level.SEVERE, "the Kafka consumer of " + topic.topic() + " stopped", t);
        } finally {
            try {
                commit();
                consumer.close(Duration.ofSeconds(5));
            } catch (Throwable t) {
                log.log(Level.WARNING, "closing the Kafka consumer: " + t);
            }
        }
    }

    /** Decodes and delivers one message; false when it must be offered again (a retryable refusal with after: true). */
    private boolean handle(TopicPartition tp, ConsumerRecord<byte[], byte[]> r) {
        KafkaReceiverFactory.Marking marking = config.marking();
        if (!marking.after()) {
            mark(tp, r);
        }
        TelemetryBatch<?> batch;
        try {
            batch = encoding.decode(signal, topic.encoding(), r.value() == null ? new byte[0] : r.value());
        } catch (Throwable t) {
            log.warning("dropping a message of " + tp + " at offset " + r.offset() + " that is not " + topic.encoding() + ": " + t.getMessage());
            mark(tp, r);
            return true;
        }
        if (config.extractHeaders()) {
            for (String h : config.headers()) {
                Header header = r.headers().lastHeader(h);
                if (header != null) {
                    String v = new String(header.value(), StandardCharsets.UTF_8);
                    for (ResourceGroup<?> rg : batch.resources()) {
                        rg.resource().attributes().putString("kafka.header." + h, v);
                    }
                }
            }
        }
        try {
            ClientInfo.run(new ClientInfo("", Map.of()), () -> next.consume(batch));
            mark(tp, r);
            return true;
        } catch (Throwable t) {
            boolean permanent = t instanceof ConsumerException ce && ce.permanent();
            if (!marking.after()) {
                log.warning("the pipeline refused a message of " + tp + " at offset " + r.offset() + " (already marked): " + t.getMessage());
                return true;
            }
            if (permanent ? marking.onPermanentError() : marking.onError()) {
                log.warning("the pipeline refused a message of " + tp + " at offset " + r.offset() + "; marked as consumed: " + t.getMessage());
                mark(tp, r);
                return true;
            }
            if (permanent) {
                // never deliverable: offering it again would wedge the partition; logged with its position instead
                log.warning("the pipeline permanently refused a message of " + tp + " at offset " + r.offset() + "; skipping it: "
                        + t.getMessage());
                mark(tp, r);
                return true;
            }
            log.fine("the pipeline refused a message of " + tp + " at offset " + r.offset() + "; offering it again: " + t.getMessage());
            return false;
        }
    }

    private void mark(TopicPartition tp, ConsumerRecord<?, ?> r) {
        marked.put(tp, new OffsetAndMetadata(r.offset() + 1));
    }

    private void commit() {
        lastCommit = System.nanoTime();
        if (marked.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(Map.copyOf(marked), Duration.ofSeconds(10));
            marked.clear();
        } catch (Throwable t) {
            log.warning("committing offsets failed (they are committed again later): " + t.getMessage());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void shutdown() throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(15_000);
        }
    }
}

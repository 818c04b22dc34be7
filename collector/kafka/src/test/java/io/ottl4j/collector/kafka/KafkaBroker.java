package io.ottl4j.collector.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real single-node KRaft Kafka (Kafka's own test kit), started in-process on loopback for one test class. */
final class KafkaBroker implements AutoCloseable {
    /** The broker logs its whole start-up at INFO; tests keep its warnings. Strong references keep the levels. */
    private static final java.util.logging.Logger[] QUIET = {java.util.logging.Logger.getLogger("kafka"),
        java.util.logging.Logger.getLogger("org.apache.kafka"), java.util.logging.Logger.getLogger("state.change.logger"),
        java.util.logging.Logger.getLogger("org.apache.zookeeper")};

    static {
        for (java.util.logging.Logger l : QUIET) {
            l.setLevel(java.util.logging.Level.WARNING);
        }
    }

    private final KafkaClusterTestKit cluster;

    KafkaBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("auto.create.topics.enable", "true").setConfigProp("num.partitions", "1")
                .setConfigProp("offsets.topic.replication.factor", "1").setConfigProp("group.initial.rebalance.delay.ms", "0").build();
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // the storage formatter prints to stdout
        try {
            cluster.format();
        } finally {
            System.setOut(out);
        }
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    String bootstrap() {
        return cluster.bootstrapServers();
    }

    void createTopic(String name, int partitions) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(Map.of()))).all().get();
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}

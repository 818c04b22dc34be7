package io.ottl4j.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.Signal;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A signal's topic_from_metadata_key names the topic from the client's metadata, before topic_from_attribute and topic. */
class TopicFromMetadataKeyTest {
    private final KafkaExporterFactory factory = new KafkaExporterFactory();

    private List<String> topics(KafkaExporterFactory.Config config, ClientInfo client) throws Exception {
        return ClientInfo.call(client, () -> KafkaExporterFactory.records(config, Signal.TRACES, config.topics().get(Signal.TRACES).topic(),
                Encoding.OTLP_PROTO, Data.traces("a")).stream().map(ProducerRecord::topic).toList());
    }

    @Test
    void theMetadataValueWinsAndItsAbsenceFallsBackToTheTopic() throws Exception {
        KafkaExporterFactory.Config config = TestComponents.decode(factory, """
                include_metadata_keys: [tenant_topic]
                traces: {topic: default_spans, topic_from_metadata_key: tenant_topic}
                topic_from_attribute: no.such.attribute
                """);
        assertThat(topics(config, new ClientInfo("", Map.of("tenant_topic", List.of("acme_spans", "other"))))).containsExactly("acme_spans");
        assertThat(topics(config, ClientInfo.EMPTY)).containsExactly("default_spans");
        // a key of another signal does not apply to traces
        KafkaExporterFactory.Config logsOnly = TestComponents.decode(factory, "logs: {topic_from_metadata_key: tenant_topic}\n");
        assertThat(topics(logsOnly, new ClientInfo("", Map.of("tenant_topic", List.of("acme"))))).containsExactly("otlp_spans");
    }
}

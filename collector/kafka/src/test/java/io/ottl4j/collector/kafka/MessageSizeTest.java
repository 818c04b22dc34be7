package io.ottl4j.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A batch larger than max_message_bytes becomes several messages within the limit, none lost or repeated. */
class MessageSizeTest {
    @Test
    void aLargeBatchIsSplitIntoMessagesWithinTheLimit() {
        TelemetryBatch<Span> batch = TelemetryBatch.traces();
        ScopeGroup<Span> sg = batch.addResource().addScope();
        for (int i = 0; i < 2_000; i++) {
            Span s = new Span();
            s.setTraceId(TraceId.of(i + 1, i));
            s.setName("span-" + i);
            s.attributes().putString("payload", "x".repeat(200));
            sg.items().add(s);
        }
        int whole = OtlpProto.encode(batch).length;
        int limit = 100_000;
        assertThat(whole).isGreaterThan(4 * limit);
        List<byte[]> messages = KafkaExporterFactory.encodeWithin(Encoding.OTLP_PROTO, batch, limit);
        assertThat(messages).hasSizeGreaterThan(4).allSatisfy(m -> assertThat(m.length).isLessThanOrEqualTo(limit));
        Set<String> names = new HashSet<>();
        int spans = 0;
        for (byte[] m : messages) {
            for (var rg : OtlpProto.decodeTraces(m).resources()) {
                for (var scope : rg.scopes()) {
                    for (Span s : scope.items()) {
                        spans++;
                        names.add(s.name());
                    }
                }
            }
        }
        assertThat(spans).isEqualTo(2_000);
        assertThat(names).hasSize(2_000);
    }

    @Test
    void aSingleRecordTooLargeOnItsOwnIsLeftToTheBroker() {
        TelemetryBatch<Span> batch = TelemetryBatch.traces();
        Span s = new Span();
        s.attributes().putString("payload", "x".repeat(5_000));
        batch.addResource().addScope().items().add(s);
        assertThat(KafkaExporterFactory.encodeWithin(Encoding.OTLP_PROTO, batch, 1_000)).hasSize(1);
    }
}

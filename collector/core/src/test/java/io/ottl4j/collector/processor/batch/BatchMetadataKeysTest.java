package io.ottl4j.collector.processor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.testing.Payloads;
import io.ottl4j.collector.testing.Harness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The batch processor's metadata_keys and metadata_cardinality_limit, in a pipeline graph. */
class BatchMetadataKeysTest {
    private static Harness start(String batch) throws Exception {
        return Harness.start("""
                receivers: {testsource: {}}
                processors:
                  batch: %s
                exporters: {testsink: {}}
                service: {pipelines: {logs: {receivers: [testsource], processors: [batch], exporters: [testsink]}}}
                """.formatted(batch));
    }

    private static ClientInfo client(String tenant, String region, String other) {
        return new ClientInfo("10.0.0.1", Map.of("tenant", List.of(tenant), "Region", List.of(region), "other", List.of(other)));
    }

    @Test
    void oneBatcherPerValueCombinationCarryingOnlyItsKeys() throws Exception {
        try (Harness h = start("{metadata_keys: [tenant, region], send_batch_size: 4, timeout: 1h}")) {
            for (int i = 0; i < 4; i++) {
                h.send("testsource", Payloads.logs("s", "a" + i), client("a", "eu", "x" + i));
                h.send("testsource", Payloads.logs("s", "b" + i), client("b", "eu", "y"));
            }
            h.send("testsource", Payloads.logs("s", "c"), client("a", "us", "z"));
            Harness.await(Duration.ofSeconds(5), () -> h.deliveries("testsink").size() >= 2);
            // the size trigger fired for the two full combinations; (a, us) waits for its timer (an hour)
            assertThat(h.deliveries("testsink")).hasSize(2).allSatisfy(d -> {
                assertThat(d.batch().itemCount()).isEqualTo(4);
                assertThat(d.client().metadata()).containsOnlyKeys("tenant", "region");
                assertThat(d.client().address()).isEmpty();
            });
            assertThat(h.deliveries("testsink").stream().map(d -> d.client().get("tenant").get(0) + Payloads.names(d.batch())).toList())
                    .containsExactlyInAnyOrder("a[a0, a1, a2, a3]", "b[b0, b1, b2, b3]");
        }
    }

    @Test
    void combinationsBeyondTheCardinalityLimitAreRefused() throws Exception {
        try (Harness h = start("{metadata_keys: [tenant], metadata_cardinality_limit: 2, timeout: 20ms}")) {
            h.send("testsource", Payloads.logs("s", "1"), client("a", "", ""));
            h.send("testsource", Payloads.logs("s", "2"), client("b", "", ""));
            h.send("testsource", Payloads.logs("s", "3"), client("a", "", ""));
            assertThatThrownBy(() -> h.send("testsource", Payloads.logs("s", "4"), client("c", "", ""))).hasMessageContaining("metadata_cardinality_limit");
            // data without the key is its own combination, refused too
            assertThatThrownBy(() -> h.send("testsource", Payloads.logs("s", "5"))).hasMessageContaining("metadata_cardinality_limit");
            Harness.await(Duration.ofSeconds(5), () -> Payloads.names(h.batches("testsink")).size() == 3);
            assertThat(Payloads.names(h.batches("testsink"))).containsExactlyInAnyOrder("1", "2", "3");
        }
    }

    @Test
    void duplicateKeysAreInvalid() throws Exception {
        assertThat(Harness.problems("""
                receivers: {testsource: {}}
                processors:
                  batch: {metadata_keys: [Tenant, tenant]}
                exporters: {testsink: {}}
                service: {pipelines: {logs: {receivers: [testsource], processors: [batch], exporters: [testsink]}}}
                """)).contains("duplicate entry in metadata_keys");
    }
}

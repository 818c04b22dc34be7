package io.ottl4j.collector.exporter.loadbalancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ring against vectors from upstream's consistent_hashing_test.go, so that Go and JVM collectors agree. */
class HashRingTest {
    @Test
    void positionsOfOneEndpointAsUpstream() {
        assertThat(HashRing.of(List.of("endpoint-1"), 5).points())
                .containsExactly("1401=endpoint-1", "4175=endpoint-1", "14133=endpoint-1", "17836=endpoint-1", "21667=endpoint-1");
    }

    @Test
    void duplicateEndpointsTakeNoSecondPosition() {
        assertThat(HashRing.of(List.of("endpoint-1", "endpoint-1"), 5).points())
                .containsExactly("1401=endpoint-1", "4175=endpoint-1", "14133=endpoint-1", "17836=endpoint-1", "21667=endpoint-1");
    }

    @Test
    void positionsOfTwoEndpointsAsUpstream() {
        assertThat(HashRing.of(List.of("endpoint-1", "endpoint-2"), 5).points()).containsExactly("1401=endpoint-1", "4175=endpoint-1",
                "10240=endpoint-2", "14133=endpoint-1", "15002=endpoint-2", "17836=endpoint-1", "21263=endpoint-2", "21667=endpoint-1",
                "26806=endpoint-2", "27020=endpoint-2");
    }

    @Test
    void defaultWeightGivesOneHundredPointsPerEndpoint() {
        assertThat(HashRing.of(List.of("endpoint-1", "endpoint-2")).points()).hasSize(200);
    }

    @Test
    void traceIdsAlternateEndpointsAsUpstream() {
        HashRing ring = HashRing.of(List.of("endpoint-1", "endpoint-2"));
        byte[] a = new byte[16];
        a[0] = 1;
        a[1] = 2;
        byte[] b = new byte[16];
        b[0] = (byte) 128;
        b[1] = (byte) 128;
        assertThat(ring.endpointFor(a)).isEqualTo("endpoint-1");
        assertThat(ring.endpointFor(b)).isEqualTo("endpoint-2");
    }

    @Test
    void nextPointAtOrAfterThePositionWrappingAround() {
        HashRing ring = HashRing.of(List.of("endpoint-1", "endpoint-2"), 5);
        assertThat(ring.endpointAt(1401)).isEqualTo("endpoint-1"); // exact hit
        assertThat(ring.endpointAt(4176)).isEqualTo("endpoint-2"); // next is 10240
        assertThat(ring.endpointAt(27020)).isEqualTo("endpoint-2");
        assertThat(ring.endpointAt(27021)).isEqualTo("endpoint-1"); // past the last point: the first
        assertThat(ring.endpointAt(0)).isEqualTo("endpoint-1");
    }

    @Test
    void emptyRingHasNoEndpoint() {
        assertThat(HashRing.of(List.of()).endpointFor(new byte[16])).isNull();
    }

    @Test
    void randomTraceIdsSpreadOverThreeBackends() {
        HashRing ring = HashRing.of(List.of("10.0.0.1:4317", "10.0.0.2:4317", "10.0.0.3:4317"));
        Random random = new Random(42);
        Map<String, Integer> counts = new HashMap<>();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            counts.merge(ring.endpointFor(id), 1, Integer::sum);
        }
        assertThat(counts).hasSize(3);
        // 100 points per endpoint on 36,000 positions: shares vary by a few percent, never by half
        counts.values().forEach(c -> assertThat(c).isBetween(n / 6, n / 2));
    }

    @Test
    void addingABackendMovesAboutAQuarterOfTheKeys() {
        HashRing three = HashRing.of(List.of("a:4317", "b:4317", "c:4317"));
        HashRing four = HashRing.of(List.of("a:4317", "b:4317", "c:4317", "d:4317"));
        Random random = new Random(7);
        int moved = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            String before = three.endpointFor(id);
            String after = four.endpointFor(id);
            if (!before.equals(after)) {
                moved++;
                assertThat(after).isEqualTo("d:4317"); // keys move only to the new backend
            }
        }
        assertThat(moved).isBetween(n / 10, n / 2);
    }
}

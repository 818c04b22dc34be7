package io.ottl4j.collector.exporter.loadbalancing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The consistent-hash ring of upstream's {@code loadbalancing} exporter, point for point, so that a mixed fleet of
 * ottl4j and Go collectors sends a given routing key to the same backend:
 * <ul>
 * <li>the ring has 36,000 positions (360 degrees with two decimals);</li>
 * <li>each endpoint gets {@value #DEFAULT_WEIGHT} points: point {@code i} sits at
 * {@code crc32_ieee(utf8(endpoint) ++ [byte(i)]) % 36000}; a position already taken by an earlier point (of this or
 * an earlier endpoint, in the order given) is skipped;</li>
 * <li>a key goes to the first point at or after {@code crc32_ieee(key) % 36000}, wrapping to the first point.</li>
 * </ul>
 * The endpoint order matters only for collisions; resolvers hand endpoints over sorted, as upstream's do.
 */
public final class HashRing {
    static final int MAX_POSITIONS = 36_000;
    static final int DEFAULT_WEIGHT = 100;

    private final int[] positions;
    private final String[] endpoints;

    private HashRing(int[] positions, String[] endpoints) {
        this.positions = positions;
        this.endpoints = endpoints;
    }

    public static HashRing of(List<String> endpoints) {
        return of(endpoints, DEFAULT_WEIGHT);
    }

    static HashRing of(List<String> endpoints, int weight) {
        record Item(int pos, String endpoint) {
        }
        List<Item> items = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        for (String endpoint : endpoints) {
            byte[] name = endpoint.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < weight; i++) {
                CRC32 crc = new CRC32();
                crc.update(name);
                crc.update(i & 0xff);
                int pos = (int) (crc.getValue() % MAX_POSITIONS);
                if (taken.add(pos)) {
                    items.add(new Item(pos, endpoint));
                }
            }
        }
        items.sort((a, b) -> Integer.compare(a.pos, b.pos));
        int[] p = new int[items.size()];
        String[] e = new String[items.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = items.get(i).pos;
            e[i] = items.get(i).endpoint;
        }
        return new HashRing(p, e);
    }

    /** The endpoint for a routing key, or {@code null} when the ring is empty. */
    public String endpointFor(byte[] key) {
        CRC32 crc = new CRC32();
        crc.update(key);
        return endpointAt((int) (crc.getValue() % MAX_POSITIONS));
    }

    String endpointAt(int position) {
        if (positions.length == 0) {
            return null;
        }
        int i = Arrays.binarySearch(positions, position);
        if (i < 0) {
            i = -i - 1; // the first point after the position
        }
        return endpoints[i == positions.length ? 0 : i];
    }

    /** Ring points as "position=endpoint", in ring order (for tests and diagnostics). */
    List<String> points() {
        List<String> out = new ArrayList<>(positions.length);
        for (int i = 0; i < positions.length; i++) {
            out.add(positions[i] + "=" + endpoints[i]);
        }
        return out;
    }

    public boolean isEmpty() {
        return positions.length == 0;
    }
}

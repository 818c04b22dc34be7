package io.ottl4j.collector.processor.tailsampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.pdata.TraceId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Traces spread evenly over shards, and within a shard over the buckets of its HashMap. */
class ShardingTest {
    @Test
    void shardsAreEvenAndEachShardUsesAllOfItsMapsBuckets() {
        int shards = 4;
        int perShard = 10_000;
        int tableSize = 16_384; // what a HashMap holding 10,000 entries grows to
        Random random = new Random(42);
        List<Set<Integer>> buckets = new ArrayList<>();
        int[] counts = new int[shards];
        for (int i = 0; i < shards; i++) {
            buckets.add(new HashSet<>());
        }
        for (int i = 0; i < shards * perShard; i++) {
            TraceId id = TraceId.of(random.nextLong(), random.nextLong());
            int s = TailSamplingProcessor.shardOf(id, shards);
            counts[s]++;
            int h = id.hashCode();
            buckets.get(s).add((h ^ (h >>> 16)) & (tableSize - 1)); // HashMap's bucket index
        }
        for (int s = 0; s < shards; s++) {
            assertThat(counts[s]).as("traces in shard %d", s).isBetween(perShard * 9 / 10, perShard * 11 / 10);
            // 10,000 keys over 16,384 buckets at random occupy ~7,400; picking the shard from the bucket bits caps it at 4,096
            assertThat(buckets.get(s).size()).as("buckets used by shard %d", s).isGreaterThan(6_000);
        }
        assertThat(TailSamplingProcessor.shardOf(TraceId.of(1, 2), 1)).isZero();
    }
}

package io.ottl4j.collector.processor.tailsampling.internal;

import io.ottl4j.pdata.TraceId;
import java.util.LinkedHashMap;
import java.util.Map;

/** An LRU set of trace IDs (upstream's decision caches); size 0 disables it. Guarded by the shard's lock. */
public final class IdCache {
    private final int capacity;
    private final LinkedHashMap<TraceId, Boolean> ids;

    public IdCache(int capacity) {
        this.capacity = capacity;
        this.ids = capacity <= 0 ? null : new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TraceId, Boolean> eldest) {
                return size() > IdCache.this.capacity;
            }
        };
    }

    public boolean enabled() {
        return ids != null;
    }

    public void put(TraceId id) {
        if (ids != null) {
            ids.put(id, Boolean.TRUE);
        }
    }

    /** Whether the ID is cached (and refreshes it, as an LRU get does). */
    public boolean contains(TraceId id) {
        return ids != null && ids.get(id) != null;
    }

    public int size() {
        return ids == null ? 0 : ids.size();
    }
}

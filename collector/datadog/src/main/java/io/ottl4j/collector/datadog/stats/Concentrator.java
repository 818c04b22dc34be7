package io.ottl4j.collector.datadog.stats;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.google.protobuf.ByteString;
import io.ottl4j.collector.datadog.mapping.DdSpan;
import io.ottl4j.collector.datadog.pb.trace.ClientGroupedStats;
import io.ottl4j.collector.datadog.pb.trace.ClientStatsBucket;
import io.ottl4j.collector.datadog.pb.trace.ClientStatsPayload;
import io.ottl4j.collector.datadog.pb.trace.StatsPayload;
import io.ottl4j.collector.datadog.pb.trace.Trilean;
import io.ottl4j.pdata.Span;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * APM stats as the trace agent's concentrator computes them (datadog-agent pkg/trace/stats): eligible spans
 * (top-level, measured, or — with {@code compute_stats_by_span_kind} — server, consumer, client and
 * producer spans) are counted per time bucket (aligned on the span's end), per payload key (hostname, env,
 * version, container, git commit) and per aggregation key (service, operation, resource, type, HTTP status, span kind,
 * peer tags, trace root). Durations go to DDSketches (relative accuracy 1%, 2048 bins, lowest bins
 * collapsed), one for ok spans and one for errors. Not thread-safe: the caller serializes.
 */
public final class Concentrator {
    /** Buckets kept open before flushing, as upstream: late spans still land in the previous bucket. */
    static final int BUFFER_LEN = 2;
    public static final double RELATIVE_ACCURACY = 0.01;
    public static final int MAX_BINS = 2048;

    private final long bucketNanos;
    private final boolean statsBySpanKind;
    private final List<String> peerTagKeys;
    private final TreeMap<Long, Map<PayloadKey, Map<GroupKey, Group>>> buckets = new TreeMap<>();
    private long oldest;
    /** The payload-key map the previous span went to (cleared by flush, which may remove its bucket). */
    private long lastBucket;
    private PayloadKey lastKey;
    private Map<GroupKey, Group> lastGroups;

    public record PayloadKey(String hostname, String env, String version, String containerId, String gitCommitSha, String containerTags) {
        boolean matches(DdSpan s) {
            return hostname.equals(s.hostname) && env.equals(s.env) && version.equals(s.version) && containerId.equals(s.containerId)
                    && gitCommitSha.equals(s.gitCommitSha) && containerTags.equals(s.containerTags);
        }
    }

    /** One aggregation key; {@code peerTags} as "key:value" in key order. */
    public record GroupKey(String service, String name, String resource, String type, int httpStatus, String spanKind, List<String> peerTags,
            boolean traceRoot) {
    }

    static final class Group {
        long hits;
        long errors;
        long duration;
        long topLevelHits;
        DDSketch ok;
        DDSketch err;
    }

    public Concentrator(long bucketNanos, boolean statsBySpanKind, List<String> peerTagKeys, long nowNanos) {
        this.bucketNanos = bucketNanos;
        this.statsBySpanKind = statsBySpanKind;
        this.peerTagKeys = peerTagKeys;
        this.oldest = align(nowNanos) - (BUFFER_LEN - 1) * bucketNanos;
    }

    private long align(long ts) {
        return ts - Math.floorMod(ts, bucketNanos);
    }

    /** Whether the span is counted (upstream's eligibility rule). */
    public boolean eligible(DdSpan s) {
        if (s.metrics.containsKey("_dd.partial_version")) {
            return false;
        }
        if (s.topLevel() || s.measured()) {
            return true;
        }
        return statsBySpanKind && (s.kind == Span.KIND_SERVER || s.kind == Span.KIND_CONSUMER || s.kind == Span.KIND_CLIENT
                || s.kind == Span.KIND_PRODUCER);
    }

    public void add(DdSpan s) {
        if (!eligible(s)) {
            return;
        }
        long end = s.start + s.duration;
        long btime = Math.max(align(end), oldest);
        Map<GroupKey, Group> groups;
        if (lastGroups != null && btime == lastBucket && lastKey.matches(s)) {
            groups = lastGroups; // spans come in runs of one resource: skip hashing the same payload key again
        } else {
            PayloadKey pk = new PayloadKey(s.hostname, s.env, s.version, s.containerId, s.gitCommitSha, s.containerTags);
            groups = buckets.computeIfAbsent(btime, k -> new HashMap<>()).computeIfAbsent(pk, k -> new HashMap<>());
            lastBucket = btime;
            lastKey = pk;
            lastGroups = groups;
        }
        GroupKey gk = new GroupKey(s.service, s.name, s.resource, s.type, s.httpStatus(), s.spanKindName, peerTags(s),
                s.parentId == 0);
        Group g = groups.computeIfAbsent(gk, k -> new Group());
        g.hits++;
        if (s.topLevel()) {
            g.topLevelHits++;
        }
        long d = Math.max(0, s.duration);
        g.duration += d;
        double v = trimmed(d);
        if (s.error != 0) {
            g.errors++;
            if (g.err == null) {
                g.err = newSketch();
            }
            g.err.accept(v);
        } else {
            if (g.ok == null) {
                g.ok = newSketch();
            }
            g.ok.accept(v);
        }
    }

    /** Peer tags apply to spans that talk to a peer: client, producer and consumer spans. */
    private List<String> peerTags(DdSpan s) {
        if (peerTagKeys.isEmpty() || !(s.kind == Span.KIND_CLIENT || s.kind == Span.KIND_PRODUCER || s.kind == Span.KIND_CONSUMER)) {
            return List.of();
        }
        List<String> tags = null;
        for (String k : peerTagKeys) {
            String v = s.meta.get(k);
            if (v != null && !v.isEmpty()) {
                if (tags == null) {
                    tags = new ArrayList<>(4);
                }
                tags.add(k + ":" + v);
            }
        }
        return tags == null ? List.of() : List.copyOf(tags);
    }

    static DDSketch newSketch() {
        return DDSketches.logarithmicCollapsingLowestDense(RELATIVE_ACCURACY, MAX_BINS);
    }

    /** Upstream keeps 10 bits of precision of a nanosecond duration before it enters the sketch. */
    static double trimmed(long ns) {
        int shift = 0;
        while (ns > (1L << 10)) {
            ns >>= 1;
            shift++;
        }
        return (double) (ns << shift);
    }

    /**
     * Emits the buckets old enough to be complete ({@code force}: all of them) as one payload, or null when
     * there is nothing to emit.
     */
    public StatsPayload flush(long nowNanos, boolean force) {
        lastGroups = null;
        Map<PayloadKey, ClientStatsPayload.Builder> out = new HashMap<>();
        for (Iterator<Map.Entry<Long, Map<PayloadKey, Map<GroupKey, Group>>>> it = buckets.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Long, Map<PayloadKey, Map<GroupKey, Group>>> b = it.next();
            if (!force && b.getKey() > nowNanos - BUFFER_LEN * bucketNanos) {
                continue;
            }
            for (Map.Entry<PayloadKey, Map<GroupKey, Group>> p : b.getValue().entrySet()) {
                ClientStatsBucket.Builder cb = ClientStatsBucket.newBuilder().setStart(b.getKey()).setDuration(bucketNanos);
                for (Map.Entry<GroupKey, Group> e : p.getValue().entrySet()) {
                    cb.addStats(grouped(e.getKey(), e.getValue()));
                }
                PayloadKey k = p.getKey();
                out.computeIfAbsent(k, x -> ClientStatsPayload.newBuilder().setHostname(k.hostname()).setEnv(k.env()).setVersion(k.version())
                        .setContainerID(k.containerId()).setGitCommitSha(k.gitCommitSha())
                        .addAllTags(k.containerTags().isEmpty() ? List.of() : List.of(k.containerTags().split(",")))).addStats(cb);
            }
            it.remove();
        }
        long newOldest = align(nowNanos) - (BUFFER_LEN - 1) * bucketNanos;
        oldest = Math.max(oldest, newOldest);
        if (out.isEmpty()) {
            return null;
        }
        StatsPayload.Builder sp = StatsPayload.newBuilder();
        out.values().forEach(sp::addStats);
        return sp.build();
    }

    private static ClientGroupedStats grouped(GroupKey k, Group g) {
        ClientGroupedStats.Builder b = ClientGroupedStats.newBuilder().setService(k.service()).setName(k.name()).setResource(k.resource())
                .setType(k.type()).setHTTPStatusCode(k.httpStatus()).setSpanKind(k.spanKind()).addAllPeerTags(k.peerTags())
                .setIsTraceRoot(k.traceRoot() ? Trilean.TRUE : Trilean.FALSE).setHits(g.hits).setErrors(g.errors).setDuration(g.duration)
                .setTopLevelHits(g.topLevelHits);
        b.setOkSummary(encode(g.ok));
        b.setErrorSummary(encode(g.err));
        return b.build();
    }

    private static ByteString encode(DDSketch s) {
        ByteBuffer bb = (s == null ? newSketch() : s).serialize();
        return ByteString.copyFrom(bb);
    }

    /** Number of open buckets (tests). */
    public int openBuckets() {
        return buckets.size();
    }
}

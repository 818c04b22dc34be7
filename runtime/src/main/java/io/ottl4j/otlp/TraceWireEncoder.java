package io.ottl4j.otlp;

import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.InstrumentationScope;
import io.ottl4j.pdata.Resource;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.SpanLink;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Writes an {@code ExportTraceServiceRequest} straight from the pdata model to protobuf bytes, without
 * building the generated message objects first. Exporting traces is the collector's hottest path, and
 * building ~30 builder/message objects per span only to serialise them cost more than the serialisation.
 *
 * <p>Two passes over the batch: the first computes every nested message's length (in the order the
 * messages are written, so the second pass reads them back with a cursor), the second writes into one
 * exactly-sized array. The bytes are the ones {@code toTraceRequest(batch).toByteArray()} produces — same
 * field order, same presence rules (message fields pdata holds by value, and oneof values, are always
 * written; proto3 scalars only when non-zero) — {@code OtlpProtoTest} checks that on varied batches.
 */
final class TraceWireEncoder {
    private static final int LEN = 2; // length-delimited

    /** Lengths of nested messages in write order. */
    private int[] sizes = new int[1024];
    private int count;
    private int cursor;
    /** UTF-8 bytes of the strings in write order. */
    private Object[] strs = new Object[1024];
    private int scount;
    private int scursor;
    private WireWriter w;

    /**
     * Encoders are reused, so the length table is not reallocated (and regrown) for every batch: for a batch of
     * 8192 spans it holds ~250k entries, a 1 MiB array that G1 would allocate as a humongous object. They are
     * pooled rather than kept per thread: an exporter has ten consumer threads by default and each one kept
     * tables grown to its largest batch (6.3 MiB of a 20 MiB live heap in the small profile's heap dump), while
     * at most one encoder per core runs at a time. Encoders beyond the pool's size are dropped after use.
     */
    private static final ArrayBlockingQueue<TraceWireEncoder> POOL =
            new ArrayBlockingQueue<>(Math.max(1, Runtime.getRuntime().availableProcessors()));
    /**
     * Tables larger than this are dropped after use rather than kept in the pool: 1M entries (4 MiB each) by default,
     * so that batches of 8192 spans reuse theirs; the small profile sets {@value #KEEP_PROPERTY} lower, since at its
     * rates a table of a few thousand spans' entries is cheap to allocate and costs old-generation memory to keep.
     */
    static final String KEEP_PROPERTY = "ottl.otlp.encoderKeepEntries";
    private static final int KEEP_MAX = Integer.getInteger(KEEP_PROPERTY, 1 << 20);

    static byte[] encode(TelemetryBatch<Span> batch) {
        TraceWireEncoder e = POOL.poll();
        if (e == null) {
            e = new TraceWireEncoder();
        }
        try {
            return e.run(batch);
        } finally {
            e.reset();
            POOL.offer(e);
        }
    }

    /** Forgets the last batch: no garbage is kept alive by a pooled encoder. */
    private void reset() {
        count = 0;
        cursor = 0;
        w = null;
        if (sizes.length > KEEP_MAX) {
            sizes = new int[1024];
        }
        Arrays.fill(strs, 0, scount, null);
        scount = 0;
        scursor = 0;
        if (strs.length > KEEP_MAX) {
            strs = new Object[1024];
        }
    }

    /** How many encoders the pool holds now (tests). */
    static int pooled() {
        return POOL.size();
    }

    private byte[] run(TelemetryBatch<Span> batch) {
        int total = 0;
        for (ResourceGroup<Span> rg : batch.resources()) {
            total += nested(1, sizeResourceSpans(rg, reserve()));
        }
        byte[] buf = new byte[total];
        w = new WireWriter(buf);
        for (ResourceGroup<Span> rg : batch.resources()) {
            begin(1);
            writeResourceSpans(rg);
        }
        w.checkFull();
        return buf;
    }

    // ---------------------------------------------------------------- sizes

    private int reserve() {
        if (count == sizes.length) {
            sizes = Arrays.copyOf(sizes, count * 2);
        }
        return count++;
    }

    /** Stores the body size of the message at {@code slot} and returns it. */
    private int set(int slot, int size) {
        sizes[slot] = size;
        return size;
    }

    /** Tag + length prefix + body of a nested message (field numbers here are all below 16: one tag byte, but computed anyway). */
    private static int nested(int field, int body) {
        return WireWriter.tagSize(field) + WireWriter.varint32Size(body) + body;
    }

    /** A string field (absent when empty); its UTF-8 bytes are kept for the write pass. */
    private int string(int field, String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int n = utf8(s, false);
        return WireWriter.tagSize(field) + WireWriter.varint32Size(n) + n;
    }

    /**
     * Converts {@code s} to UTF-8 once and queues the bytes for the write pass. {@code String.getBytes} is
     * vectorised for ASCII text (nearly all telemetry); protobuf's char-by-char encoder, run once for the
     * length and once for the bytes, was the larger part of encoding. Lone surrogates become '?', as with
     * protobuf's fallback. Keys and repeated values come from shared caches ({@link WireStringCache}): a
     * value the decoder shared arrives here as the same {@code String} in every span.
     */
    private int utf8(String s, boolean key) {
        byte[] b = key ? KEY_BYTES.bytes(s) : VALUE_BYTES.bytes(s);
        if (scount == strs.length) {
            strs = Arrays.copyOf(strs, scount * 2);
        }
        strs[scount++] = b;
        return b.length;
    }

    private static final WireStringCache KEY_BYTES = new WireStringCache(1024, 64, false);
    private static final WireStringCache VALUE_BYTES = new WireStringCache(4096, 128, true);

    private static int uint32(int field, int v) {
        return v == 0 ? 0 : WireWriter.tagSize(field) + WireWriter.varint32Size(v);
    }

    private static int enumValue(int field, int v) {
        return v == 0 ? 0 : WireWriter.tagSize(field) + WireWriter.int32Size(v);
    }

    private static int fixed64(int field, long v) {
        return v == 0 ? 0 : WireWriter.tagSize(field) + 8;
    }

    private static int fixed32(int field, int v) {
        return v == 0 ? 0 : WireWriter.tagSize(field) + 4;
    }

    private static int id(int field, TraceId id) {
        return id.isEmpty() ? 0 : WireWriter.tagSize(field) + 1 + 16;
    }

    private static int id(int field, SpanId id) {
        return id.isEmpty() ? 0 : WireWriter.tagSize(field) + 1 + 8;
    }

    private int sizeResourceSpans(ResourceGroup<Span> rg, int slot) {
        int s = nested(1, sizeResource(rg.resource(), reserve()));
        for (ScopeGroup<Span> sg : rg.scopes()) {
            s += nested(2, sizeScopeSpans(sg, reserve()));
        }
        s += string(3, rg.schemaUrl());
        return set(slot, s);
    }

    private int sizeResource(Resource r, int slot) {
        return set(slot, sizeAttributes(1, r.attributes()) + uint32(2, r.droppedAttributesCount()));
    }

    private int sizeScopeSpans(ScopeGroup<Span> sg, int slot) {
        int s = nested(1, sizeScope(sg.scope(), reserve()));
        for (Span span : sg.items()) {
            s += nested(2, sizeSpan(span, reserve()));
        }
        s += string(3, sg.schemaUrl());
        return set(slot, s);
    }

    private int sizeScope(InstrumentationScope sc, int slot) {
        return set(slot, string(1, sc.name()) + string(2, sc.version()) + sizeAttributes(3, sc.attributes())
                + uint32(4, sc.droppedAttributesCount()));
    }

    private int sizeSpan(Span sp, int slot) {
        int s = id(1, sp.traceId()) + id(2, sp.spanId()) + string(3, sp.traceState()) + id(4, sp.parentSpanId()) + string(5, sp.name())
                + enumValue(6, sp.kind()) + fixed64(7, sp.startTimeUnixNano()) + fixed64(8, sp.endTimeUnixNano())
                + sizeAttributes(9, sp.attributes()) + uint32(10, sp.droppedAttributesCount());
        List<SpanEvent> events = sp.events();
        for (int i = 0, n = events.size(); i < n; i++) {
            s += nested(11, sizeEvent(events.get(i), reserve()));
        }
        s += uint32(12, sp.droppedEventsCount());
        List<SpanLink> links = sp.links();
        for (int i = 0, n = links.size(); i < n; i++) {
            s += nested(13, sizeLink(links.get(i), reserve()));
        }
        s += uint32(14, sp.droppedLinksCount());
        s += nested(15, set(reserve(), string(2, sp.status().message()) + enumValue(3, sp.status().code())));
        s += fixed32(16, sp.flags());
        return set(slot, s);
    }

    private int sizeEvent(SpanEvent e, int slot) {
        return set(slot, fixed64(1, e.timeUnixNano()) + string(2, e.name()) + sizeAttributes(3, e.attributes())
                + uint32(4, e.droppedAttributesCount()));
    }

    private int sizeLink(SpanLink l, int slot) {
        return set(slot, id(1, l.traceId()) + id(2, l.spanId()) + string(3, l.traceState()) + sizeAttributes(4, l.attributes())
                + uint32(5, l.droppedAttributesCount()) + fixed32(6, l.flags()));
    }

    /** The repeated {@code KeyValue} field {@code field}. */
    private int sizeAttributes(int field, AttributeMap m) {
        int s = 0;
        for (int i = 0, n = m.size(); i < n; i++) {
            int slot = reserve();
            String k = m.keyAt(i);
            int kn = k.isEmpty() ? 0 : utf8(k, true);
            int kv = (k.isEmpty() ? 0 : 1 + WireWriter.varint32Size(kn) + kn) + nested(2, sizeAnyValue(m.valueAt(i)));
            s += nested(field, set(slot, kv));
        }
        return s;
    }

    /**
     * The body size of an {@code AnyValue}. Only arrays and maps take a slot (for their inner message);
     * scalar values are cheap to size again while writing, which keeps the table a third smaller.
     */
    private int sizeAnyValue(Object v) {
        int s;
        if (v instanceof String str) {
            int n = utf8(str, false); // written even when empty: a oneof member
            s = WireWriter.tagSize(1) + WireWriter.varint32Size(n) + n;
        } else if (v instanceof Boolean) {
            s = WireWriter.tagSize(2) + 1;
        } else if (v instanceof Long l) {
            s = WireWriter.tagSize(3) + WireWriter.varint64Size(l);
        } else if (v instanceof Double) {
            s = WireWriter.tagSize(4) + 8;
        } else if (v instanceof AttributeList l) {
            int inner = reserve(); // before the elements': slots are in write order
            int a = 0;
            for (int i = 0, n = l.size(); i < n; i++) {
                a += nested(1, sizeAnyValue(l.get(i)));
            }
            s = nested(5, set(inner, a));
        } else if (v instanceof AttributeMap m) {
            int inner = reserve();
            s = nested(6, set(inner, sizeAttributes(1, m)));
        } else if (v instanceof byte[] b) {
            s = WireWriter.tagSize(7) + WireWriter.varint32Size(b.length) + b.length;
        } else {
            s = 0; // empty value: an AnyValue with no field set
        }
        return s;
    }

    // ---------------------------------------------------------------- writing

    /** Writes the tag and length of the next nested message. */
    private void begin(int field) {
        w.tag(field, LEN);
        w.uint32(sizes[cursor++]);
    }

    private void putString(int field, String s) {
        if (!s.isEmpty()) {
            rawString(field);
        }
    }

    /** Writes the next queued UTF-8 string as field {@code field}. */
    private void rawString(int field) {
        byte[] b = (byte[]) strs[scursor++];
        w.tag(field, LEN);
        w.uint32(b.length);
        w.bytes(b);
    }

    private void writeResourceSpans(ResourceGroup<Span> rg) {
        begin(1);
        writeResource(rg.resource());
        for (ScopeGroup<Span> sg : rg.scopes()) {
            begin(2);
            writeScopeSpans(sg);
        }
        putString(3, rg.schemaUrl());
    }

    private void writeResource(Resource r) {
        writeAttributes(1, r.attributes());
        putUInt32(2, r.droppedAttributesCount());
    }

    private void writeScopeSpans(ScopeGroup<Span> sg) {
        begin(1);
        writeScope(sg.scope());
        for (Span span : sg.items()) {
            begin(2);
            writeSpan(span);
        }
        putString(3, sg.schemaUrl());
    }

    private void writeScope(InstrumentationScope sc) {
        putString(1, sc.name());
        putString(2, sc.version());
        writeAttributes(3, sc.attributes());
        putUInt32(4, sc.droppedAttributesCount());
    }

    private void writeSpan(Span sp) {
        putId(1, sp.traceId());
        putId(2, sp.spanId());
        putString(3, sp.traceState());
        putId(4, sp.parentSpanId());
        putString(5, sp.name());
        if (sp.kind() != 0) {
            w.tag(6, 0);
            w.int32(sp.kind());
        }
        putFixed64(7, sp.startTimeUnixNano());
        putFixed64(8, sp.endTimeUnixNano());
        writeAttributes(9, sp.attributes());
        putUInt32(10, sp.droppedAttributesCount());
        List<SpanEvent> events = sp.events();
        for (int i = 0, n = events.size(); i < n; i++) {
            SpanEvent e = events.get(i);
            begin(11);
            putFixed64(1, e.timeUnixNano());
            putString(2, e.name());
            writeAttributes(3, e.attributes());
            putUInt32(4, e.droppedAttributesCount());
        }
        putUInt32(12, sp.droppedEventsCount());
        List<SpanLink> links = sp.links();
        for (int i = 0, n = links.size(); i < n; i++) {
            SpanLink l = links.get(i);
            begin(13);
            putId(1, l.traceId());
            putId(2, l.spanId());
            putString(3, l.traceState());
            writeAttributes(4, l.attributes());
            putUInt32(5, l.droppedAttributesCount());
            if (l.flags() != 0) {
                w.tag(6, 5);
                w.fixed32(l.flags());
            }
        }
        putUInt32(14, sp.droppedLinksCount());
        begin(15);
        putString(2, sp.status().message());
        if (sp.status().code() != 0) {
            w.tag(3, 0);
            w.int32(sp.status().code());
        }
        if (sp.flags() != 0) {
            w.tag(16, 5);
            w.fixed32(sp.flags());
        }
    }

    private void writeAttributes(int field, AttributeMap m) {
        for (int i = 0, n = m.size(); i < n; i++) {
            begin(field);
            putString(1, m.keyAt(i));
            writeAnyValueField(2, m.valueAt(i));
        }
    }

    /** Tag, length and body of an {@code AnyValue} field; scalars have no slot (see {@link #sizeAnyValue}). */
    private void writeAnyValueField(int field, Object v) {
        w.tag(field, LEN);
        if (v instanceof AttributeList) {
            w.uint32(nested(5, sizes[cursor])); // the inner ArrayValue's slot comes next
        } else if (v instanceof AttributeMap) {
            w.uint32(nested(6, sizes[cursor]));
        } else if (v instanceof String) {
            int n = ((byte[]) strs[scursor]).length; // queued by the size pass; sizeAnyValue would queue it again
            w.uint32(WireWriter.tagSize(1) + WireWriter.varint32Size(n) + n);
        } else {
            w.uint32(sizeAnyValue(v));
        }
        writeAnyValue(v);
    }

    private void writeAnyValue(Object v) {
        if (v instanceof String str) {
            rawString(1);
        } else if (v instanceof Boolean b) {
            w.tag(2, 0);
            w.rawByte(b ? 1 : 0);
        } else if (v instanceof Long l) {
            w.tag(3, 0);
            w.uint64(l);
        } else if (v instanceof Double d) {
            w.tag(4, 1);
            w.fixed64(Double.doubleToRawLongBits(d));
        } else if (v instanceof AttributeList l) {
            begin(5);
            for (int i = 0, n = l.size(); i < n; i++) {
                writeAnyValueField(1, l.get(i));
            }
        } else if (v instanceof AttributeMap m) {
            begin(6);
            writeAttributes(1, m);
        } else if (v instanceof byte[] b) {
            w.tag(7, LEN);
            w.uint32(b.length);
            w.bytes(b);
        }
    }

    private void putUInt32(int field, int v) {
        if (v != 0) {
            w.tag(field, 0);
            w.uint32(v);
        }
    }

    private void putFixed64(int field, long v) {
        if (v != 0) {
            w.tag(field, 1);
            w.fixed64(v);
        }
    }

    private void putId(int field, TraceId id) {
        if (!id.isEmpty()) {
            w.tag(field, LEN);
            w.uint32(16);
            w.bigEndian64(id.high());
            w.bigEndian64(id.low());
        }
    }

    private void putId(int field, SpanId id) {
        if (!id.isEmpty()) {
            w.tag(field, LEN);
            w.uint32(8);
            w.bigEndian64(id.value());
        }
    }
}

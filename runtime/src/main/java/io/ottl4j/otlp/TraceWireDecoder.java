package io.ottl4j.otlp;

import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.InstrumentationScope;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.SpanLink;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an {@code ExportTraceServiceRequest} straight from protobuf bytes into the pdata model, without the
 * generated message objects in between (receiving traces is the collector's hottest path; the generated
 * parser allocated a builder and a message per span, attribute and value, all garbage a moment later).
 *
 * <p>It accepts and rejects what the generated parser does — unknown fields and groups are skipped, a
 * repeated scalar's last value wins, a repeated singular message merges into the first, strings must be
 * valid UTF-8, nesting is limited to 100 levels — and then applies {@link OtlpProto}'s id-length checks with
 * the same messages. Attribute keys, string values and span names go through small shared caches
 * ({@link WireStringCache}): one {@code String} per repeated key or value saves an allocation per field and
 * the garbage collector's copying of it while the batch waits in the pipeline.
 */
final class TraceWireDecoder {
    private static final int LEN = 2;
    private static final int MAX_DEPTH = OtlpProto.MAX_NESTING; // upstream's limit (Go protobuf), not protobuf-java's 100

    private final byte[] buf;
    private int pos;
    private int depth;

    private TraceWireDecoder(byte[] buf) {
        this.buf = buf;
    }

    static TelemetryBatch<Span> decode(byte[] bytes) {
        try {
            return new TraceWireDecoder(bytes).request();
        } catch (Malformed e) {
            throw new OtlpDecodeException("", "invalid ExportTraceServiceRequest protobuf: " + e.getMessage());
        }
    }

    /** A wire-format error; turned into an {@link OtlpDecodeException} at the top. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    // ---------------------------------------------------------------- messages

    private TelemetryBatch<Span> request() {
        TelemetryBatch<Span> batch = TelemetryBatch.traces();
        int end = buf.length;
        int i = 0;
        while (pos < end) {
            int tag = tag();
            if (tag == (1 << 3 | LEN)) {
                int e = enter();
                resourceSpans(e, batch.addResource(), i++);
                leave(e);
            } else {
                skip(tag);
            }
        }
        return batch;
    }

    private void resourceSpans(int end, ResourceGroup<Span> rg, int i) {
        int j = 0;
        while (pos < end) {
            int tag = tag();
            switch (tag) {
                case 1 << 3 | LEN -> {
                    int e = enter();
                    attributesAndDropped(e, rg.resource().attributes(), 1, 2, rg.resource()::setDroppedAttributesCount);
                    leave(e);
                }
                case 2 << 3 | LEN -> {
                    int e = enter();
                    scopeSpans(e, rg.addScope(), i, j++);
                    leave(e);
                }
                case 3 << 3 | LEN -> rg.setSchemaUrl(string());
                default -> skip(tag);
            }
        }
    }

    private void scopeSpans(int end, ScopeGroup<Span> sg, int i, int j) {
        int k = 0;
        while (pos < end) {
            int tag = tag();
            switch (tag) {
                case 1 << 3 | LEN -> {
                    int e = enter();
                    scope(e, sg.scope());
                    leave(e);
                }
                case 2 << 3 | LEN -> {
                    int e = enter();
                    sg.items().add(span(e, i, j, k++));
                    leave(e);
                }
                case 3 << 3 | LEN -> sg.setSchemaUrl(string());
                default -> skip(tag);
            }
        }
    }

    private void scope(int end, InstrumentationScope sc) {
        while (pos < end) {
            int tag = tag();
            switch (tag) {
                case 1 << 3 | LEN -> sc.setName(string());
                case 2 << 3 | LEN -> sc.setVersion(string());
                case 3 << 3 | LEN -> keyValue(sc.attributes(), tag, end);
                case 4 << 3 -> sc.setDroppedAttributesCount((int) varint());
                default -> skip(tag);
            }
        }
    }

    private interface IntSetter {
        void set(int v);
    }

    /** A message made of attributes (field {@code attrs}) and a dropped count (field {@code dropped}). */
    private void attributesAndDropped(int end, AttributeMap m, int attrs, int dropped, IntSetter setDropped) {
        while (pos < end) {
            int tag = tag();
            if (tag == (attrs << 3 | LEN)) {
                keyValue(m, tag, end);
            } else if (tag == dropped << 3) {
                setDropped.set((int) varint());
            } else {
                skip(tag);
            }
        }
    }

    private Span span(int end, int i, int j, int k) {
        Span s = new Span();
        int badTrace = 0; // length of an invalid id seen last (0: none), reported once the span is read
        int badSpan = 0;
        int badParent = 0;
        int links = 0;
        while (pos < end) {
            int tag = tag();
            switch (tag) {
                case 1 << 3 | LEN -> {
                    int n = length();
                    badTrace = n == 0 || n == 16 ? 0 : n;
                    s.setTraceId(traceId(n));
                }
                case 2 << 3 | LEN -> {
                    int n = length();
                    badSpan = n == 0 || n == 8 ? 0 : n;
                    s.setSpanId(spanId(n));
                }
                case 3 << 3 | LEN -> s.setTraceState(string());
                case 4 << 3 | LEN -> {
                    int n = length();
                    badParent = n == 0 || n == 8 ? 0 : n;
                    s.setParentSpanId(spanId(n));
                }
                case 5 << 3 | LEN -> s.setName(value());
                case 6 << 3 -> s.setKind((int) varint());
                case 7 << 3 | 1 -> s.setStartTimeUnixNano(fixed64());
                case 8 << 3 | 1 -> s.setEndTimeUnixNano(fixed64());
                case 9 << 3 | LEN -> keyValue(s.attributes(), tag, end);
                case 10 << 3 -> s.setDroppedAttributesCount((int) varint());
                case 11 << 3 | LEN -> {
                    int e = enter();
                    s.events().add(event(e));
                    leave(e);
                }
                case 12 << 3 -> s.setDroppedEventsCount((int) varint());
                case 13 << 3 | LEN -> {
                    int e = enter();
                    s.links().add(link(e, i, j, k, links++));
                    leave(e);
                }
                case 14 << 3 -> s.setDroppedLinksCount((int) varint());
                case 15 << 3 | LEN -> {
                    int e = enter();
                    status(e, s);
                    leave(e);
                }
                case 16 << 3 | 5 -> s.setFlags(fixed32());
                default -> skip(tag);
            }
        }
        if (badTrace != 0) {
            throw at(i, j, k, ".traceId", "trace id must be " + TraceId.SIZE + " bytes, got " + badTrace);
        }
        if (badSpan != 0) {
            throw at(i, j, k, ".spanId", "span id must be " + SpanId.SIZE + " bytes, got " + badSpan);
        }
        if (badParent != 0) {
            throw at(i, j, k, ".parentSpanId", "span id must be " + SpanId.SIZE + " bytes, got " + badParent);
        }
        return s;
    }

    private static OtlpDecodeException at(int i, int j, int k, String field, String problem) {
        return new OtlpDecodeException("resourceSpans[" + i + "].scopeSpans[" + j + "].spans[" + k + "]" + field, problem);
    }

    private void status(int end, Span s) {
        while (pos < end) {
            int tag = tag();
            switch (tag) {
                case 2 << 3 | LEN -> s.status().setMessage(string());
                case 3 << 3 -> s.status().setCode((int) varint());
                default -> skip(tag);
            }
        }
    }

    private SpanEvent event(int end) {
        SpanEvent ev = new SpanEvent();
        while (pos < end) {
            int tag = tag();
            switch (tag) {
                case 1 << 3 | 1 -> ev.setTimeUnixNano(fixed64());
                case 2 << 3 | LEN -> ev.setName(value());
                case 3 << 3 | LEN -> keyValue(ev.attributes(), tag, end);
                case 4 << 3 -> ev.setDroppedAttributesCount((int) varint());
                default -> skip(tag);
            }
        }
        return ev;
    }

    private SpanLink link(int end, int i, int j, int k, int n) {
        SpanLink l = new SpanLink();
        int badTrace = 0;
        int badSpan = 0;
        while (pos < end) {
            int tag = tag();
            switch (tag) {
                case 1 << 3 | LEN -> {
                    int len = length();
                    badTrace = len == 0 || len == 16 ? 0 : len;
                    l.setTraceId(traceId(len));
                }
                case 2 << 3 | LEN -> {
                    int len = length();
                    badSpan = len == 0 || len == 8 ? 0 : len;
                    l.setSpanId(spanId(len));
                }
                case 3 << 3 | LEN -> l.setTraceState(string());
                case 4 << 3 | LEN -> keyValue(l.attributes(), tag, end);
                case 5 << 3 -> l.setDroppedAttributesCount((int) varint());
                case 6 << 3 | 5 -> l.setFlags(fixed32());
                default -> skip(tag);
            }
        }
        if (badTrace != 0) {
            throw at(i, j, k, ".links[" + n + "].traceId", "trace id must be " + TraceId.SIZE + " bytes, got " + badTrace);
        }
        if (badSpan != 0) {
            throw at(i, j, k, ".links[" + n + "].spanId", "span id must be " + SpanId.SIZE + " bytes, got " + badSpan);
        }
        return l;
    }

    /** Reads the id's bytes; any length but 16 gives the empty id (the caller reports wrong lengths). */
    private TraceId traceId(int n) {
        if (n == TraceId.SIZE) {
            return TraceId.of(long64(), long64());
        }
        skipBytes(n);
        return TraceId.EMPTY;
    }

    private SpanId spanId(int n) {
        if (n == SpanId.SIZE) {
            return SpanId.of(long64());
        }
        skipBytes(n);
        return SpanId.EMPTY;
    }

    /**
     * Sizes an empty map for the run of {@code KeyValue} fields that starts here (the first one's tag read,
     * {@code end} the enclosing message's end): an encoder writes a repeated field's elements together, so the
     * run is usually all of them. Growing the map 4 → 8 → 16 instead allocated three sets of arrays per span and
     * left up to half of each span's arrays empty while the batch waited. Only looks (the position is restored):
     * a malformed run ends the count, and reading the fields reports it. At most {@value #PRESIZE_MAX} slots: a
     * hostile run of duplicate keys (two bytes each on the wire) must not reserve room that the map, keeping one
     * of them, would never fill; larger maps grow as before.
     */
    private static final int PRESIZE_MAX = 64;

    private void presize(AttributeMap m, int tag, int end) {
        if (!m.isEmpty()) {
            return;
        }
        int start = pos;
        int n = 0;
        try {
            do {
                skipBytes(length());
                n++;
            } while (n < PRESIZE_MAX && pos < end && tag() == tag);
        } catch (Malformed e) {
            // counted up to the damage; reading the fields reports it
        } finally {
            pos = start;
        }
        m.ensureCapacity(n);
    }

    /** Sizes {@code m} for the run starting here (see {@link #presize}), then reads its first {@code KeyValue}. */
    private void keyValue(AttributeMap m, int tag, int end) {
        presize(m, tag, end);
        keyValue(m);
    }

    /** One {@code KeyValue} (length-delimited) into {@code m}; the first of duplicate keys wins, as in pdata. */
    private void keyValue(AttributeMap m) {
        int end = enter();
        String key = "";
        Object value = AnyValue.EMPTY;
        while (pos < end) {
            int tag = tag();
            switch (tag) {
                case 1 << 3 | LEN -> key = key();
                case 2 << 3 | LEN -> value = anyValue();
                default -> skip(tag);
            }
        }
        leave(end);
        m.putIfAbsent(key, value);
    }

    /** One {@code AnyValue} (length-delimited); repeated or merged oneof members: the last one wins. */
    private Object anyValue() {
        int end = enter();
        Object v = AnyValue.EMPTY;
        while (pos < end) {
            int tag = tag();
            switch (tag) {
                case 1 << 3 | LEN -> v = value();
                case 2 << 3 -> v = varint() != 0;
                case 3 << 3 -> v = varint();
                case 4 << 3 | 1 -> v = Double.longBitsToDouble(fixed64());
                case 5 << 3 | LEN -> {
                    AttributeList l = v instanceof AttributeList old ? old : new AttributeList();
                    int e = enter();
                    while (pos < e) {
                        int t = tag();
                        if (t == (1 << 3 | LEN)) {
                            l.add(anyValue());
                        } else {
                            skip(t);
                        }
                    }
                    leave(e);
                    v = l;
                }
                case 6 << 3 | LEN -> {
                    AttributeMap m = v instanceof AttributeMap old ? old : new AttributeMap();
                    int e = enter();
                    while (pos < e) {
                        int t = tag();
                        if (t == (1 << 3 | LEN)) {
                            keyValue(m);
                        } else {
                            skip(t);
                        }
                    }
                    leave(e);
                    v = m;
                }
                case 7 << 3 | LEN -> {
                    int n = length();
                    byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + n);
                    pos += n;
                    v = b;
                }
                default -> skip(tag);
            }
        }
        leave(end);
        return v;
    }

    // ---------------------------------------------------------------- wire primitives

    /** Tags and lengths are 32-bit varints: as protobuf-java, longer encodings are read and their high bits dropped. */
    private int tag() {
        // one-byte tags of fields 1-15 are nearly all of them: a path small enough for C1 to inline (below 8
        // the field number is zero, which the long path rejects)
        byte[] b = buf;
        int p = pos;
        if (p < b.length && b[p] > 7) {
            pos = p + 1;
            return b[p];
        }
        return longTag();
    }

    private int longTag() {
        int t = (int) varint();
        if ((t >>> 3) == 0) {
            throw new Malformed("Protocol message contained an invalid tag (zero).");
        }
        return t;
    }

    /** Reads a length prefix and returns the end of the nested message, checking it and the depth. */
    private int enter() {
        int n = length();
        if (++depth > MAX_DEPTH) {
            throw new Malformed("Protocol message had too many levels of nesting.");
        }
        return pos + n;
    }

    private void leave(int end) {
        if (pos != end) {
            throw new Malformed("While parsing a protocol message, the input ended unexpectedly in the middle of a field.");
        }
        depth--;
    }

    private int length() {
        byte[] b = buf;
        int p = pos;
        if (p < b.length) {
            int n = b[p];
            if (n >= 0 && n < b.length - p) { // a one-byte length that fits
                pos = p + 1;
                return n;
            }
        }
        return longLength();
    }

    private int longLength() {
        int n = (int) varint();
        if (n < 0 || n > buf.length - pos) {
            throw n < 0 ? new Malformed("CodedInputStream encountered an embedded string or message which claimed to have negative size.")
                    : truncated();
        }
        return n;
    }

    private static Malformed truncated() {
        return new Malformed("While parsing a protocol message, the input ended unexpectedly in the middle of a field.  "
                + "This could mean either that the input has been truncated or that an embedded message misreported its own length.");
    }

    private long varint() {
        long result = 0;
        int start = pos;
        for (int shift = 0; shift < 63; shift += 7) {
            if (pos >= buf.length) {
                throw truncated();
            }
            byte b = buf[pos++];
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        // A tenth byte: only -1-like negatives are valid there, and protobuf-java keeps different bits of an
        // over-long one depending on its path; let it decide, so that we accept exactly what it accepts.
        pos = start;
        try {
            com.google.protobuf.CodedInputStream in = com.google.protobuf.CodedInputStream.newInstance(buf, start, buf.length - start);
            long v = in.readRawVarint64();
            pos = start + in.getTotalBytesRead();
            return v;
        } catch (java.io.IOException e) {
            throw e.getMessage() != null && e.getMessage().contains("malformed") ? new Malformed(e.getMessage()) : truncated();
        }
    }

    private long fixed64() {
        if (buf.length - pos < 8) {
            throw truncated();
        }
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (buf[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    private int fixed32() {
        if (buf.length - pos < 4) {
            throw truncated();
        }
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    /** Big-endian, as ids are. The caller checked the length. */
    private long long64() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    private void skipBytes(int n) {
        pos += n; // length() checked the bounds
    }

    private void skip(int tag) {
        switch (tag & 7) {
            case 0 -> varint();
            case 1 -> {
                if (buf.length - pos < 8) {
                    throw truncated();
                }
                pos += 8;
            }
            case LEN -> skipBytes(length());
            case 3 -> {
                int field = tag >>> 3;
                if (++depth > MAX_DEPTH) {
                    throw new Malformed("Protocol message had too many levels of nesting.");
                }
                while (true) {
                    if (pos >= buf.length) {
                        throw truncated();
                    }
                    int t = tag();
                    if (t == (field << 3 | 4)) {
                        break;
                    }
                    skip(t);
                }
                depth--;
            }
            case 5 -> {
                if (buf.length - pos < 4) {
                    throw truncated();
                }
                pos += 4;
            }
            case 4 -> throw new Malformed("Protocol message end-group tag did not match expected tag.");
            default -> throw new Malformed("Protocol message tag had invalid wire type.");
        }
    }

    private String string() {
        int n = length();
        String s = utf8(buf, pos, n);
        pos += n;
        return s;
    }

    /** Strings must be valid UTF-8, as for the generated parser; ASCII (nearly everything) takes the JDK's fast path. */
    private static String utf8(byte[] b, int off, int n) {
        for (int i = off, end = off + n; i < end; i++) {
            if (b[i] < 0) {
                try {
                    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, n)).toString();
                } catch (CharacterCodingException e) {
                    throw new Malformed("Protocol message had invalid UTF-8.");
                }
            }
        }
        return new String(b, off, n, StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------- shared strings

    /** Attribute keys: the same few dozen arrive in every request, and sharing one each also shares its hash. */
    private static final WireStringCache KEYS = new WireStringCache(1024, 64, false);
    /**
     * String values and span names: many repeat (methods, routes, hosts, operation names), and the rest are
     * kept out by admitting a value only on its second sighting (see {@link WireStringCache}).
     */
    private static final WireStringCache VALUES = new WireStringCache(4096, 128, true);

    private String key() {
        return shared(KEYS);
    }

    /** A string field whose values repeat across records. */
    private String value() {
        return shared(VALUES);
    }

    private String shared(WireStringCache cache) {
        int n = length();
        if (!cache.cacheable(n)) {
            return string(n);
        }
        int h = WireStringCache.hash(buf, pos, n);
        String s = cache.string(buf, pos, n, h);
        if (s == null) {
            s = utf8(buf, pos, n);
            cache.put(buf, pos, n, h, s);
        }
        pos += n;
        return s;
    }

    private String string(int n) {
        String s = utf8(buf, pos, n);
        pos += n;
        return s;
    }
}

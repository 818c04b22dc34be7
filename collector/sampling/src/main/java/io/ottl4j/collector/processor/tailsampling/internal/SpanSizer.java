package io.ottl4j.collector.processor.tailsampling.internal;

import com.google.protobuf.CodedOutputStream;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.SpanLink;
import java.nio.charset.StandardCharsets;

/**
 * The OTLP protobuf size of a span message (upstream measures {@code maximum_trace_size_bytes} and
 * {@code bytes_limiting} in proto bytes). Computed only when a setting or policy needs it.
 */
public final class SpanSizer {
    private SpanSizer() {
    }

    private static int len(int field, int body) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(body) + body;
    }

    private static int str(int field, String s) {
        return s == null || s.isEmpty() ? 0 : len(field, utf8(s));
    }

    private static int utf8(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }

    private static int fixed64(int field, long v) {
        return v == 0 ? 0 : CodedOutputStream.computeTagSize(field) + 8;
    }

    private static int uint32(int field, int v) {
        return v == 0 ? 0 : CodedOutputStream.computeUInt32Size(field, v);
    }

    public static int span(Span s) {
        int n = (s.traceId().isEmpty() ? 0 : 18) + (s.spanId().isEmpty() ? 0 : 10) + str(3, s.traceState())
                + (s.parentSpanId().isEmpty() ? 0 : 10) + str(5, s.name()) + uint32(6, s.kind())
                + fixed64(7, s.startTimeUnixNano()) + fixed64(8, s.endTimeUnixNano()) + attributes(9, s.attributes())
                + uint32(10, s.droppedAttributesCount()) + uint32(12, s.droppedEventsCount()) + uint32(14, s.droppedLinksCount());
        for (SpanEvent e : s.events()) {
            n += len(11, fixed64(1, e.timeUnixNano()) + str(2, e.name()) + attributes(3, e.attributes()) + uint32(4, e.droppedAttributesCount()));
        }
        for (SpanLink l : s.links()) {
            n += len(13, (l.traceId().isEmpty() ? 0 : 18) + (l.spanId().isEmpty() ? 0 : 10) + str(3, l.traceState())
                    + attributes(4, l.attributes()) + uint32(5, l.droppedAttributesCount()) + (l.flags() == 0 ? 0 : 5));
        }
        n += len(15, str(2, s.status().message()) + uint32(3, s.status().code()));
        n += s.flags() == 0 ? 0 : 6;
        return n;
    }

    private static int attributes(int field, AttributeMap m) {
        int n = 0;
        for (int i = 0, size = m.size(); i < size; i++) {
            n += len(field, str(1, m.keyAt(i)) + len(2, value(m.valueAt(i))));
        }
        return n;
    }

    private static int value(Object v) {
        return switch (v) {
            case String s -> len(1, utf8(s));
            case Boolean b -> 2;
            case Long l -> CodedOutputStream.computeInt64Size(3, l);
            case Double d -> 9;
            case byte[] b -> len(7, b.length);
            case AttributeList l -> {
                int n = 0;
                for (int i = 0; i < l.size(); i++) {
                    n += len(1, value(l.get(i)));
                }
                yield len(5, n);
            }
            case AttributeMap m -> len(6, attributes(1, m));
            default -> v == AnyValue.EMPTY ? 0 : 0;
        };
    }
}

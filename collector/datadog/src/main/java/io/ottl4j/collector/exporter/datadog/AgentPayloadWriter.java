package io.ottl4j.collector.exporter.datadog;

import com.google.protobuf.CodedOutputStream;
import io.ottl4j.collector.datadog.mapping.DdSpan;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code datadog.trace.AgentPayload} bytes straight from mapped spans, field numbers as in
 * {@code src/main/protobuf/datadog/trace/*.proto} (the generated classes parse them back in the tests).
 * The hot path of the trace exporter: protobuf-java's generated map fields build an entry object per
 * key for sizing and again for writing, which cost three times what writing them directly does.
 */
final class AgentPayloadWriter {
    /** One tracer payload: the resource-level fields and its chunks (one per trace). */
    record Tracer(String containerId, String language, String tracerVersion, String env, String hostname, String appVersion, int priority,
            List<List<DdSpan>> chunks) {
    }

    private AgentPayloadWriter() {
    }

    static int tracerSize(Tracer t) {
        int size = str(1, t.containerId()) + str(2, t.language()) + str(4, t.tracerVersion()) + str(8, t.env()) + str(9, t.hostname())
                + str(10, t.appVersion());
        for (List<DdSpan> chunk : t.chunks()) {
            size += nested(6, chunkSize(chunk, t.priority()));
        }
        return size;
    }

    static byte[] agentPayload(String hostname, String agentVersion, double targetTps, double errorTps, List<Tracer> tracers, int[] sizes) {
        int size = str(1, hostname) + str(7, agentVersion) + CodedOutputStream.computeDoubleSize(8, targetTps)
                + CodedOutputStream.computeDoubleSize(9, errorTps);
        for (int s : sizes) {
            size += nested(5, s);
        }
        byte[] out = new byte[size];
        CodedOutputStream o = CodedOutputStream.newInstance(out);
        try {
            writeStr(o, 1, hostname);
            for (int i = 0; i < tracers.size(); i++) {
                Tracer t = tracers.get(i);
                o.writeTag(5, 2);
                o.writeUInt32NoTag(sizes[i]);
                writeStr(o, 1, t.containerId());
                writeStr(o, 2, t.language());
                writeStr(o, 4, t.tracerVersion());
                for (List<DdSpan> chunk : t.chunks()) {
                    o.writeTag(6, 2);
                    o.writeUInt32NoTag(chunkSize(chunk, t.priority()));
                    writeChunk(o, chunk, t.priority());
                }
                writeStr(o, 8, t.env());
                writeStr(o, 9, t.hostname());
                writeStr(o, 10, t.appVersion());
            }
            writeStr(o, 7, agentVersion);
            o.writeDouble(8, targetTps);
            o.writeDouble(9, errorTps);
            o.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new IllegalStateException("AgentPayload size mismatch", e);
        }
        return out;
    }

    private static int chunkSize(List<DdSpan> chunk, int priority) {
        int size = priority == 0 ? 0 : CodedOutputStream.computeInt32Size(1, priority);
        for (DdSpan s : chunk) {
            size += nested(3, spanSize(s));
        }
        return size;
    }

    private static void writeChunk(CodedOutputStream o, List<DdSpan> chunk, int priority) throws IOException {
        if (priority != 0) {
            o.writeInt32(1, priority);
        }
        for (DdSpan s : chunk) {
            o.writeTag(3, 2);
            o.writeUInt32NoTag(spanSize(s));
            writeSpan(o, s);
        }
    }

    static int spanSize(DdSpan s) {
        if (s.encodedSize >= 0) {
            return s.encodedSize; // sizes are needed three times: tracer payload, chunk, span
        }
        int size = str(1, s.service) + str(2, s.name) + str(3, s.resource) + u64(4, s.traceId) + u64(5, s.spanId) + u64(6, s.parentId)
                + i64(7, s.start) + i64(8, s.duration) + (s.error == 0 ? 0 : CodedOutputStream.computeInt32Size(9, s.error)) + str(12, s.type);
        for (Map.Entry<String, String> e : s.meta.entrySet()) {
            size += nested(10, metaEntrySize(e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, Double> e : s.metrics.entrySet()) {
            size += nested(11, metricEntrySize(e.getKey()));
        }
        s.encodedSize = size;
        return size;
    }

    private static void writeSpan(CodedOutputStream o, DdSpan s) throws IOException {
        writeStr(o, 1, s.service);
        writeStr(o, 2, s.name);
        writeStr(o, 3, s.resource);
        if (s.traceId != 0) {
            o.writeUInt64(4, s.traceId);
        }
        if (s.spanId != 0) {
            o.writeUInt64(5, s.spanId);
        }
        if (s.parentId != 0) {
            o.writeUInt64(6, s.parentId);
        }
        if (s.start != 0) {
            o.writeInt64(7, s.start);
        }
        if (s.duration != 0) {
            o.writeInt64(8, s.duration);
        }
        if (s.error != 0) {
            o.writeInt32(9, s.error);
        }
        for (Map.Entry<String, String> e : s.meta.entrySet()) {
            o.writeTag(10, 2);
            o.writeUInt32NoTag(metaEntrySize(e.getKey(), e.getValue()));
            o.writeString(1, e.getKey());
            o.writeString(2, e.getValue());
        }
        for (Map.Entry<String, Double> e : s.metrics.entrySet()) {
            o.writeTag(11, 2);
            o.writeUInt32NoTag(metricEntrySize(e.getKey()));
            o.writeString(1, e.getKey());
            o.writeDouble(2, e.getValue());
        }
        writeStr(o, 12, s.type);
    }

    private static int metaEntrySize(String k, String v) {
        return CodedOutputStream.computeStringSize(1, k) + CodedOutputStream.computeStringSize(2, v);
    }

    private static int metricEntrySize(String k) {
        return CodedOutputStream.computeStringSize(1, k) + CodedOutputStream.computeDoubleSize(2, 0);
    }

    private static int nested(int field, int size) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(size) + size;
    }

    private static int str(int field, String v) {
        return v.isEmpty() ? 0 : CodedOutputStream.computeStringSize(field, v);
    }

    private static int u64(int field, long v) {
        return v == 0 ? 0 : CodedOutputStream.computeUInt64Size(field, v);
    }

    private static int i64(int field, long v) {
        return v == 0 ? 0 : CodedOutputStream.computeInt64Size(field, v);
    }

    private static void writeStr(CodedOutputStream o, int field, String v) throws IOException {
        if (!v.isEmpty()) {
            o.writeString(field, v);
        }
    }
}

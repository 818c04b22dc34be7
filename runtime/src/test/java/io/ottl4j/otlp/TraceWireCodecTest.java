package io.ottl4j.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.SpanLink;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct trace writer must produce exactly the bytes of the generated messages' own serialisation, and
 * the direct reader the same model as the generated parser.
 */
class TraceWireCodecTest {
    /**
     * protobuf's own writer logs a warning with a stack trace for every unpaired surrogate it meets ("Converting
     * ill-formed UTF-16"); the cases below feed it those on purpose (and check the bytes), so it is silenced here.
     * A strong reference: java.util.logging keeps loggers weakly, and a collected logger would lose its level.
     */
    private static final java.util.logging.Logger PROTOBUF_WRITER = java.util.logging.Logger.getLogger("com.google.protobuf.CodedOutputStream");
    private static java.util.logging.Level protobufLevel;

    @org.junit.jupiter.api.BeforeAll
    static void silenceProtobufSurrogateWarnings() {
        protobufLevel = PROTOBUF_WRITER.getLevel();
        PROTOBUF_WRITER.setLevel(java.util.logging.Level.SEVERE);
    }

    @org.junit.jupiter.api.AfterAll
    static void restoreProtobufLogging() {
        PROTOBUF_WRITER.setLevel(protobufLevel);
    }

    private static byte[] viaMessages(TelemetryBatch<Span> batch) {
        return OtlpProto.toTraceRequest(batch).toByteArray();
    }

    @Test
    void sampleFileEncodesAsTheGeneratedMessages() {
        TelemetryBatch<Span> batch = OtlpJson.readTraces(Samples.load("traces.json"));
        assertThat(OtlpProto.encode(batch)).isEqualTo(viaMessages(batch));
    }

    @Test
    void emptyBatchesAndGroups() {
        TelemetryBatch<Span> batch = TelemetryBatch.traces();
        assertThat(OtlpProto.encode(batch)).isEmpty();
        ResourceGroup<Span> rg = batch.addResource();
        assertThat(OtlpProto.encode(batch)).isEqualTo(viaMessages(batch));
        rg.addScope();
        assertThat(OtlpProto.encode(batch)).isEqualTo(viaMessages(batch));
        rg.scopes().get(0).items().add(new Span()); // every field at its default
        assertThat(OtlpProto.encode(batch)).isEqualTo(viaMessages(batch));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomBatchesEncodeAsTheGeneratedMessages(long seed) {
        TelemetryBatch<Span> batch = random(new Random(seed));
        byte[] direct = OtlpProto.encode(batch);
        assertThat(direct).isEqualTo(viaMessages(batch));
        assertThat(OtlpProto.encode(OtlpProto.decodeTraces(direct))).isEqualTo(direct);
        // the direct reader builds the same model as the generated parser + conversion
        TelemetryBatch<Span> viaParser = OtlpProto.fromProto(parse(direct));
        assertThat(OtlpJson.writeString(OtlpProto.decodeTraces(direct), false)).isEqualTo(OtlpJson.writeString(viaParser, false));
    }

    /**
     * Many threads encoding at once (an exporter's ten consumers) each get an encoder of their own, every output
     * is right, and afterwards the pool keeps at most one encoder per core: the grown tables of the others are
     * garbage, not retained per thread.
     */
    @Test
    void concurrentEncodersArePooledPerCoreNotPerThread() throws Exception {
        TelemetryBatch<Span> batch = random(new Random(42));
        byte[] expected = viaMessages(batch);
        int threads = 12;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<byte[]>> results = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    byte[] last = null;
                    for (int r = 0; r < 20; r++) {
                        last = OtlpProto.encode(batch);
                    }
                    return last;
                }));
            }
            for (java.util.concurrent.Future<byte[]> f : results) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(TraceWireEncoder.pooled()).isBetween(1, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    private static io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest parse(byte[] b) {
        try {
            return io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.parseFrom(b);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readerSkipsUnknownFieldsAndRejectsWhatTheParserRejects() throws Exception {
        TelemetryBatch<Span> batch = random(new Random(42));
        byte[] good = OtlpProto.encode(batch);
        // unknown fields of every wire type in front of the request's first field: skipped
        java.io.ByteArrayOutputStream bo = new java.io.ByteArrayOutputStream();
        com.google.protobuf.CodedOutputStream o = com.google.protobuf.CodedOutputStream.newInstance(bo);
        o.writeUInt64(99, 12345);
        o.writeFixed64(98, 7);
        o.writeFixed32(97, 7);
        o.writeString(96, "x");
        o.writeTag(95, 3);
        o.writeUInt32(1, 5);
        o.writeTag(95, 4);
        o.flush();
        bo.write(good);
        byte[] withUnknown = bo.toByteArray();
        assertThat(OtlpProto.encode(OtlpProto.decodeTraces(withUnknown))).isEqualTo(good);
        assertThat(parse(withUnknown).toByteArray()).isNotEmpty(); // the generated parser accepts it too

        // truncated at every length: both reject, or both accept the same prefix
        for (int n = 0; n < Math.min(good.length, 400); n++) {
            byte[] cut = java.util.Arrays.copyOf(good, n);
            boolean parserOk;
            try {
                io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.parseFrom(cut);
                parserOk = true;
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                parserOk = false;
            }
            boolean readerOk;
            try {
                OtlpProto.decodeTraces(cut);
                readerOk = true;
            } catch (OtlpDecodeException e) {
                assertThat(e).hasMessageStartingWith("invalid ExportTraceServiceRequest protobuf:");
                readerOk = false;
            }
            assertThat(readerOk).as("prefix of %d bytes", n).isEqualTo(parserOk);
        }

        // invalid UTF-8 in a string field is rejected, as by the generated parser
        byte[] badUtf8 = {0x0a, 0x05, 0x1a, 0x03, (byte) 0xff, (byte) 0xfe, 0x41};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(badUtf8)).isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OtlpProto.decodeTraces(badUtf8))
                .isInstanceOf(OtlpDecodeException.class).hasMessageContaining("UTF-8");
    }

    /** Corrupted input (the receiver's input is the network): only decode errors, and the same verdicts and model as the parser. */
    @Test
    void mutatedBytesBehaveAsWithTheGeneratedParser() {
        byte[] good = OtlpProto.encode(random(new Random(11)));
        Random r = new Random(12);
        for (int round = 0; round < 4000; round++) {
            byte[] bad = good.clone();
            for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                bad[r.nextInt(bad.length)] = (byte) r.nextInt(256);
            }
            String viaParser;
            try {
                viaParser = OtlpJson.writeString(OtlpProto.fromProto(
                        io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.parseFrom(bad)), false);
            } catch (com.google.protobuf.InvalidProtocolBufferException | OtlpDecodeException e) {
                viaParser = null;
            }
            String direct;
            try {
                direct = OtlpJson.writeString(OtlpProto.decodeTraces(bad), false);
            } catch (OtlpDecodeException e) {
                direct = null;
            }
            assertThat(direct).as("round %d", round).isEqualTo(viaParser);
        }
    }

    @Test
    void repeatedAttributeKeysShareOneString() {
        TelemetryBatch<Span> batch = TelemetryBatch.traces();
        ScopeGroup<Span> sg = batch.addResource().addScope();
        for (int i = 0; i < 2; i++) {
            Span s = new Span();
            s.attributes().put("http.request.method", "GET");
            s.attributes().put("k".repeat(65), 1L); // longer than the cache takes
            sg.items().add(s);
        }
        byte[] bytes = OtlpProto.encode(batch);
        Span a = OtlpProto.decodeTraces(bytes).resources().get(0).scopes().get(0).items().get(0);
        Span b = OtlpProto.decodeTraces(bytes).resources().get(0).scopes().get(0).items().get(1);
        assertThat(b.attributes().keyAt(0)).isEqualTo("http.request.method").isSameAs(a.attributes().keyAt(0));
        assertThat(b.attributes().keyAt(1)).isEqualTo(a.attributes().keyAt(1)).isNotSameAs(a.attributes().keyAt(1));
    }

    private static TelemetryBatch<Span> random(Random r) {
        TelemetryBatch<Span> batch = TelemetryBatch.traces();
        for (int i = 0, nr = 1 + r.nextInt(3); i < nr; i++) {
            ResourceGroup<Span> rg = batch.addResource();
            attributes(r, rg.resource().attributes(), 2);
            rg.resource().setDroppedAttributesCount(r.nextInt(3));
            rg.setSchemaUrl(r.nextBoolean() ? "" : "https://opentelemetry.io/schemas/1.21.0");
            for (int j = 0, ns = 1 + r.nextInt(3); j < ns; j++) {
                ScopeGroup<Span> sg = rg.addScope();
                sg.scope().setName(string(r));
                sg.scope().setVersion(string(r));
                attributes(r, sg.scope().attributes(), 1);
                sg.scope().setDroppedAttributesCount(r.nextInt(2) * 300);
                sg.setSchemaUrl(string(r));
                for (int k = 0, n = r.nextInt(20); k < n; k++) {
                    sg.items().add(span(r));
                }
            }
        }
        return batch;
    }

    private static Span span(Random r) {
        Span s = new Span();
        if (r.nextInt(5) > 0) {
            s.setTraceId(TraceId.of(r.nextLong(), r.nextLong()));
            s.setSpanId(SpanId.of(r.nextLong()));
        }
        if (r.nextBoolean()) {
            s.setParentSpanId(SpanId.of(r.nextLong()));
        }
        s.setTraceState(string(r));
        s.setName(string(r));
        s.setKind(r.nextInt(6));
        s.setFlags(r.nextBoolean() ? 0 : r.nextInt());
        s.setStartTimeUnixNano(r.nextBoolean() ? 0 : r.nextLong());
        s.setEndTimeUnixNano(r.nextLong());
        attributes(r, s.attributes(), 3);
        s.setDroppedAttributesCount(r.nextInt(2) * r.nextInt(100_000));
        for (int i = 0, n = r.nextInt(3); i < n; i++) {
            SpanEvent e = new SpanEvent();
            e.setName(string(r));
            e.setTimeUnixNano(r.nextInt(2) * r.nextLong());
            attributes(r, e.attributes(), 2);
            e.setDroppedAttributesCount(r.nextInt(2));
            s.events().add(e);
        }
        s.setDroppedEventsCount(r.nextInt(2));
        for (int i = 0, n = r.nextInt(3); i < n; i++) {
            SpanLink l = new SpanLink();
            if (r.nextBoolean()) {
                l.setTraceId(TraceId.of(r.nextLong(), r.nextLong()));
                l.setSpanId(SpanId.of(r.nextLong()));
            }
            l.setTraceState(string(r));
            attributes(r, l.attributes(), 2);
            l.setDroppedAttributesCount(r.nextInt(2));
            l.setFlags(r.nextInt(2) * 0x301);
            s.links().add(l);
        }
        s.setDroppedLinksCount(r.nextInt(2) * 7);
        s.status().setCode(r.nextInt(3));
        s.status().setMessage(r.nextBoolean() ? "" : "boom ✗");
        return s;
    }

    private static void attributes(Random r, AttributeMap m, int depth) {
        for (int i = 0, n = r.nextInt(6); i < n; i++) {
            m.put(i == 0 && r.nextInt(4) == 0 ? "" : "k" + i + string(r), value(r, depth));
        }
    }

    private static Object value(Random r, int depth) {
        return switch (r.nextInt(depth > 0 ? 9 : 7)) {
            case 0 -> string(r);
            case 1 -> r.nextBoolean();
            case 2 -> r.nextBoolean() ? 0L : r.nextLong();
            case 3 -> r.nextBoolean() ? -1L : (long) r.nextInt(1000);
            case 4 -> r.nextBoolean() ? 0.0 : r.nextDouble() * 1e6;
            case 5 -> r.nextBoolean() ? new byte[0] : new byte[] {1, 2, (byte) 255};
            case 6 -> io.ottl4j.pdata.AnyValue.EMPTY;
            case 7 -> {
                AttributeList l = new AttributeList();
                for (int i = 0, n = r.nextInt(4); i < n; i++) {
                    l.add(value(r, depth - 1));
                }
                yield l;
            }
            default -> {
                AttributeMap m = new AttributeMap();
                attributes(r, m, depth - 1);
                yield m;
            }
        };
    }

    /** Empty, ASCII, non-ASCII, 4-byte UTF-8, a lone surrogate and a long string (two-byte length). */
    private static String string(Random r) {
        return switch (r.nextInt(7)) {
            case 0, 1 -> "";
            case 2 -> "GET /api/v1/timelines/home";
            case 3 -> "Ünïcødé ✓";
            case 4 -> "emoji \uD83D\uDE00";
            case 5 -> "lone \uD800 surrogate";
            default -> "x".repeat(200 + r.nextInt(300));
        };
    }

    /**
     * The reader sizes a span's attribute arrays for the attributes it carries (read ahead on the wire) instead of
     * growing them 4 → 8 → 16, which allocated three sets of arrays per span and left up to half of each empty.
     */
    @Test
    void attributeMapsAreSizedForTheirAttributes() {
        for (int n : new int[] {5, 12, 17, 40}) {
            TelemetryBatch<Span> batch = TelemetryBatch.traces();
            Span span = new Span();
            for (int a = 0; a < n; a++) {
                span.attributes().putString("k" + a, "v" + a);
            }
            batch.addResource().addScope().items().add(span);
            Span read = OtlpProto.decodeTraces(OtlpProto.encode(batch)).resources().get(0).scopes().get(0).items().get(0);
            assertThat(read.attributes().size()).isEqualTo(n);
            assertThat(read.attributes().keyArray()).hasSize(n);
            assertThat(read.attributes().valueArray()).hasSize(n);
        }
    }

    /**
     * A hostile run of duplicate keys (two bytes each on the wire; the map keeps the first) must not reserve a slot
     * per wire element, and attributes split into runs by other fields are all read.
     */
    @Test
    void readAheadIsBoundedAndSplitRunsAreRead() {
        var span = io.opentelemetry.proto.trace.v1.Span.newBuilder();
        var kv = io.opentelemetry.proto.common.v1.KeyValue.newBuilder().setKey("dup").build();
        for (int a = 0; a < 10_000; a++) {
            span.addAttributes(kv);
        }
        byte[] hostile = io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(io.opentelemetry.proto.trace.v1.ResourceSpans.newBuilder()
                        .addScopeSpans(io.opentelemetry.proto.trace.v1.ScopeSpans.newBuilder().addSpans(span)))
                .build().toByteArray();
        AttributeMap read = OtlpProto.decodeTraces(hostile).resources().get(0).scopes().get(0).items().get(0).attributes();
        assertThat(read.size()).isEqualTo(1);
        assertThat(read.keyArray().length).isLessThanOrEqualTo(64);

        // attributes, then the name, then more attributes: a writer may interleave a repeated field's elements
        io.opentelemetry.proto.common.v1.KeyValue a = io.opentelemetry.proto.common.v1.KeyValue.newBuilder().setKey("a")
                .setValue(io.opentelemetry.proto.common.v1.AnyValue.newBuilder().setIntValue(1)).build();
        io.opentelemetry.proto.common.v1.KeyValue b = io.opentelemetry.proto.common.v1.KeyValue.newBuilder().setKey("b")
                .setValue(io.opentelemetry.proto.common.v1.AnyValue.newBuilder().setStringValue("x")).build();
        byte[] first = io.opentelemetry.proto.trace.v1.Span.newBuilder().addAttributes(a).build().toByteArray();
        byte[] middle = io.opentelemetry.proto.trace.v1.Span.newBuilder().setName("op").build().toByteArray();
        io.opentelemetry.proto.common.v1.KeyValue a2 = a.toBuilder()
                .setValue(io.opentelemetry.proto.common.v1.AnyValue.newBuilder().setIntValue(2)).build();
        byte[] last = io.opentelemetry.proto.trace.v1.Span.newBuilder().addAttributes(b).addAttributes(a2).build().toByteArray();
        byte[] spanBytes = concat(first, middle, last);
        // the span's raw bytes spliced in (protobuf-java would re-serialise it in field order)
        byte[] scopeSpans = concat(new byte[] {0x12}, varint(spanBytes.length), spanBytes);
        byte[] resourceSpans = concat(new byte[] {0x12}, varint(scopeSpans.length), scopeSpans);
        byte[] interleaved = concat(new byte[] {0x0A}, varint(resourceSpans.length), resourceSpans);
        Span s = OtlpProto.decodeTraces(interleaved).resources().get(0).scopes().get(0).items().get(0);
        assertThat(s.name()).isEqualTo("op");
        assertThat(s.attributes().keys()).containsExactly("a", "b");
        assertThat(s.attributes().get("a")).isEqualTo(1L); // the first of the duplicate keys wins
        assertThat(OtlpJson.writeString(OtlpProto.decodeTraces(interleaved), false))
                .isEqualTo(OtlpJson.writeString(OtlpProto.fromProto(parse(interleaved)), false));
    }

    private static byte[] varint(int v) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

}

package io.ottl4j.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WireStringCacheTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aValueIsSharedFromItsSecondSighting() {
        WireStringCache cache = new WireStringCache(64, 32, true);
        byte[] b = utf8("GET");
        int h = WireStringCache.hash(b, 0, b.length);
        assertThat(cache.string(b, 0, b.length, h)).isNull();
        cache.put(b, 0, b.length, h, "GET");
        assertThat(cache.string(b, 0, b.length, h)).as("first sighting: not admitted").isNull();
        String second = new String("GET");
        cache.put(b, 0, b.length, h, second);
        assertThat(cache.string(b, 0, b.length, h)).isSameAs(second);
        // the cached bytes are a copy: the request buffer may be reused
        b[0] = 'P';
        assertThat(cache.string(utf8("GET"), 0, 3, h)).isSameAs(second);
        assertThat(cache.string(b, 0, 3, h)).isNull();
    }

    /** The hash reads only the range, sees every byte of it (the overlapping last word too) and spreads similar strings. */
    @Test
    void theHashDependsOnEveryByteOfTheRangeAndNothingElse() {
        java.util.Random r = new java.util.Random(5);
        for (int n = 0; n <= 40; n++) {
            byte[] text = new byte[n];
            r.nextBytes(text);
            byte[] framed = new byte[n + 16];
            r.nextBytes(framed);
            System.arraycopy(text, 0, framed, 7, n);
            int h = WireStringCache.hash(text, 0, n);
            assertThat(WireStringCache.hash(framed, 7, n)).as("length %d at an offset", n).isEqualTo(h);
            for (int i = 0; i < n; i++) {
                byte[] changed = text.clone();
                changed[i] ^= 1;
                assertThat(WireStringCache.hash(changed, 0, n)).as("length %d, byte %d changed", n, i).isNotEqualTo(h);
            }
        }
        // routes that differ in a few digits in the middle fall into many slots of a 4,096-slot table
        java.util.Set<Integer> slots = new java.util.HashSet<>();
        for (int id = 0; id < 1000; id++) {
            byte[] b = utf8("/api/v1/statuses/" + (109_000_000 + id) + "/context");
            int h = WireStringCache.hash(b, 0, b.length);
            slots.add((h ^ (h >>> 16)) & 4095);
        }
        assertThat(slots).as("distinct slots of 1,000 routes (~890 expected of a uniform hash)").hasSizeGreaterThan(850);
    }

    @Test
    void withoutAdmissionEveryStringIsCachedAndTooLongOnesNever() {
        WireStringCache cache = new WireStringCache(64, 4, false);
        byte[] b = utf8("http");
        int h = WireStringCache.hash(b, 0, 4);
        cache.put(b, 0, 4, h, "http");
        assertThat(cache.string(b, 0, 4, h)).isEqualTo("http");
        assertThat(cache.cacheable(4)).isTrue();
        assertThat(cache.cacheable(5)).isFalse();
        assertThat(cache.cacheable(0)).isFalse();
    }

    @Test
    void encoderBytesAreSharedPerStringAndCorrectForAnyText() {
        WireStringCache cache = new WireStringCache(64, 64, true);
        String route = "/api/v1/timelines/home";
        byte[] first = cache.bytes(route);
        byte[] second = cache.bytes(route);
        byte[] third = cache.bytes(route);
        assertThat(first).isEqualTo(utf8(route)).isNotSameAs(second);
        assertThat(third).as("cached at the second sighting").isSameAs(second);
        for (String s : new String[] {"grüße", "日本語", "emoji \uD83D\uDE00", "lone \uD800 surrogate", "a".repeat(65)}) {
            for (int i = 0; i < 3; i++) {
                assertThat(cache.bytes(s)).isEqualTo(utf8(s));
            }
        }
    }

    /**
     * High-cardinality values: after a window of misses only one string in {@value WireStringCache#SKIP_FACTOR} is
     * looked up (hashing every one cost more than the allocations it saved); repeated values bring lookups back.
     */
    @Test
    void aLowHitRateSamplesLookupsUntilValuesRepeatAgain() {
        WireStringCache cache = new WireStringCache(4096, 64, true);
        for (int i = 0; i < WireStringCache.WINDOW; i++) {
            assertThat(cache.bytes("id-" + i)).isEqualTo(utf8("id-" + i));
        }
        assertThat(cache.sampling()).isTrue();
        int cacheableOfSixteen = 0;
        for (int i = 0; i < WireStringCache.SKIP_FACTOR; i++) {
            cacheableOfSixteen += cache.cacheable(8) ? 1 : 0;
        }
        assertThat(cacheableOfSixteen).isEqualTo(1);

        String[] repeated = {"GET", "POST", "/api/v1/timelines/home", "mastodon.social", "postgresql"};
        for (int i = 0; i < WireStringCache.WINDOW * WireStringCache.SKIP_FACTOR * 4; i++) {
            assertThat(cache.bytes(repeated[i % repeated.length])).isEqualTo(utf8(repeated[i % repeated.length]));
        }
        assertThat(cache.sampling()).isFalse();
        assertThat(cache.bytes("GET")).isSameAs(cache.bytes("GET"));

        WireStringCache keys = new WireStringCache(64, 64, false); // keys: always looked up
        for (int i = 0; i < WireStringCache.WINDOW * 2; i++) {
            keys.bytes("k" + i);
        }
        assertThat(keys.sampling()).isFalse();
    }

    /** Values decoded from many requests on many threads: equal to the generated parser's, and repeated ones shared. */
    @Test
    void decodedValuesAreRightAndShared() throws Exception {
        List<byte[]> requests = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            var span = io.opentelemetry.proto.trace.v1.Span.newBuilder().setName("op-" + (r % 3));
            span.addAttributes(kv("http.request.method", "GET"));
            span.addAttributes(kv("request.id", "id-" + r)); // unique
            span.addAttributes(kv("text", r % 2 == 0 ? "grüße" : "日本語"));
            requests.add(io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.newBuilder()
                    .addResourceSpans(io.opentelemetry.proto.trace.v1.ResourceSpans.newBuilder()
                            .addScopeSpans(io.opentelemetry.proto.trace.v1.ScopeSpans.newBuilder().addSpans(span)))
                    .build().toByteArray());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Span>> spans = new ArrayList<>();
            for (byte[] req : requests) {
                spans.add(pool.submit(() -> first(OtlpProto.decodeTraces(req))));
            }
            List<Span> read = new ArrayList<>();
            for (int r = 0; r < requests.size(); r++) {
                Span s = spans.get(r).get();
                read.add(s);
                assertThat(s.name()).isEqualTo("op-" + (r % 3));
                assertThat(s.attributes().get("http.request.method")).isEqualTo("GET");
                assertThat(s.attributes().get("request.id")).isEqualTo("id-" + r);
                assertThat(s.attributes().get("text")).isEqualTo(r % 2 == 0 ? "grüße" : "日本語");
            }
            // decoded again on one thread: by now every repeated value is shared
            Span a = first(OtlpProto.decodeTraces(requests.get(0)));
            Span b = first(OtlpProto.decodeTraces(requests.get(2)));
            assertThat(a.attributes().get("http.request.method")).isSameAs(b.attributes().get("http.request.method"));
            assertThat(a.attributes().get("text")).isSameAs(b.attributes().get("text"));
            assertThat(first(OtlpProto.decodeTraces(requests.get(3))).name()).isSameAs(a.name());
            // read and written back as through the generated messages
            for (byte[] req : requests) {
                TelemetryBatch<Span> viaParser = OtlpProto.fromProto(
                        io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.parseFrom(req));
                assertThat(OtlpProto.encode(OtlpProto.decodeTraces(req)))
                        .isEqualTo(OtlpProto.toTraceRequest(viaParser).toByteArray());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Invalid UTF-8 is rejected whether or not valid bytes of the same hash slot are cached. */
    @Test
    void invalidUtf8IsStillRejected() {
        byte[] valid = request(kv("k", "ok"));
        OtlpProto.decodeTraces(valid);
        OtlpProto.decodeTraces(valid);
        byte[] bad = valid.clone();
        for (int i = bad.length - 2; i < bad.length; i++) {
            if (bad[i] == 'o') {
                bad[i] = (byte) 0xC3; // a lead byte without its continuation
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OtlpProto.decodeTraces(bad))
                .isInstanceOf(OtlpDecodeException.class).hasMessageContaining("UTF-8");
    }

    private static byte[] request(io.opentelemetry.proto.common.v1.KeyValue kv) {
        return io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(io.opentelemetry.proto.trace.v1.ResourceSpans.newBuilder()
                        .addScopeSpans(io.opentelemetry.proto.trace.v1.ScopeSpans.newBuilder()
                                .addSpans(io.opentelemetry.proto.trace.v1.Span.newBuilder().addAttributes(kv))))
                .build().toByteArray();
    }

    private static io.opentelemetry.proto.common.v1.KeyValue kv(String k, String v) {
        return io.opentelemetry.proto.common.v1.KeyValue.newBuilder().setKey(k)
                .setValue(io.opentelemetry.proto.common.v1.AnyValue.newBuilder().setStringValue(v)).build();
    }

    private static Span first(TelemetryBatch<Span> batch) {
        return batch.resources().get(0).scopes().get(0).items().get(0);
    }
}

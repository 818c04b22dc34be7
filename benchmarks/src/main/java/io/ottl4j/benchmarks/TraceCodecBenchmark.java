package io.ottl4j.benchmarks;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.ottl4j.otlp.OtlpProto;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A collector's least work per request: an {@code ExportTraceServiceRequest} of 512 spans decoded into pdata and
 * encoded again ({@code OtlpProto}), beside the hand-written baseline doing the same with protobuf-java's
 * generated classes (parse + serialise). {@code values}: {@code repeated} are the Mastodon-like spans of the load
 * tests, whose string values repeat across spans; {@code unique} gives every string value and span name its own
 * suffix, the worst case for the shared-value caches. One operation = one span.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TraceCodecBenchmark {
    static final int SPANS = 512;

    @Param({"repeated", "unique"})
    public String values;

    /** Several requests in turn, so that a unique value is not seen again within a few requests. */
    private byte[][] requests;
    private int next;

    @Setup
    public void setUp() {
        requests = new byte[64][];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = OtlpProto.encode(SpanFixtures.traces(SPANS, i, values.equals("unique")));
        }
    }

    private byte[] nextRequest() {
        byte[] r = requests[next];
        next = (next + 1) & (requests.length - 1);
        return r;
    }

    @Benchmark
    @OperationsPerInvocation(SPANS)
    public byte[] ottl4jDecodeEncode() {
        return OtlpProto.encode(OtlpProto.decodeTraces(nextRequest()));
    }

    @Benchmark
    @OperationsPerInvocation(SPANS)
    public byte[] baselineProtobufParseSerialize() throws Exception {
        return ExportTraceServiceRequest.parseFrom(nextRequest()).toByteArray();
    }
}

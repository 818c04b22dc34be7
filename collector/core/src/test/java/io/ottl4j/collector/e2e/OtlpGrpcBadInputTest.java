package io.ottl4j.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.ottl4j.collector.service.Collector;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.otlp.OtlpProto;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** gRPC status codes of the OTLP receiver for bad or refused input (collector-spec §2.2). */
class OtlpGrpcBadInputTest {
    /** Raw bytes both ways (also used by {@link ReceiverRobustnessTest}). */
    static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    private Collector collector;
    private ManagedChannel channel;

    @AfterEach
    void stop() {
        if (channel != null) {
            channel.shutdownNow();
        }
        TestCollectors.stop(collector);
    }

    private static MethodDescriptor<byte[], byte[]> method(String service) {
        return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(service + "/Export")
                .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    }

    private Status call(String service, byte[] body) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(channel, method(service),
                CallOptions.DEFAULT.withDeadlineAfter(60, TimeUnit.SECONDS), body)); // generous: a busy machine is slow
        return e == null ? Status.OK : e.getStatus();
    }

    private void start(String processors) throws Exception {
        collector = TestCollectors.start("""
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: "127.0.0.1:0", max_recv_msg_size_mib: 1}
                processors:
                  memory_limiter: {check_interval: 10ms, limit_mib: 2, spike_limit_mib: 1}
                exporters:
                  debug: {}
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces: {receivers: [otlp], processors: %s, exporters: [debug]}
                """.formatted(processors));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", TestCollectors.receiver(collector).grpcPort()).usePlaintext().build();
    }

    private static final String TRACES = "opentelemetry.proto.collector.trace.v1.TraceService";

    @Test
    void statusCodes() throws Exception {
        start("[]");
        assertThat(call(TRACES, OtlpProto.encode(Data.traces("ok"))).getCode()).isEqualTo(Status.Code.OK);
        assertThat(call(TRACES, new byte[0]).getCode()).isEqualTo(Status.Code.OK); // empty request: nothing to do
        Status garbage = call(TRACES, new byte[] {0x0a, (byte) 0xff, 0x01, 0x02});
        assertThat(garbage.getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(garbage.getDescription()).startsWith("grpc: error unmarshalling request");
        assertThat(call(TRACES, new byte[2 * 1024 * 1024]).getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        // no metrics pipeline: the service is not there
        assertThat(call("opentelemetry.proto.collector.metrics.v1.MetricsService", new byte[0]).getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    }

    @Test
    void refusedByTheMemoryLimiterIsUnavailable() throws Exception {
        start("[memory_limiter]");
        // data passes until the limiter's first check has run on its own thread: wait for it, bounded
        Status[] last = new Status[1];
        io.ottl4j.collector.testing.Harness.await(java.time.Duration.ofSeconds(30), () -> {
            try {
                last[0] = call(TRACES, OtlpProto.encode(Data.traces("x")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            // OK: the first check has not run yet; DEADLINE_EXCEEDED: the machine is swamped; ask again
            return last[0].getCode() != Status.Code.OK && last[0].getCode() != Status.Code.DEADLINE_EXCEEDED;
        });
        Status s = last[0];
        assertThat(s.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(s.getDescription()).contains("data refused due to high memory usage");
    }
}

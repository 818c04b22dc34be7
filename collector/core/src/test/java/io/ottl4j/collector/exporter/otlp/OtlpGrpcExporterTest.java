package io.ottl4j.collector.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.ottl4j.collector.component.ConsumerException;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The otlp_grpc exporter against a real gRPC server on loopback that fails as told. */
class OtlpGrpcExporterTest {
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
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

    private final OtlpGrpcExporterFactory factory = new OtlpGrpcExporterFactory();
    private final List<Long> callTimes = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<Metadata> headers = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile Status failWith = Status.UNAVAILABLE;
    private volatile CountDownLatch hold;
    private final CountDownLatch firstCall = new CountDownLatch(1);
    private Server server;
    private ExporterFactory.Exporter exporter;

    private ExporterFactory.Exporter start(String extraYaml) throws Exception {
        MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName("opentelemetry.proto.collector.trace.v1.TraceService/Export").setRequestMarshaller(BYTES)
                .setResponseMarshaller(BYTES).build();
        ServerServiceDefinition svc = ServerServiceDefinition.builder("opentelemetry.proto.collector.trace.v1.TraceService")
                .addMethod(method, ServerCalls.asyncUnaryCall((req, obs) -> {
                    callTimes.add(System.nanoTime());
                    firstCall.countDown();
                    CountDownLatch h = hold;
                    if (h != null) {
                        try {
                            h.await(60, TimeUnit.SECONDS); // released by the test (or its clean-up)
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    if (failuresLeft.getAndDecrement() > 0) {
                        obs.onError(failWith.withDescription("injected").asRuntimeException());
                        return;
                    }
                    bodies.add(req);
                    obs.onNext(new byte[0]);
                    obs.onCompleted();
                })).build();
        ServerInterceptor capture = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata md, ServerCallHandler<Q, R> next) {
                headers.add(md);
                return next.startCall(call, md);
            }
        };
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(ServerInterceptors.intercept(svc, capture))
                .decompressorRegistry(io.ottl4j.collector.internal.GrpcCompression.decompressors()).build().start();
        String yaml = """
                endpoint: "127.0.0.1:%d"
                tls: {insecure: true}
                retry_on_failure: {initial_interval: 20ms, randomization_factor: 0, multiplier: 2, max_interval: 1s}
                %s
                """.formatted(server.getPort(), extraYaml);
        exporter = factory.create(TestComponents.settings(Kind.EXPORTER, "otlp_grpc"), TestComponents.decode(factory, yaml), Signal.TRACES);
        exporter.start(null);
        return exporter;
    }

    @AfterEach
    void stop() throws Exception {
        if (hold != null) {
            hold.countDown();
        }
        if (exporter != null) {
            exporter.shutdown();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"gzip", "zstd", "snappy"})
    void everyGrpcCompressionOfUpstreamGoesOnTheWireUnderItsName(String type) throws Exception {
        start("sending_queue: {enabled: false}\ncompression: " + type);
        exporter.consume(Data.traces("z1", "z2"));
        assertThat(headers.get(0).get(Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo(type);
        assertThat(Data.spanNames(OtlpProto.decode(Signal.TRACES, bodies.get(0)))).containsExactly("z1", "z2");
    }

    @Test
    void userAgentIsSentAsTheCallsUserAgent() throws Exception {
        start("sending_queue: {enabled: false}\nuser_agent: my-agent/1.0");
        exporter.consume(Data.traces("ua"));
        assertThat(headers.get(0).get(Metadata.Key.of("user-agent", Metadata.ASCII_STRING_MARSHALLER))).startsWith("my-agent/1.0");
    }

    @Test
    void compressionTypesOfHttpOnlyAreRejected() {
        assertThat(TestComponents.problems(factory, "endpoint: h:4317\ncompression: lz4\n")).singleElement().asString()
                .contains("unsupported compression type \"lz4\" (gRPC takes gzip, zstd, snappy or none)");
    }

    @Test
    void retryableErrorsAreRetriedWithExponentialBackoffUntilSuccess() throws Exception {
        start("sending_queue: {enabled: false}");
        failuresLeft.set(2);
        exporter.consume(Data.traces("a", "b"));
        assertThat(callTimes).hasSize(3);
        long first = (callTimes.get(1) - callTimes.get(0)) / 1_000_000;
        long second = (callTimes.get(2) - callTimes.get(1)) / 1_000_000;
        assertThat(first).isGreaterThanOrEqualTo(18);
        assertThat(second).isGreaterThanOrEqualTo(38); // doubled
        assertThat(bodies).hasSize(1);
        assertThat(Data.spanNames(OtlpProto.decode(Signal.TRACES, bodies.get(0)))).containsExactly("a", "b");
    }

    @Test
    void permanentErrorsAreNotRetried() throws Exception {
        start("sending_queue: {enabled: false}");
        failWith = Status.INVALID_ARGUMENT;
        failuresLeft.set(5);
        assertThatThrownBy(() -> exporter.consume(Data.traces("a"))).isInstanceOfSatisfying(ConsumerException.class,
                e -> assertThat(e.permanent()).isTrue());
        assertThat(callTimes).hasSize(1);
    }

    @Test
    void retriesStopAtMaxElapsedTimeWithARetryableError() throws Exception {
        // back-offs of 100, 150, 225, 337 ms fit in the 1 s; the next would not
        start("sending_queue: {enabled: false}\nretry_on_failure: {initial_interval: 100ms, randomization_factor: 0, max_elapsed_time: 1s}");
        exporter.consume(Data.traces("warm-up")); // the channel connects outside the measured retries
        int before = callTimes.size();
        failuresLeft.set(1000);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> exporter.consume(Data.traces("a"))).isInstanceOfSatisfying(ConsumerException.class,
                e -> assertThat(e.permanent()).isFalse());
        // lower bounds only: a busy machine makes attempts slower (fewer of them), never faster
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(500L);
        assertThat(callTimes.size() - before).isBetween(2, 10);
    }

    @Test
    void aFullSendingQueueRefusesAtOnceWithARetryableError() throws Exception {
        hold = new CountDownLatch(1);
        start("sending_queue: {queue_size: 1, num_consumers: 1}");
        exporter.consume(Data.traces("in-flight"));
        assertThat(firstCall.await(30, TimeUnit.SECONDS)).isTrue();
        exporter.consume(Data.traces("queued"));
        assertThatThrownBy(() -> exporter.consume(Data.traces("refused"))).isInstanceOfSatisfying(ConsumerException.class, e -> {
            assertThat(e.permanent()).isFalse();
            assertThat(e).hasMessageContaining("sending queue is full");
        });
        hold.countDown();
        io.ottl4j.collector.testing.Harness.await(java.time.Duration.ofSeconds(30), () -> bodies.size() >= 2);
        assertThat(bodies).hasSize(2);
    }

    @Test
    void headersAndGzipAreSent() throws Exception {
        start("sending_queue: {enabled: false}\nheaders: {x-tenant: acme}\ncompression: gzip");
        exporter.consume(Data.traces("a"));
        assertThat(headers.get(0).get(Metadata.Key.of("x-tenant", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("acme");
        assertThat(headers.get(0).get(Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("gzip");
        assertThat(Data.spanNames(OtlpProto.decode(Signal.TRACES, bodies.get(0)))).containsExactly("a");
    }

    @Test
    void compressionNoneSendsIdentity() throws Exception {
        start("sending_queue: {enabled: false}\ncompression: none");
        exporter.consume(Data.traces("a"));
        assertThat(headers.get(0).get(Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER))).isNull();
    }
}

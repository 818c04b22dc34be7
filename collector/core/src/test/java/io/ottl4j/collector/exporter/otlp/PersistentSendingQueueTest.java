package io.ottl4j.collector.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.ConsumerException;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.extension.filestorage.FileStorageExtensionFactory;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sending_queue with storage, batch, sizers and wait_for_result, through the otlp_grpc exporter and a real gRPC backend on loopback. */
class PersistentSendingQueueTest {
    private final OtlpGrpcExporterFactory factory = new OtlpGrpcExporterFactory();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final AtomicReference<Status> failWith = new AtomicReference<>();
    private final List<Component> started = new ArrayList<>();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Handler[] saved;
    @TempDir
    Path dir;
    private Server server;
    private int port;

    @BeforeEach
    void quiet() throws IOException {
        saved = root.getHandlers();
        for (Handler h : saved) {
            root.removeHandler(h);
        }
        root.addHandler(capture);
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).shutdown();
        }
        if (server != null) {
            server.shutdownNow().awaitTermination();
        }
        root.removeHandler(capture);
        for (Handler h : saved) {
            root.addHandler(h);
        }
    }

    private void backendUp() throws IOException {
        MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName("opentelemetry.proto.collector.trace.v1.TraceService/Export").setRequestMarshaller(OtlpGrpcExporterFactory.BYTES)
                .setResponseMarshaller(OtlpGrpcExporterFactory.BYTES).build();
        ServerServiceDefinition svc = ServerServiceDefinition.builder("opentelemetry.proto.collector.trace.v1.TraceService")
                .addMethod(method, ServerCalls.asyncUnaryCall((req, obs) -> {
                    Status f = failWith.get();
                    if (f != null) {
                        obs.onError(f.withDescription("injected").asRuntimeException());
                        return;
                    }
                    bodies.add(req);
                    obs.onNext(new byte[0]);
                    obs.onCompleted();
                })).build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port)).addService(svc).build().start();
    }

    private Host host() throws Exception {
        FileStorageExtensionFactory f = new FileStorageExtensionFactory();
        Component storage = f.create(TestComponents.settings(Kind.EXTENSION, "file_storage/q"), TestComponents.decode(f, "directory: " + dir));
        storage.start(null);
        started.add(storage);
        return new Host() {
            @Override
            public Map<ComponentId, Component> extensions() {
                return Map.of(ComponentId.parse("file_storage/q"), storage);
            }

            @Override
            public void reportFatalError(Throwable error) {
            }
        };
    }

    private ExporterFactory.Exporter exporter(String queueYaml, Host host) throws Exception {
        String yaml = """
                endpoint: "127.0.0.1:%d"
                tls: {insecure: true}
                retry_on_failure: {initial_interval: 10ms, randomization_factor: 0, max_interval: 50ms, max_elapsed_time: 0s}
                sending_queue: %s
                """.formatted(port, queueYaml);
        ExporterFactory.Exporter e = factory.create(TestComponents.settings(Kind.EXPORTER, "otlp_grpc"), TestComponents.decode(factory, yaml), Signal.TRACES);
        e.start(host);
        started.add(e);
        return e;
    }

    private List<String> received() {
        List<String> out = new ArrayList<>();
        for (byte[] b : bodies) {
            out.addAll(Data.spanNames(OtlpProto.decode(Signal.TRACES, b)));
        }
        return out;
    }

    private List<String> messages() {
        return logged.stream().map(LogRecord::getMessage).toList();
    }

    @Test
    void whatABackendOutageLeavesInThePersistentQueueIsDeliveredAfterRestart() throws Exception {
        ExporterFactory.Exporter first = exporter("{storage: file_storage/q, num_consumers: 2}", host());
        for (int i = 0; i < 50; i++) {
            first.consume(Data.traces("s" + i));
        }
        first.shutdown();
        started.remove(first);
        assertThat(messages()).anyMatch(m -> m.contains("stay in the persistent queue") && m.contains("50 spans"));
        for (Component c : started) {
            c.shutdown();
        }
        started.clear();

        backendUp();
        exporter("{storage: file_storage/q, num_consumers: 2}", host());
        Harness.await(Duration.ofSeconds(30), () -> received().size() >= 50);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add("s" + i);
        }
        assertThat(received()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anInMemoryQueueReportsWhatShutdownDropsWithCounts() throws Exception {
        ExporterFactory.Exporter e = exporter("{num_consumers: 1}", null);
        for (int i = 0; i < 7; i++) {
            e.consume(Data.traces("a", "b"));
        }
        e.shutdown();
        started.remove(e);
        assertThat(messages()).anyMatch(m -> m.contains("Dropping data at shutdown: dropped 14 spans"));
    }

    @Test
    void aMissingStorageExtensionFailsStartWithItsName() {
        assertThatThrownBy(() -> exporter("{storage: file_storage/nope}", host())).hasMessageContaining("storage extension 'file_storage/nope' not found");
    }

    @Test
    void theBatcherSplitsAboveMaxSize() throws Exception {
        backendUp();
        ExporterFactory.Exporter e = exporter("{num_consumers: 1, batch: {flush_timeout: 1h, min_size: 4, max_size: 4}}", null);
        e.consume(Data.traces("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9"));
        Harness.await(Duration.ofSeconds(30), () -> bodies.size() >= 3);
        assertThat(bodies.stream().map(b -> Data.spanNames(OtlpProto.decode(Signal.TRACES, b)).size())).containsExactly(4, 4, 2);
    }

    @Test
    void theBatcherMergesUntilMinSize() throws Exception {
        backendUp();
        ExporterFactory.Exporter e = exporter("{num_consumers: 1, batch: {flush_timeout: 1h, min_size: 5}}", null);
        for (int i = 0; i < 10; i++) {
            e.consume(Data.traces("s" + i));
        }
        Harness.await(Duration.ofSeconds(30), () -> received().size() >= 10);
        assertThat(bodies.stream().map(b -> Data.spanNames(OtlpProto.decode(Signal.TRACES, b)).size())).containsExactly(5, 5);
    }

    @Test
    void theNullBatchFormMeansDefaultsAndFlushesOnTimeoutOrShutdown() throws Exception {
        backendUp();
        ExporterFactory.Exporter e = exporter("{batch: , storage: file_storage/q}", host());
        e.consume(Data.traces("a"));
        e.consume(Data.traces("b"));
        Harness.await(Duration.ofSeconds(30), () -> received().size() >= 2);
        assertThat(received()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void waitForResultReturnsTheExportsOutcome() throws Exception {
        backendUp();
        ExporterFactory.Exporter e = exporter("{wait_for_result: true}", null);
        e.consume(Data.traces("ok"));
        assertThat(received()).containsExactly("ok");
        failWith.set(Status.INVALID_ARGUMENT);
        assertThatThrownBy(() -> e.consume(Data.traces("bad"))).isInstanceOfSatisfying(ConsumerException.class,
                x -> assertThat(x.permanent()).isTrue());
    }

    @Test
    void theItemsSizerCountsSpansAgainstQueueSize() throws Exception {
        ExporterFactory.Exporter e = exporter("{sizer: items, queue_size: 5, num_consumers: 1, storage: file_storage/q}", host());
        // the backend is down: the first batch may be in a consumer's hands, the rest wait in the queue
        e.consume(Data.traces("a", "b", "c"));
        Harness.await(Duration.ofSeconds(30), () -> {
            try {
                e.consume(Data.traces("d", "e", "f"));
                return false;
            } catch (Exception x) {
                return x.getMessage().contains("sending queue is full");
            }
        });
    }

    @Test
    void blockOnOverflowMakesConsumeWaitForRoom() throws Exception {
        ExporterFactory.Exporter e = exporter("{queue_size: 1, num_consumers: 1, block_on_overflow: true, storage: file_storage/q}", host());
        e.consume(Data.traces("first")); // taken by the consumer, retrying against the absent backend
        Harness.await(Duration.ofSeconds(30), () -> {
            try {
                e.consume(Data.traces("second")); // fills the queue once "first" is dispatched
                return true;
            } catch (Exception x) {
                return false;
            }
        });
        AtomicReference<Throwable> third = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                e.consume(Data.traces("third"));
            } catch (Exception x) {
                third.set(x);
            }
        });
        Harness.await(Duration.ofSeconds(30), () -> t.getState() == Thread.State.WAITING);
        backendUp();
        t.join(Duration.ofSeconds(30));
        assertThat(t.isAlive()).isFalse();
        assertThat(third.get()).isNull();
        Harness.await(Duration.ofSeconds(30), () -> received().size() >= 3);
        assertThat(received()).containsExactlyInAnyOrder("first", "second", "third");
    }

    @Test
    void theOtlpHttpExporterTakesTheSameQueueKeys() {
        var http = new io.ottl4j.collector.exporter.otlphttp.OtlpHttpExporterFactory();
        assertThat(TestComponents.problems(http, "endpoint: http://localhost:4318\nsending_queue: {storage: file_storage/q, sizer: items, "
                + "queue_size: 50000, batch: }")).isEmpty();
        assertThat(TestComponents.problems(http, "endpoint: http://localhost:4318\nsending_queue: {storage: 'bad id/'}"))
                .anyMatch(m -> m.contains("storage"));
    }

    @Test
    void sendingQueueKeysAreDecodedAndUnknownOnesRefused() {
        String base = "endpoint: localhost:4317\n";
        assertThat(TestComponents.problems(factory, base + "sending_queue: {bogus: 1}")).anyMatch(m -> m.contains("bogus"));
        assertThat(TestComponents.problems(factory, base + "sending_queue: {batch: {bogus: 1}}")).anyMatch(m -> m.contains("bogus"));
        assertThat(TestComponents.problems(factory, base + "sending_queue: {storage: file_storage, wait_for_result: true}"))
                .anyMatch(m -> m.contains("`wait_for_result` is not supported with a persistent queue"));
        assertThat(TestComponents.problems(factory, base + "sending_queue: {sizer: requests, batch: {}}"))
                .anyMatch(m -> m.contains("`batch` supports only `items` or `bytes` sizer, found \"requests\""));
        assertThat(TestComponents.problems(factory, base + "sending_queue: {sizer: requests, batch: }")).isEmpty();
        assertThat(TestComponents.problems(factory, base + "sending_queue: {batch: {partition: {metadata_keys: [a]}}}")).isEmpty();
        assertThat(TestComponents.problems(factory, base + "sending_queue: {blocking: true}")).anyMatch(m -> m.contains("use block_on_overflow"));
        assertThat(TestComponents.problems(factory, base + "sending_queue: {sizer: pages}")).anyMatch(m -> m.contains("invalid sizer"));
        assertThat(TestComponents.problems(factory, base + "sending_queue: {batch: {sizer: requests}}"))
                .anyMatch(m -> m.contains("`batch` supports only `items` or `bytes` sizer"));
        assertThat(TestComponents.problems(factory, base + "sending_queue: {batch: {min_size: 10, max_size: 5}}"))
                .anyMatch(m -> m.contains("must be greater or equal to `min_size`"));
        assertThat(TestComponents.problems(factory, base + "sending_queue: {sizer: items, queue_size: 100, batch: {min_size: 1000}}"))
                .anyMatch(m -> m.contains("`min_size` must be less than or equal to `queue_size`"));
        assertThat(TestComponents.problems(factory, base + """
                sending_queue:
                  enabled: true
                  num_consumers: 4
                  queue_size: 100000
                  sizer: items
                  block_on_overflow: true
                  wait_for_result: false
                  storage: file_storage/q
                  batch:
                """)).isEmpty();
        assertThat(TestComponents.problems(factory, base + "sending_queue: {sizer: bytes, queue_size: 10000000, batch: {sizer: bytes, min_size: 1000, "
                + "max_size: 100000, flush_timeout: 1s}}")).isEmpty();
    }
}

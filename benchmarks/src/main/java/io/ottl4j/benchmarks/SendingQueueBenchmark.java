package io.ottl4j.benchmarks;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.exporter.internal.SendingQueue;
import io.ottl4j.collector.extension.filestorage.FileStorage;
import io.ottl4j.collector.extension.filestorage.FileStorageConfig;
import io.ottl4j.collector.extension.filestorage.FileStorageExtensionFactory;
import io.ottl4j.collector.telemetry.SelfTelemetry;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One batch of 100 realistic spans through the exporter's sending queue: enqueue, dequeue and finish, in memory
 * and persisted by file_storage (with and without fsync). Baselines written by hand: an {@code ArrayDeque}
 * offer/poll for the in-memory queue; for the persistent one, the bare work of persisting — encode to OTLP
 * protobuf, one positional write to a file, read back and decode — without framing, index or metadata.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SendingQueueBenchmark {
    @Param({"false", "true"})
    public boolean fsync;

    private TelemetryBatch<Span> batch;
    private Path dir;
    private FileStorage storage;
    private SendingQueue persistent;
    private SendingQueue memory;
    private final ArrayDeque<TelemetryBatch<?>> deque = new ArrayDeque<>();
    private FileChannel raw;
    private long rawPos;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        batch = SpanFixtures.traces(100, 42);
        dir = Files.createTempDirectory("queue-bench");
        FileStorageConfig.Compaction compaction = new FileStorageConfig.Compaction(false, false, dir.toString(), 100, 10, 65536, Duration.ofSeconds(5),
                false);
        FileStorageConfig cfg = new FileStorageConfig(dir.toString(), Duration.ofSeconds(1), fsync, false, 0750, compaction);
        CreateSettings cs = new CreateSettings(ComponentId.parse("file_storage"), Kind.EXTENSION, SelfTelemetry.noop(), Set.of(), "bench");
        storage = (FileStorage) new FileStorageExtensionFactory().create(cs, cfg);
        storage.start(null);
        persistent = SendingQueue.persistent(storage.client(Kind.EXPORTER, ComponentId.parse("otlp"), "traces"), Signal.TRACES, Long.MAX_VALUE,
                Logger.getLogger("bench"));
        memory = SendingQueue.memory(Long.MAX_VALUE);
        raw = FileChannel.open(dir.resolve("raw"), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        persistent.close();
        storage.shutdown();
        raw.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public Object persistentQueue() throws Exception {
        persistent.offer(batch, 1, false, null);
        SendingQueue.Entry e = persistent.poll(0);
        persistent.done(e, false);
        return e.batch();
    }

    @Benchmark
    public Object memoryQueue() throws Exception {
        memory.offer(batch, 1, false, null);
        SendingQueue.Entry e = memory.poll(0);
        memory.done(e, false);
        return e.batch();
    }

    @Benchmark
    public Object baselineArrayDeque() {
        deque.addLast(batch);
        return deque.pollFirst();
    }

    @Benchmark
    public Object baselineWriteReadFile() throws IOException {
        byte[] bytes = OtlpProto.encode(batch);
        if (rawPos > 64L * 1024 * 1024) {
            raw.truncate(0);
            rawPos = 0;
        }
        long at = rawPos;
        raw.write(ByteBuffer.wrap(bytes), at);
        if (fsync) {
            raw.force(false);
        }
        rawPos += bytes.length;
        ByteBuffer back = ByteBuffer.allocate(bytes.length);
        raw.read(back, at);
        return OtlpProto.decode(Signal.TRACES, back.array());
    }
}

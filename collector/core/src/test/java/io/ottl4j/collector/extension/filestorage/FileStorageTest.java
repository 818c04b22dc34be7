package io.ottl4j.collector.extension.filestorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.extension.storage.StorageClient;
import io.ottl4j.collector.extension.storage.StorageClient.Operation;
import io.ottl4j.collector.testing.TestComponents;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file_storage extension on real files: key-value semantics, restarts, damage, compaction, config. */
class FileStorageTest {
    private final FileStorageExtensionFactory factory = new FileStorageExtensionFactory();
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger kvLogger = Logger.getLogger(KvLog.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (logged) {
                logged.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    @TempDir
    Path dir;
    private FileStorage storage;

    @BeforeEach
    void silence() {
        kvLogger.setUseParentHandlers(false);
        kvLogger.addHandler(capture);
    }

    @AfterEach
    void stop() throws IOException {
        if (storage != null) {
            storage.shutdown();
        }
        kvLogger.removeHandler(capture);
        kvLogger.setUseParentHandlers(true);
    }

    private FileStorage start(String extra) throws Exception {
        if (storage != null) {
            storage.shutdown();
        }
        FileStorageConfig cfg = TestComponents.decode(factory, "directory: " + dir + "\n" + extra);
        storage = (FileStorage) factory.create(TestComponents.settings(Kind.EXTENSION, "file_storage"), cfg);
        storage.start(null);
        return storage;
    }

    private StorageClient client() throws Exception {
        return storage.client(Kind.EXPORTER, new ComponentId("otlp_grpc", "a/b"), "traces");
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void setGetDeleteAndBatchSurviveARestart() throws Exception {
        start("");
        StorageClient c = client();
        c.set("a", b("1"));
        c.set("b", b("2"));
        c.delete("a");
        Operation.Get g = Operation.get("b");
        c.batch(List.of(Operation.set("c", b("3")), g, Operation.set("b", b("22")), Operation.delete("missing")));
        assertThat(s(g.value())).isEqualTo("2");
        assertThat(s(c.get("a"))).isNull();
        c.close();

        start("");
        StorageClient again = client();
        assertThat(s(again.get("a"))).isNull();
        assertThat(s(again.get("b"))).isEqualTo("22");
        assertThat(s(again.get("c"))).isEqualTo("3");
        assertThat(Files.exists(dir.resolve("exporter_otlp_grpc_a~002Fb_traces"))).isTrue();
    }

    @Test
    void aTruncatedLastRecordIsDroppedAndTheRestKept() throws Exception {
        Path f = tenRecordsWrittenAndClosed();
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(raf.length() - 3); // a write cut short by a crash
        }
        start("");
        StorageClient again = client();
        for (int i = 0; i < 9; i++) {
            assertThat(s(again.get("k" + i))).isEqualTo("value-" + i);
        }
        assertThat(again.get("k9")).isNull();
        assertThat(messages()).anyMatch(m -> m.contains("truncated or corrupt record"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains(".corrupt-"));
        }
        again.set("after", b("ok"));
        start("");
        assertThat(s(client().get("after"))).isEqualTo("ok");
    }

    @Test
    void corruptionInTheMiddleKeepsTheIntactRecordsAfterIt() throws Exception {
        Path f = tenRecordsWrittenAndClosed();
        byte[] all = Files.readAllBytes(f);
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("value-4");
        all[at + 2] ^= 0x55; // flip bits inside the fifth record
        Files.write(f, all);
        start("");
        StorageClient again = client();
        assertThat(again.get("k4")).isNull();
        for (int i = 0; i < 10; i++) {
            if (i != 4) {
                assertThat(s(again.get("k" + i))).isEqualTo("value-" + i);
            }
        }
        assertThat(messages()).anyMatch(m -> m.contains("corrupt bytes at offset"));
    }

    @Test
    void compactionOnStartKeepsLiveDataAndShrinksTheFile() throws Exception {
        start("");
        StorageClient c = client();
        byte[] big = new byte[10_000];
        for (int i = 0; i < 100; i++) {
            c.set("k" + (i % 5), big);
        }
        c.close();
        Path f = dir.resolve("exporter_otlp_grpc_a~002Fb_traces");
        long before = Files.size(f);
        start("compaction: {on_start: true, directory: " + dir + "}");
        StorageClient again = client();
        assertThat(Files.size(f)).isLessThan(before / 10);
        for (int i = 0; i < 5; i++) {
            assertThat(again.get("k" + i)).hasSize(10_000);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("tempdb"));
        }
    }

    @Test
    void garbageIsBoundedWithoutAnyCompactionSetting() throws Exception {
        start("");
        StorageClient c = client();
        byte[] value = new byte[64 * 1024];
        for (int i = 0; i < 800; i++) { // 50 MiB written, one live value
            c.set("only", value);
        }
        assertThat(Files.size(dir.resolve("exporter_otlp_grpc_a~002Fb_traces"))).isLessThan(40L * 1024 * 1024);
        assertThat(c.get("only")).hasSize(value.length);
    }

    @Test
    void reboundCompactionShrinksAFileOnceItIsDrained() throws Exception {
        start("compaction: {on_rebound: true, check_interval: 10ms, rebound_needed_threshold_mib: 1, rebound_trigger_threshold_mib: 1}");
        StorageClient c = client();
        byte[] value = new byte[64 * 1024];
        for (int i = 0; i < 40; i++) {
            c.set("k" + i, value);
        }
        for (int i = 0; i < 40; i++) {
            c.delete("k" + i);
        }
        c.set("kept", b("yes"));
        Path f = dir.resolve("exporter_otlp_grpc_a~002Fb_traces");
        io.ottl4j.collector.testing.Harness.await(java.time.Duration.ofSeconds(30), () -> {
            try {
                return Files.size(f) < 64 * 1024;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(s(c.get("kept"))).isEqualTo("yes");
    }

    @Test
    void aSecondClientOnTheSameFileTimesOutWithAClearError() throws Exception {
        start("timeout: 50ms");
        client();
        assertThatThrownBy(this::client).isInstanceOf(IOException.class).hasMessageContaining("waiting for the lock");
    }

    @Test
    void createDirectoryMakesTheDirectory() throws Exception {
        Path sub = dir.resolve("a/b");
        FileStorageConfig cfg = TestComponents.decode(factory, "directory: " + sub + "\ncreate_directory: true\ndirectory_permissions: \"0700\"");
        storage = (FileStorage) factory.create(TestComponents.settings(Kind.EXTENSION, "file_storage"), cfg);
        storage.start(null);
        assertThat(Files.isDirectory(sub)).isTrue();
        storage.client(Kind.EXPORTER, ComponentId.parse("otlp"), "logs").set("x", b("y"));
    }

    @Test
    void configErrorsUseUpstreamWordsAndUnknownKeysAreRefused() {
        assertThat(TestComponents.problems(factory, "directory: " + dir.resolve("missing"))).anyMatch(m -> m.contains("directory must exist"));
        assertThat(TestComponents.problems(factory, "directory: " + dir + "\ncreate_directory: true\ndirectory_permissions: \"0999\""))
                .anyMatch(m -> m.contains("directory_permissions value must be a valid octal representation"));
        assertThat(TestComponents.problems(factory, "directory: " + dir + "\ncompaction: {max_transaction_size: -1}"))
                .anyMatch(m -> m.contains("max transaction size for compaction cannot be less than 0"));
        assertThat(TestComponents.problems(factory, "directory: " + dir + "\ncompaction: {on_rebound: true, check_interval: 0s}"))
                .anyMatch(m -> m.contains("compaction check interval must be positive"));
        assertThat(TestComponents.problems(factory, "directory: " + dir + "\nbogus: 1")).anyMatch(m -> m.contains("bogus"));
        assertThat(TestComponents.problems(factory, "directory: " + dir + "\ncompaction: {bogus: 1}")).anyMatch(m -> m.contains("bogus"));
        assertThat(TestComponents.problems(factory, """
                directory: %s
                timeout: 2s
                fsync: true
                compaction: {on_start: true, on_rebound: true, directory: %s, rebound_needed_threshold_mib: 5,
                  rebound_trigger_threshold_mib: 1, max_transaction_size: 100, check_interval: 1s, cleanup_on_start: true}
                """.formatted(dir, dir))).isEmpty();
    }

    /** Ten keys k0..k9 written by a client that is then closed with its storage: the file to damage. */
    private Path tenRecordsWrittenAndClosed() throws Exception {
        start("");
        StorageClient c = client();
        for (int i = 0; i < 10; i++) {
            c.set("k" + i, b("value-" + i));
        }
        c.close();
        storage.shutdown();
        storage = null;
        return dir.resolve("exporter_otlp_grpc_a~002Fb_traces");
    }

    private List<String> messages() {
        synchronized (logged) {
            return logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).map(LogRecord::getMessage).toList();
        }
    }
}

package io.ottl4j.collector.exporter.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import io.ottl4j.collector.testing.Payloads;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file exporter's rotation, formats, zstd compression and flush interval, on real files in a temp dir. */
class FileExporterRotationTest {
    @TempDir
    Path dir;

    private Harness start(String exporter) throws Exception {
        return Harness.start("""
                receivers: {testsource: {}}
                exporters:
                  file:
                %s
                service:
                  pipelines:
                    traces: {receivers: [testsource], exporters: [file]}
                """.formatted(exporter.indent(4)));
    }

    /** A batch of one span named {@code name} carrying {@code padding} bytes of attribute. */
    private static TelemetryBatch<Span> batch(String name, int padding) {
        TelemetryBatch<Span> b = Payloads.traces("svc", List.of(), name);
        b.resources().get(0).scopes().get(0).items().get(0).attributes().putString("pad", "x".repeat(padding));
        return b;
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void rotatesBySizeKeepsMaxBackupsAndDropsOldOnes() throws Exception {
        Path out = dir.resolve("spans.json");
        Path ancient = dir.resolve("spans-2001-01-01T00-00-00.000.json");
        Files.writeString(ancient, "old\n");
        try (Harness h = start("path: " + out + "\nrotation: {max_megabytes: 1, max_backups: 2, max_days: 30}\nflush_interval: 10ms")) {
            for (int i = 0; i < 30; i++) {
                h.send("testsource", batch("s" + i, 100_000));
            }
        }
        List<Path> files = files();
        assertThat(files).contains(out).doesNotContain(ancient);
        List<Path> backups = files.stream().filter(p -> !p.equals(out)).toList();
        assertThat(backups).hasSize(2).allSatisfy(p -> assertThat(p.getFileName().toString())
                .matches("spans-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{3}\\.json"));
        List<String> names = new ArrayList<>();
        for (Path p : files) {
            assertThat(Files.size(p)).isLessThanOrEqualTo(1024 * 1024);
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                names.addAll(Payloads.names(OtlpJson.read(line.getBytes(StandardCharsets.UTF_8), Signal.TRACES)));
            }
        }
        // ~10 records per megabyte: the oldest records went with the deleted backups, the newest are all there
        assertThat(names).hasSizeBetween(20, 30).endsWith("s27", "s28", "s29");
    }

    private static List<byte[]> frames(Path p) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(p); DataInputStream d = new DataInputStream(in)) {
            while (true) {
                int len;
                try {
                    len = d.readInt();
                } catch (EOFException e) {
                    return out;
                }
                out.add(d.readNBytes(len));
            }
        }
    }

    @Test
    void protoAndJsonWithZstdAreLengthPrefixedCompressedRecords() throws Exception {
        Path proto = dir.resolve("p.bin");
        Path json = dir.resolve("j.bin");
        try (Harness h = Harness.start("""
                receivers: {testsource: {}}
                exporters:
                  file/p: {path: %s, format: proto, compression: zstd}
                  file/j: {path: %s, compression: zstd}
                service:
                  pipelines:
                    traces: {receivers: [testsource], exporters: [file/p, file/j]}
                """.formatted(proto, json))) {
            h.send("testsource", batch("a", 1000));
            h.send("testsource", batch("b", 1000));
        }
        List<String> fromProto = new ArrayList<>();
        for (byte[] f : frames(proto)) {
            byte[] raw = Zstd.decompress(f, (int) Zstd.getFrameContentSize(f));
            fromProto.addAll(Payloads.names(OtlpProto.decode(Signal.TRACES, raw)));
        }
        List<String> fromJson = new ArrayList<>();
        for (byte[] f : frames(json)) {
            assertThat(f.length).isLessThan(1000); // 1000 repeated bytes compress well
            fromJson.addAll(Payloads.names(OtlpJson.read(Zstd.decompress(f, (int) Zstd.getFrameContentSize(f)), Signal.TRACES)));
        }
        assertThat(fromProto).containsExactly("a", "b");
        assertThat(fromJson).containsExactly("a", "b");
    }

    @Test
    void flushIntervalDecidesWhenBufferedDataReachesTheFile() throws Exception {
        Path fast = dir.resolve("fast.json");
        Path slow = dir.resolve("slow.json");
        try (Harness h = Harness.start("""
                receivers: {testsource: {}}
                exporters:
                  file/fast: {path: %s, flush_interval: 50ms}
                  file/slow: {path: %s, flush_interval: 1h}
                service:
                  pipelines:
                    traces: {receivers: [testsource], exporters: [file/fast, file/slow]}
                """.formatted(fast, slow))) {
            h.send("testsource", batch("a", 10));
            Harness.await(Duration.ofSeconds(5), () -> {
                try {
                    return Files.size(fast) > 0;
                } catch (Exception e) {
                    return false;
                }
            });
            // both exporters got the data in the same send; only the 50 ms flush made it to its file
            assertThat(Files.size(slow)).isZero();
        }
        // shutdown flushes
        assertThat(Files.readAllLines(slow)).hasSize(1);
    }

    @Test
    void groupByWritesOneFilePerAttributeValueAndDropsTheRest() throws Exception {
        try (Harness h = Harness.start("""
                receivers: {testsource: {}}
                exporters:
                  file:
                    path: %s/out/*/spans.jsonl
                    flush_interval: 10ms
                    group_by: {enabled: true, resource_attribute: tenant, max_open_files: 1}
                service:
                  pipelines:
                    traces: {receivers: [testsource], exporters: [file]}
                    logs: {receivers: [testsource], exporters: [file]}
                """.formatted(dir.toString().replace("\\", "/")))) {
            TelemetryBatch<Span> b = TelemetryBatch.traces();
            for (String tenant : new String[] {"acme", "globex", "", "../../escape"}) {
                var rg = b.addResource();
                if (!tenant.isEmpty()) {
                    rg.resource().attributes().putString("tenant", tenant);
                }
                Span s = new Span();
                s.setName("span-" + tenant);
                rg.addScope().items().add(s);
            }
            h.send("testsource", b); // acme, then globex: with max_open_files 1, acme's file is closed (flushed) for globex's
            h.send("testsource", Payloads.logs("svc", "INFO")); // no tenant: dropped
        }
        assertThat(Files.readString(dir.resolve("out/acme/spans.jsonl"))).contains("span-acme").doesNotContain("span-globex");
        assertThat(Files.readString(dir.resolve("out/globex/spans.jsonl"))).contains("span-globex").doesNotContain("span-acme");
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList())
                    .containsExactly("out/acme/spans.jsonl", "out/globex/spans.jsonl");
        }
        String base = """
                receivers: {testsource: {}}
                service: {pipelines: {traces: {receivers: [testsource], exporters: [file]}}}
                exporters:
                  file:
                """;
        assertThat(Harness.problems(base + "    path: /tmp/x.json\n    group_by: {enabled: true}\n")).contains("exactly one * when group_by is enabled");
        assertThat(Harness.problems(base + "    path: '*.json'\n    group_by: {enabled: true}\n")).contains("must not start with *");
        assertThat(Harness.problems(base + "    path: /tmp/*.json\n    group_by: {enabled: true, resource_attribute: ''}\n"))
                .contains("resource_attribute must not be empty");
    }

    @Test
    void configErrors() throws Exception {
        String base = """
                receivers: {testsource: {}}
                service: {pipelines: {traces: {receivers: [testsource], exporters: [file]}}}
                exporters:
                  file:
                    path: /tmp/x.json
                """;
        assertThat(Harness.problems(base + "    compression: gzip\n")).contains("compression is not supported");
        assertThat(Harness.problems(base + "    compression: zstd\n    append: true\n")).contains("append and compression");
        assertThat(Harness.problems(base + "    rotation: {}\n    append: true\n")).contains("append and rotation");
        assertThat(Harness.problems(base + "    flush_interval: 0s\n")).contains("flush_interval must be larger than zero");
        assertThat(Harness.problems(base + "    rotation: {max_megabytes: 5, max_days: 3, max_backups: 1, localtime: true}\n    format: proto\n"))
                .isEmpty();
    }
}

package io.ottl4j.benchmarks;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.ByteArrayInputStream;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for the collector as a separate process (benchmarks/collector-throughput). It starts
 * {@code ottl collector} with OTLP/gRPC in → [processors] → OTLP/gRPC out to a sink in this process, sends
 * pre-encoded requests of 512 Mastodon-like spans, and measures spans delivered to the sink per second and
 * per CPU-second of the collector process (utime+stime from /proc/PID/stat), and its VmRSS. The collector's CPU
 * is measured alone: client and sink run here. {@code codec} mode measures plain protobuf decode + encode
 * of the same payloads on one thread, the baseline the pipeline is compared with.
 *
 * <pre>
 * CollectorLoad codec SECONDS
 * CollectorLoad run OTTL_LAUNCHER transform|none|loadbalancing|kafka|tailsampling|datadog max|SPANS_PER_SECOND WARMUP_SECONDS SECONDS
 * </pre>
 */
public final class CollectorLoad {
    static final int SPANS_PER_REQUEST = 512;
    static final int PAYLOADS = 16;

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
                throw new UncheckedIOException(e);
            }
        }
    };
    private static final MethodDescriptor<byte[], byte[]> EXPORT = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("opentelemetry.proto.collector.trace.v1.TraceService/Export")
            .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();

    /** The Mastodon config's trace statements, verbatim (shared/fixtures/mastodon-collector.yaml). */
    static final String TRANSFORM = """
              transform:
                error_mode: ignore
                trace_statements:
                  - context: span
                    conditions:
                      - attributes["code.namespace"] != nil
                    statements:
                      - set(attributes["resource.name"],
                        Concat([attributes["code.namespace"],
                        attributes["code.function"]], "#"))
                  - context: resource
                    conditions:
                      - attributes["k8s.node.name"] != nil
                    statements:
                      - set (attributes["k8s.node.name"],
                        Concat([attributes["k8s.node.name"], "k8s-1"], "-"))
            """;

    private CollectorLoad() {
    }

    static List<byte[]> payloads() {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < PAYLOADS; i++) {
            out.add(OtlpProto.encode(SpanFixtures.traces(SPANS_PER_REQUEST, i)));
        }
        return out;
    }

    /** For the tailsampling variant: every trace kept after a 1 s wait, so delivered spans measure the processor's work. */
    static final String TAIL_SAMPLING = """
              tail_sampling:
                decision_wait: 1s
                num_traces: 200000
                policies: [{name: all, type: always_sample}]
            """;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "codec" -> codec(Integer.parseInt(args[1]));
            case "run" -> run(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("codec | run");
        }
    }

    /**
     * Decode + encode of the same payloads on one thread: spans per second = spans per CPU-second. Two
     * baselines, each measured for half of the time after its own warm-up: ottl4j's codec ({@code OtlpProto},
     * pdata in between — the work a collector must do at least) and protobuf-java's generated classes
     * ({@code ExportTraceServiceRequest.parseFrom(..).toByteArray()}: plain protobuf, no pdata).
     */
    static void codec(int seconds) throws Exception {
        List<byte[]> payloads = payloads();
        long perBaseline = TimeUnit.SECONDS.toNanos(seconds) / 2;
        double ottl = measure(perBaseline, p -> OtlpProto.encode(OtlpProto.decode(Signal.TRACES, p)).length);
        double plain = measure(perBaseline, p -> io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.parseFrom(p)
                .toByteArray().length);
        System.out.printf(Locale.ROOT, "codec: decode+encode %.0f spans/s on one thread (OtlpProto, pdata)%n", ottl);
        System.out.printf(Locale.ROOT, "codec: parse+serialize %.0f spans/s on one thread (protobuf-java generated classes)%n", plain);
    }

    private interface Codec {
        int run(byte[] payload) throws Exception;
    }

    /** Spans per second of {@code codec} over the second half of {@code nanos} (the first half warms up). */
    private static double measure(long nanos, Codec codec) throws Exception {
        List<byte[]> payloads = payloads();
        long start = System.nanoTime();
        long half = start + nanos / 2;
        long end = start + nanos;
        long t0 = 0;
        long spans = 0;
        long sink = 0;
        for (int i = 0; ; i++) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            if (t0 == 0 && now >= half) {
                t0 = now;
                spans = 0;
            }
            sink += codec.run(payloads.get(i % PAYLOADS));
            spans += SPANS_PER_REQUEST;
        }
        if (sink == 42) {
            System.out.print(""); // keeps the result alive
        }
        return spans / ((System.nanoTime() - t0) / 1e9);
    }

    static void run(String launcher, String variant, String rate, int warmup, int seconds) throws Exception {
        List<byte[]> payloads = payloads();
        AtomicLong delivered = new AtomicLong();
        // loadbalancing: the agent tier, batch → load_balancing over three gateways (three sinks here)
        boolean lb = variant.equals("loadbalancing");
        List<Server> sinks = new ArrayList<>();
        List<String> sinkEndpoints = new ArrayList<>();
        for (int i = 0; i < (lb ? 3 : 1); i++) {
            int sinkPort = freePort();
            sinkEndpoints.add("127.0.0.1:" + sinkPort);
            sinks.add(NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", sinkPort)).maxInboundMessageSize(64 << 20)
                    .addService(ServerServiceDefinition.builder("opentelemetry.proto.collector.trace.v1.TraceService")
                            .addMethod(EXPORT, ServerCalls.asyncUnaryCall((req, obs) -> {
                                delivered.addAndGet(((TelemetryBatch<?>) OtlpProto.decode(Signal.TRACES, req)).itemCount());
                                obs.onNext(new byte[0]);
                                obs.onCompleted();
                            })).build())
                    .build().start());
        }
        int port = freePort();
        // kafka: the agent (otlp → batch → kafka) here, and a gateway (kafka → otlp_grpc → the sink) as a second
        // process; the broker runs in this process (Kafka's own KRaft test kit)
        boolean kafka = variant.equals("kafka");
        KafkaClusterTestKit broker = kafka ? startBroker() : null;
        // tailsampling: tail_sampling (always_sample, so every span is delivered after decision_wait) + batch
        boolean tail = variant.equals("tailsampling");
        String processors = variant.equals("transform") ? "[transform, batch]" : tail ? "[tail_sampling, batch]" : lb || kafka ? "[batch]" : "[]";
        String exporter = kafka ? """
                  kafka:
                    brokers: [%s]
                    traces: {topic: load_spans}
                    sending_queue: {block_on_overflow: true}
                """.formatted(broker.bootstrapServers()) : lb ? """
                  loadbalancing:
                    protocol:
                      otlp: {tls: {insecure: true}, compression: none}
                    resolver:
                      static: {hostnames: [%s]}
                    sending_queue: {block_on_overflow: true}
                """.formatted(String.join(", ", sinkEndpoints)) : """
                  otlp_grpc:
                    endpoint: "%s"
                    tls: {insecure: true}
                    compression: none
                    sending_queue: {block_on_overflow: true}
                """.formatted(sinkEndpoints.get(0));
        String config = """
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: "127.0.0.1:%d"}
                processors:
                  batch: {}
                %s
                exporters:
                %s
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces: {receivers: [otlp], processors: %s, exporters: [%s]}
                """.formatted(port, TRANSFORM + (tail ? TAIL_SAMPLING : ""), exporter, processors, lb ? "loadbalancing" : kafka ? "kafka" : "otlp_grpc");
        Path cfg = Files.createTempFile("collector-load", ".yaml");
        Files.writeString(cfg, config);
        // datadog: the seed config itself (its traces path: processors → datadog connector → tail_sampling → datadog
        // exporter) against a loopback intake that decodes and counts (DatadogIntakeSink)
        boolean dd = variant.equals("datadog");
        DatadogIntakeSink intake = dd ? DatadogIntakeSink.start() : null;
        ProcessBuilder pb = dd ? DatadogIntakeSink.seedCollector(launcher, port, intake.url()) : new ProcessBuilder(launcher, "collector", "--config", cfg.toString());
        long started = System.nanoTime();
        Process collector = pb.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(System.getProperty("java.io.tmpdir"), "collector-load.log").toFile()))
                .start();
        Process gateway = null;
        Path gatewayCfg = null;
        try {
            awaitPort(port, collector);
            // start-up to ready: launcher start to the OTLP port accepting, wall time and the JVM's own CPU time
            System.out.printf(Locale.ROOT, "start-up to OTLP port accepting: %.2f s wall, %.2f CPU-s (load average %s)%n",
                    (System.nanoTime() - started) / 1e9, cpuTicks(collector.pid()) / (double) clockTicks(),
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            if (kafka) {
                gatewayCfg = Files.createTempFile("collector-load-gateway", ".yaml");
                Files.writeString(gatewayCfg, """
                        receivers:
                          kafka:
                            brokers: [%s]
                            initial_offset: earliest
                            traces: {topic: load_spans}
                        exporters:
                          otlp_grpc:
                            endpoint: "%s"
                            tls: {insecure: true}
                            compression: none
                            sending_queue: {block_on_overflow: true}
                        service:
                          telemetry: {metrics: {level: none}}
                          pipelines:
                            traces: {receivers: [kafka], exporters: [otlp_grpc]}
                        """.formatted(broker.bootstrapServers(), sinkEndpoints.get(0)));
                gateway = new ProcessBuilder(launcher, "collector", "--config", gatewayCfg.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(System.getProperty("java.io.tmpdir"), "collector-load.log").toFile()))
                        .start();
            }
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().maxInboundMessageSize(64 << 20).build();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong sent = new AtomicLong();
            boolean max = rate.equals("max");
            int threads = max ? 4 : 1;
            long nanosPerRequest = max ? 0 : TimeUnit.SECONDS.toNanos(1) * SPANS_PER_REQUEST / Long.parseLong(rate);
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                clients.add(Thread.ofPlatform().daemon().start(() -> {
                    long next = System.nanoTime();
                    for (int i = offset; !stop.get(); i++) {
                        if (!max) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                try {
                                    TimeUnit.NANOSECONDS.sleep(wait);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                            next += nanosPerRequest;
                        }
                        try {
                            ClientCalls.blockingUnaryCall(channel, EXPORT, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS),
                                    payloads.get(i % PAYLOADS));
                            sent.addAndGet(SPANS_PER_REQUEST);
                        } catch (RuntimeException e) {
                            System.err.println("send failed: " + e.getMessage());
                        }
                    }
                }));
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
            long cpu0 = cpuTicks(collector.pid());
            long gatewayCpu0 = gateway == null ? 0 : cpuTicks(gateway.pid());
            // datadog: tail_sampling keeps ~0.1%, so throughput is what the collector accepted (the connector saw it all)
            AtomicLong counted = dd ? sent : delivered;
            long d0 = counted.get();
            long intake0 = dd ? intake.spans() : 0;
            long t0 = System.nanoTime();
            long rssMax = 0;
            long rssSum = 0;
            long pssSum = 0;
            int samples = 0;
            for (int s = 0; s < seconds; s++) {
                Thread.sleep(1000);
                long rss = rssKib(collector.pid());
                rssMax = Math.max(rssMax, rss);
                rssSum += rss;
                pssSum += pssKib(collector.pid());
                samples++;
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            long cpu1 = cpuTicks(collector.pid());
            long gatewayCpu1 = gateway == null ? 0 : cpuTicks(gateway.pid());
            long d1 = counted.get();
            long intake1 = dd ? intake.spans() : 0;
            stop.set(true);
            for (Thread c : clients) {
                c.join(35_000);
            }
            channel.shutdownNow();
            double cpuSeconds = (cpu1 - cpu0) / (double) clockTicks();
            double spansPerSecond = (d1 - d0) / wall;
            System.out.printf(Locale.ROOT, "run %s rate=%s: %.0f spans/s delivered, collector CPU %.2f cores, %.0f spans per CPU-second, "
                    + "VmRSS avg %.0f MiB max %.0f MiB, PSS avg %.0f MiB (sent %d, delivered %d in total; load average %s)%n", variant, rate,
                    spansPerSecond, cpuSeconds / wall, (d1 - d0) / cpuSeconds, rssSum / (double) samples / 1024, rssMax / 1024.0,
                    pssSum / (double) samples / 1024, sent.get(), delivered.get(), Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            if (dd) {
                System.out.printf(Locale.ROOT, "  (datadog: spans/s above = accepted by the collector) intake: %.0f sampled spans/s in %d trace payloads, "
                        + "%d stats payloads, %d other requests, %d decode errors in total%n", (intake1 - intake0) / wall, intake.tracePayloads(),
                        intake.statsPayloads(), intake.otherRequests(), intake.errors());
            }
            if (gateway != null) {
                double gatewaySeconds = (gatewayCpu1 - gatewayCpu0) / (double) clockTicks();
                System.out.printf(Locale.ROOT, "  (the figures above are the agent's: otlp → batch → kafka) gateway kafka → otlp_grpc: CPU %.2f cores,"
                        + " %.0f spans per CPU-second%n", gatewaySeconds / wall, (d1 - d0) / gatewaySeconds);
            }
        } finally {
            collector.destroy(); // SIGTERM: the process we started
            if (!collector.waitFor(20, TimeUnit.SECONDS)) {
                collector.destroyForcibly();
            }
            if (gateway != null) {
                gateway.destroy();
                if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
                    gateway.destroyForcibly();
                }
                Files.deleteIfExists(gatewayCfg);
            }
            if (broker != null) {
                broker.close();
            }
            sinks.forEach(Server::shutdownNow);
            if (intake != null) {
                intake.close();
            }
            Files.deleteIfExists(cfg);
        }
    }

    /** A single-node KRaft broker in this process (Kafka's own test kit), quiet. */
    private static KafkaClusterTestKit startBroker() throws Exception {
        java.util.logging.Logger.getLogger("kafka").setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1").setConfigProp("group.initial.rebalance.delay.ms", "0").build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return cluster;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process p) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // the launcher may rebuild the distribution first
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                throw new IllegalStateException("collector exited with " + p.exitValue() + "; see collector-load.log in java.io.tmpdir");
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(10); // fine-grained: the wait is the start-up time reported
            }
        }
        throw new IllegalStateException("collector did not open port " + port);
    }

    /** utime + stime of the process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long clockTicks() {
        return 100; // USER_HZ on Linux
    }

    /** Proportional set size: shared pages (the JVM's text, a mapped AOT cache) divided among the processes mapping them. */
    static long pssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
            if (line.startsWith("Pss:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}

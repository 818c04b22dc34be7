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
import io.ottl4j.collector.testing.Harness;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 9 defects 5, 6 and 8 at the OTLP receiver: encodings, size limits, bombs and stalled connections. */
class ReceiverRobustnessTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String LOG = "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"hello-%s\"}}]}]}]}";

    @TempDir
    Path dir;

    private Collector start(String httpExtra, String grpcExtra) throws Exception {
        return TestCollectors.start("""
                receivers:
                  otlp:
                    protocols:
                      http: {endpoint: "127.0.0.1:0", max_request_body_size: 100000 %s}
                      grpc: {endpoint: "127.0.0.1:0", max_recv_msg_size_mib: 1 %s}
                exporters:
                  file: {path: "%s", flush_interval: 10ms}
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    logs: {receivers: [otlp], exporters: [file]}
                """.formatted(httpExtra, grpcExtra, dir.resolve("out.jsonl")));
    }

    private static HttpResponse<String> post(int port, String encoding, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/logs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            b.header("Content-Encoding", encoding);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean delivered(String marker) {
        try {
            Path out = dir.resolve("out.jsonl");
            return Files.exists(out) && Files.readString(out).contains(marker);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static byte[] encode(String encoding, byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (encoding) {
            case "zstd" -> {
                try (var z = new com.github.luben.zstd.ZstdOutputStream(out)) {
                    z.write(plain);
                }
            }
            case "lz4" -> {
                try (var z = new net.jpountz.lz4.LZ4FrameOutputStream(out)) {
                    z.write(plain);
                }
            }
            case "x-snappy-framed", "snappy-framed" -> {
                try (var z = new org.xerial.snappy.SnappyFramedOutputStream(out)) {
                    z.write(plain);
                }
            }
            case "snappy" -> out.write(org.xerial.snappy.Snappy.compress(plain)); // block format, as Go's snappy.Encode
            default -> throw new IllegalArgumentException(encoding);
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "snappy", "snappy-framed", "x-snappy-framed", "lz4"})
    void httpAcceptsUpstreamsRequestEncodings(String encoding) throws Exception {
        Collector c = start("", "");
        try {
            int port = TestCollectors.receiver(c).httpPort();
            String header = encoding.equals("snappy-framed") ? "snappy" : encoding; // upstream detects framing under "snappy"
            HttpResponse<String> r = post(port, header, encode(encoding, LOG.formatted(encoding).getBytes(StandardCharsets.UTF_8)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            Harness.await(Duration.ofSeconds(30), () -> delivered("hello-" + encoding));
            assertThat(delivered("hello-" + encoding)).isTrue();
            HttpResponse<String> corrupt = post(port, header, "not compressed at all".getBytes(StandardCharsets.UTF_8));
            assertThat(corrupt.statusCode()).as(corrupt.body()).isEqualTo(400);
        } finally {
            TestCollectors.stop(c);
        }
    }

    @Test
    void bombsAndOversizedBodiesAre413() throws Exception {
        Collector c = start("", "");
        try {
            int port = TestCollectors.receiver(c).httpPort();
            byte[] big = ("{\"resourceLogs\":[],\"pad\":\"" + "x".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            for (String enc : List.of("zstd", "lz4", "snappy")) {
                HttpResponse<String> r = post(port, enc, encode(enc, big));
                assertThat(r.statusCode()).as(enc + " " + r.body()).isEqualTo(413);
                assertThat(r.body()).contains("max_request_body_size");
            }
            // (an unencoded 1 MB body races the server's close after its 413; OtlpHttpBadInputTest covers 413 with a small body)
            assertThat(post(port, null, LOG.formatted("after").getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        } finally {
            TestCollectors.stop(c);
        }
    }

    @Test
    void grpcGzipBombIsResourceExhausted() throws Exception {
        Collector c = start("", "");
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", TestCollectors.receiver(c).grpcPort()).usePlaintext().build();
        try {
            var method = MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName("opentelemetry.proto.collector.logs.v1.LogsService/Export")
                    .setRequestMarshaller(OtlpGrpcBadInputTest.BYTES).setResponseMarshaller(OtlpGrpcBadInputTest.BYTES).build();
            // 8 MiB of zeros in a bytes field: about 8 KiB gzipped, 8x the 1 MiB limit once inflated
            byte[] bomb = new byte[8 << 20];
            bomb[0] = 0x0a; // field 1 (resource_logs), length-delimited, with a varint length of the rest
            int len = bomb.length - 5;
            bomb[1] = (byte) (len & 0x7f | 0x80);
            bomb[2] = (byte) (len >>> 7 & 0x7f | 0x80);
            bomb[3] = (byte) (len >>> 14 & 0x7f | 0x80);
            bomb[4] = (byte) (len >>> 21 & 0x7f);
            StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(channel, method,
                    CallOptions.DEFAULT.withCompression("gzip").withDeadlineAfter(30, TimeUnit.SECONDS), bomb));
            assertThat(e).isNotNull();
            assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            // and the receiver still serves
            byte[] ok = io.ottl4j.otlp.OtlpProto.encode(io.ottl4j.otlp.OtlpJson.read(LOG.formatted("grpc-after").getBytes(StandardCharsets.UTF_8),
                    io.ottl4j.pdata.Signal.LOGS));
            ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT.withCompression("gzip").withDeadlineAfter(30, TimeUnit.SECONDS), ok);
        } finally {
            channel.shutdownNow();
            TestCollectors.stop(c);
        }
    }

    /**
     * Stalled connections (connected, never sending a request) are closed after read_header_timeout, so they
     * cannot exhaust file descriptors (the 20,000 stalled connections stopped both receivers; here a
     * bounded 500 on loopback, with a short timeout).
     */
    @Test
    void stalledHttpConnectionsAreClosedAndTheReceiverKeepsServing() throws Exception {
        Collector c = start(", read_header_timeout: 300ms, idle_timeout: 300ms", ", keepalive: {server_parameters: {max_connection_idle: 300ms}}");
        List<Socket> stalled = new ArrayList<>();
        try {
            int http = TestCollectors.receiver(c).httpPort();
            int grpc = TestCollectors.receiver(c).grpcPort();
            for (int i = 0; i < 500; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", i % 2 == 0 ? http : grpc), 10_000);
                s.setSoTimeout(30_000);
                if (i % 4 == 0) {
                    s.getOutputStream().write("POST /v1/logs HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII)); // headers never end
                }
                stalled.add(s);
            }
            // a normal client is served meanwhile
            assertThat(post(http, null, LOG.formatted("during").getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
            // every stalled connection is closed by the server (read sees end of stream, or a reset)
            for (Socket s : stalled) {
                int r;
                try {
                    InputStream in = s.getInputStream();
                    while ((r = in.read()) >= 0) {
                        // gRPC sends its settings and a GOAWAY first; HTTP may answer 408-like bytes: drain
                    }
                } catch (java.net.SocketException reset) {
                    r = -1;
                }
                assertThat(r).isEqualTo(-1);
            }
            assertThat(post(http, null, LOG.formatted("after").getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
            TestCollectors.stop(c);
        }
    }
}

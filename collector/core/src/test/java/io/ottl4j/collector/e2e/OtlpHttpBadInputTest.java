package io.ottl4j.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.service.Collector;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OTLP/HTTP status codes and bodies for bad input (collector-spec §2.3, §2.5); the server keeps serving. */
class OtlpHttpBadInputTest {
    private static final String TRACE = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},
             "scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
             "name":"op","kind":2,"startTimeUnixNano":"1","endTimeUnixNano":"2"}]}]}]}""";

    @TempDir
    static Path dir;
    static Collector collector;
    static HttpClient client = HttpClient.newHttpClient();
    static String base;

    @BeforeAll
    static void start() throws Exception {
        collector = TestCollectors.start("""
                receivers:
                  otlp:
                    protocols:
                      http:
                        endpoint: "127.0.0.1:0"
                        max_request_body_size: 2000
                        cors:
                          allowed_origins: ['https://*.example.com']
                          max_age: 600
                exporters:
                  file: {path: "%s", flush_interval: 10ms}
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces: {receivers: [otlp], exporters: [file]}
                """.formatted(dir.resolve("out.jsonl")));
        base = "http://127.0.0.1:" + TestCollectors.receiver(collector).httpPort();
    }

    @AfterAll
    static void stop() {
        TestCollectors.stopAfterBadInput(collector);
    }

    private static HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertStillServing() throws Exception {
        HttpResponse<String> ok = post("/v1/traces", "application/json", TRACE.getBytes(StandardCharsets.UTF_8));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"partialSuccess\":{}}");
    }

    @Test
    void validJsonAndProtobufAndGzip() throws Exception {
        assertStillServing();
        HttpResponse<String> proto = post("/v1/traces", "application/x-protobuf", new byte[0]);
        assertThat(proto.statusCode()).isEqualTo(200);
        assertThat(proto.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(TRACE.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(post("/v1/traces", "application/json; charset=utf-8", bos.toByteArray(), "Content-Encoding", "gzip").statusCode()).isEqualTo(200);
        // the file exporter flushes every flush_interval, as upstream's does
        long deadline = System.nanoTime() + 30_000_000_000L; // bounded, generous: a busy machine is slow
        while (!Files.readString(dir.resolve("out.jsonl")).contains("5b8efff798038103d269b633813fc60c") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(dir.resolve("out.jsonl"))).contains("5b8efff798038103d269b633813fc60c");
    }

    @Test
    void malformedProtobufIs400WithStatusBody() throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/traces")).header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x0a, (byte) 0xff, 0x01, 0x02})).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
        com.google.rpc.Status st = com.google.rpc.Status.parseFrom(r.body());
        assertThat(st.getMessage()).isNotEmpty();
        assertThat(st.getCode()).isEqualTo(3);
        assertStillServing();
    }

    @Test
    void malformedJsonIs400WithMessage() throws Exception {
        HttpResponse<String> r = post("/v1/traces", "application/json", "{\"resourceSpans\":[{".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).startsWith("{\"code\":3,\"message\":\"");
        // what was wrong and where, in the receiver's own words (no Jackson internals)
        HttpResponse<String> bracket = post("/v1/traces", "application/json", "{\"resourceSpans\": [}".getBytes(StandardCharsets.UTF_8));
        assertThat(bracket.body()).isEqualTo("{\"code\":3,\"message\":\"resourceSpans: malformed JSON: unexpected '}' where ']' should close"
                + " the array opened at line 1, column 19 (line 1, column 20)\",\"details\":[]}");
        assertThat(r.body() + bracket.body()).doesNotContain("Source", "StreamReadFeature", "REDACTED");
        assertStillServing();
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        HttpResponse<String> r = post("/v1/traces", "text/plain", "hi".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.body()).isEqualTo("415 unsupported media type, supported: [application/json, application/x-protobuf]");
        assertThat(post("/v1/traces", null, new byte[0]).statusCode()).isEqualTo(415);
        assertStillServing();
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        byte[] big = ("{\"resourceSpans\":[],\"pad\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = post("/v1/traces", "application/json", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("too large");
        assertStillServing();
    }

    @Test
    void unsupportedEncodingIs400() throws Exception {
        HttpResponse<String> r = post("/v1/traces", "application/json", TRACE.getBytes(StandardCharsets.UTF_8), "Content-Encoding", "br");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("unsupported Content-Encoding");
        HttpResponse<String> bad = post("/v1/traces", "application/json", "not gzip".getBytes(StandardCharsets.UTF_8), "Content-Encoding", "gzip");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("the body is not valid gzip data, although Content-Encoding says gzip");
        // gzip's magic number, then garbage: the decompressor yields nothing rather than failing; still said so
        byte[] truncated = {0x1f, (byte) 0x8b, 0x08, 0x00, 'g', 'a', 'r', 'b', 'a', 'g', 'e'};
        HttpResponse<String> broken = post("/v1/traces", "application/json", truncated, "Content-Encoding", "gzip");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("the body is not valid gzip data, although Content-Encoding says gzip").doesNotContain("end of the input");
        assertStillServing();
    }

    @Test
    void wrongMethodAndPath() throws Exception {
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/traces")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.body()).isEqualTo("405 method not allowed, supported: [POST]");
        assertThat(post("/v2/nothing", "application/json", new byte[0]).statusCode()).isEqualTo(404);
        assertStillServing();
    }

    @Test
    void corsPreflightAndActualRequest() throws Exception {
        HttpResponse<String> pre = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/traces"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pre.statusCode()).isEqualTo(204);
        assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(pre.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        HttpResponse<String> denied = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/traces"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.test")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(204);
        assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> actual = post("/v1/traces", "application/json", TRACE.getBytes(StandardCharsets.UTF_8), "Origin", "https://app.example.com");
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(actual.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    }
}

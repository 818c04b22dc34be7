package io.ottl4j.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.service.Collector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a 400 of the OTLP/HTTP receiver tells the sender: the problem and where, in the receiver's own words. */
class OtlpHttpErrorMessagesTest {
    static Collector collector;
    static HttpClient client = HttpClient.newHttpClient();
    static String base;

    @BeforeAll
    static void start() throws Exception {
        collector = TestCollectors.start("""
                receivers:
                  otlp:
                    protocols:
                      http: {endpoint: "127.0.0.1:0"}
                exporters:
                  debug: {verbosity: basic}
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces: {receivers: [otlp], exporters: [debug]}
                """);
        base = "http://127.0.0.1:" + TestCollectors.receiver(collector).httpPort();
    }

    @AfterAll
    static void stop() {
        TestCollectors.stop(collector);
    }

    private static HttpResponse<String> post(byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/v1/traces")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void invalidJsonSaysWhatAndWhere() throws Exception {
        HttpResponse<String> r = post("{\"resourceSpans\": [}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"code\":3,\"message\":\"resourceSpans: malformed JSON: unexpected '}' where ']' should close the array"
                + " opened at line 1, column 19 (line 1, column 20)\",\"details\":[]}");
        assertThat(r.body()).doesNotContain("Source", "StreamReadFeature", "REDACTED");
    }

    @Test
    void aBodyThatIsNotGzipSaysSo() throws Exception {
        HttpResponse<String> plain = post("{\"resourceSpans\": []}".getBytes(StandardCharsets.UTF_8), "Content-Encoding", "gzip");
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("the body is not valid gzip data, although Content-Encoding says gzip");
        // gzip's magic number and then garbage: the decompressor yields nothing rather than failing
        byte[] truncated = {0x1f, (byte) 0x8b, 0x08, 0x00, 'g', 'a', 'r', 'b', 'a', 'g', 'e'};
        HttpResponse<String> broken = post(truncated, "Content-Encoding", "gzip");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("the body is not valid gzip data, although Content-Encoding says gzip")
                .doesNotContain("end of the input");
    }
}

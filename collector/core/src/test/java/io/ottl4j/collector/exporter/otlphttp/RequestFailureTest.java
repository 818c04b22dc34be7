package io.ottl4j.collector.exporter.otlphttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Issue 9 defect 8: exporter errors said "failed to make an HTTP request: null"; they name the cause now. */
class RequestFailureTest {
    @Test
    void aRefusedConnectionIsNamed() throws Exception {
        int closedPort;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Exception failure = null;
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/v1/traces"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        assertThat(OtlpHttpExporterFactory.requestFailure(failure)).startsWith("connection refused").doesNotContain("null");
        assertThat(OtlpHttpExporterFactory.requestFailure(new ConnectException())).isEqualTo("connection refused");
        assertThat(OtlpHttpExporterFactory.requestFailure(new java.io.IOException())).isEqualTo("java.io.IOException");
    }
}

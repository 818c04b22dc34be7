package io.ottl4j.collector.extension.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.testing.TestComponents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HealthCheckExtensionTest {
    private final HealthCheckExtensionFactory factory = new HealthCheckExtensionFactory();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unavailableUntilReadyAvailableThenUnavailableAgainOnShutdown() throws Exception {
        var hc = (HealthCheckExtensionFactory.HealthCheck) factory.create(TestComponents.settings(Kind.EXTENSION, "health_check"),
                TestComponents.decode(factory, "{endpoint: '127.0.0.1:0', path: /health/status}"));
        hc.start(null);
        try {
            int port = hc.port();
            assertThat(port).isPositive();
            var before = get(port, "/health/status");
            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(before.body()).contains("\"status\":\"Server not available\"");
            hc.ready();
            var up = get(port, "/health/status");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(up.body()).startsWith("{\"status\":\"Server available\",\"upSince\":\"").contains("\"uptime\":\"");
            hc.notReady();
            assertThat(get(port, "/health/status").statusCode()).isEqualTo(503);
        } finally {
            hc.shutdown();
        }
    }

    @Test
    void customBodiesAndDefaults() throws Exception {
        HealthCheckExtensionFactory.Config d = TestComponents.decode(factory, "");
        assertThat(d.endpoint()).isEqualTo("localhost:13133");
        assertThat(d.path()).isEqualTo("/");
        var hc = (HealthCheckExtensionFactory.HealthCheck) factory.create(TestComponents.settings(Kind.EXTENSION, "health_check"),
                TestComponents.decode(factory, "{endpoint: '127.0.0.1:0', response_body: {healthy: I'm OK, unhealthy: nope}}"));
        hc.start(null);
        try {
            assertThat(get(hc.port(), "/").body()).isEqualTo("nope");
            hc.ready();
            assertThat(get(hc.port(), "/").body()).isEqualTo("I'm OK");
        } finally {
            hc.shutdown();
        }
    }
}

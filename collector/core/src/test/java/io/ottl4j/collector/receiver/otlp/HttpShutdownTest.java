package io.ottl4j.collector.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.receiver.otlp.internal.OtlpReceiver;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.Signal;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the OTLP/HTTP receiver answers the request it has already taken before closing connections. */
class HttpShutdownTest {
    @Test
    void requestInFlightWhenStoppingIsAnswered() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Consumer blocking = batch -> {
            entered.countDown();
            release.await();
        };
        OtlpReceiverFactory factory = new OtlpReceiverFactory();
        var config = TestComponents.decode(factory, "protocols: {http: {endpoint: \"127.0.0.1:0\"}}");
        Component c = factory.create(TestComponents.settings(Kind.RECEIVER, "otlp"), config, Map.of(Signal.LOGS, blocking));
        OtlpReceiver receiver = (OtlpReceiver) c;
        receiver.start(null);
        int port = receiver.httpPort();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/logs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"x\"}}]}]}]}"))
                .build();
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(req, HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            try {
                receiver.shutdown();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the listening socket closes first; only then let the in-flight request finish
        Harness.await(Duration.ofSeconds(60), () -> !accepting(port));
        release.countDown();

        HttpResponse<String> r = response.get(60, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        stopped.get(60, TimeUnit.SECONDS);
    }

    private static boolean accepting(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }
}

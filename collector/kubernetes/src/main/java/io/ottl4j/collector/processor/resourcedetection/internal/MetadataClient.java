package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Plain HTTP to a cloud metadata service, every request bounded by the detection timeout. */
final class MetadataClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final Duration timeout;

    MetadataClient(Duration timeout) {
        this(timeout, null);
    }

    /** A client that speaks TLS with {@code tls} (null: the JDK's defaults). */
    MetadataClient(Duration timeout, javax.net.ssl.SSLContext tls) {
        this.timeout = timeout;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            b.sslContext(tls);
        }
        this.http = b.build();
    }

    record Response(int status, String body, Map<String, java.util.List<String>> headers) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    Response send(String method, String url, Map<String, String> headers) throws IOException, InterruptedException {
        return send(method, url, headers, null);
    }

    Response send(String method, String url, Map<String, String> headers, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), r.headers().map());
    }

    String get(String url, Map<String, String> headers) throws IOException, InterruptedException {
        Response r = send("GET", url, headers);
        if (!r.ok()) {
            throw new IOException("GET " + url + ": HTTP " + r.status());
        }
        return r.body().trim();
    }

    JsonNode getJson(String url, Map<String, String> headers) throws IOException, InterruptedException {
        return json(get(url, headers));
    }

    static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    /** An endpoint from the environment (scheme optional), without a trailing slash. */
    static String base(String configured, String fallback) {
        String s = configured == null || configured.isBlank() ? fallback : configured.trim();
        if (!s.startsWith("http://") && !s.startsWith("https://")) {
            s = "http://" + s;
        }
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}

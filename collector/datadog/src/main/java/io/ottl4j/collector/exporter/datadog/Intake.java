package io.ottl4j.collector.exporter.datadog;

import io.ottl4j.collector.exporter.internal.ExporterHelper.SendException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Posts payloads to a Datadog intake with the API key header. Errors name the URL and status, never the
 * key; 408, 429 and 5xx are retryable, other 4xx are not (a 403 means the key is wrong).
 */
final class Intake implements AutoCloseable {
    static final String API_KEY_HEADER = "DD-API-KEY";
    private final HttpClient client;
    private final String apiKey;
    private final String userAgent;

    Intake(String apiKey, String version) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.apiKey = apiKey;
        this.userAgent = "ottl4j-collector/" + version + " (datadog exporter)";
    }

    String userAgent() {
        return userAgent;
    }

    /** POSTs {@code body}; returns the response body. */
    byte[] post(String url, Map<String, String> headers, byte[] body, Duration timeout) throws SendException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url)).header(API_KEY_HEADER, apiKey).header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(rb::header);
        return send(rb, url, timeout);
    }

    byte[] get(String url, Duration timeout) throws SendException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url)).header(API_KEY_HEADER, apiKey).header("User-Agent", userAgent).GET();
        return send(rb, url, timeout);
    }

    /** The status of a GET (for the key check); -1 when the request failed. */
    int status(String url, Duration timeout) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url)).header(API_KEY_HEADER, apiKey).header("User-Agent", userAgent).GET();
        if (!timeout.isZero()) {
            rb.timeout(timeout);
        }
        try {
            return client.send(rb.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private byte[] send(HttpRequest.Builder rb, String url, Duration timeout) throws SendException {
        if (!timeout.isZero()) {
            rb.timeout(timeout);
        }
        HttpResponse<byte[]> resp;
        try {
            resp = client.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SendException("failed to send to " + url + ": " + e.getMessage(), true, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException("interrupted", false, null, e);
        }
        int status = resp.statusCode();
        if (status >= 200 && status < 300) {
            return resp.body();
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        Duration after = null;
        String ra = resp.headers().firstValue("Retry-After").orElse("");
        if (retryable && !ra.isBlank()) {
            try {
                after = Duration.ofSeconds(Long.parseLong(ra.trim()));
            } catch (NumberFormatException ignored) {
                // an HTTP date: fall back to the exponential back-off
            }
        }
        throw new SendException("request to " + url + " responded with HTTP Status Code " + status, retryable, after, null);
    }

    static byte[] gzip(byte[] in, int level) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(in.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bos) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bos.toByteArray();
    }

    /** zlib (Content-Encoding: deflate), what the agent's serializer uses for series and sketches. */
    static byte[] deflate(byte[] in) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(in.length / 4 + 64);
        try (DeflaterOutputStream d = new DeflaterOutputStream(bos)) {
            d.write(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bos.toByteArray();
    }

    @Override
    public void close() {
        client.close();
    }
}

package io.ottl4j.collector.extension.oauth2client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Client-credentials tokens with a cache. As Go's {@code clientcredentials} (auth style auto-detect), the
 * client credentials go in an HTTP Basic header first; if the server rejects that, in the form body.
 */
final class TokenSource implements AutoCloseable {
    private final OAuth2ClientExtensionFactory.Config config;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant expiry = Instant.MIN;
    private boolean credentialsInBody;

    TokenSource(OAuth2ClientExtensionFactory.Config config, HttpClient http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    synchronized String token() throws IOException {
        Instant now = clock.instant();
        if (token != null && (expiry == null || now.isBefore(expiry.minus(config.expiryBuffer())))) {
            return token;
        }
        HttpResponse<byte[]> resp = request(credentialsInBody);
        if (!credentialsInBody && (resp.statusCode() == 400 || resp.statusCode() == 401)) {
            HttpResponse<byte[]> retry = request(true);
            if (retry.statusCode() / 100 == 2) {
                credentialsInBody = true;
            }
            resp = retry;
        }
        if (resp.statusCode() / 100 != 2) {
            throw new IOException("oauth2: cannot fetch token: " + resp.statusCode() + " " + new String(resp.body(), StandardCharsets.UTF_8).strip());
        }
        parse(resp.body(), now);
        return token;
    }

    private HttpResponse<byte[]> request(boolean inBody) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (!config.scopes().isEmpty()) {
            form.put("scope", String.join(" ", config.scopes()));
        }
        config.endpointParams().forEach(form::putIfAbsent);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (inBody) {
            form.put("client_id", config.id());
            form.put("client_secret", config.secret());
        } else {
            String user = URLEncoder.encode(config.id(), StandardCharsets.UTF_8) + ":" + URLEncoder.encode(config.secret(), StandardCharsets.UTF_8);
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        if (!config.timeout().isZero()) {
            b.timeout(config.timeout());
        }
        try {
            return http.send(b.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching an oauth2 token", e);
        }
    }

    private void parse(byte[] body, Instant now) throws IOException {
        String access = null;
        long expiresIn = 0;
        try (JsonParser p = new JsonFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("oauth2: token response is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "access_token" -> access = p.getValueAsString();
                    case "expires_in" -> expiresIn = p.getValueAsLong(0);
                    default -> p.skipChildren();
                }
            }
        }
        if (access == null || access.isEmpty()) {
            throw new IOException("oauth2: server response missing access_token");
        }
        token = access;
        expiry = expiresIn > 0 ? now.plusSeconds(expiresIn) : null; // no expires_in: valid until rejected
    }

    @Override
    public void close() {
        http.close();
    }
}

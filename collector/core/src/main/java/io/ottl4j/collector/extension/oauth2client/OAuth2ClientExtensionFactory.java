package io.ottl4j.collector.extension.oauth2client;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExtensionFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.extension.auth.ClientAuthenticator;
import io.ottl4j.collector.internal.tls.TlsConfig;
import io.ottl4j.pdata.Signal;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code oauth2client} extension: the OAuth2 client-credentials grant against {@code token_url}; the
 * access token is cached until {@code expiry_buffer} before it expires and sent as
 * {@code Authorization: Bearer <token>}.
 */
public final class OAuth2ClientExtensionFactory implements ExtensionFactory<OAuth2ClientExtensionFactory.Config> {
    public record Config(String clientId, String clientIdFile, String clientSecret, String clientSecretFile, String tokenUrl,
            List<String> scopes, Map<String, String> endpointParams, Duration timeout, Duration expiryBuffer, TlsConfig tls) {
        String id() throws IOException {
            return clientIdFile.isEmpty() ? clientId : Files.readString(Path.of(clientIdFile), StandardCharsets.UTF_8).strip();
        }

        String secret() throws IOException {
            return clientSecretFile.isEmpty() ? clientSecret : Files.readString(Path.of(clientSecretFile), StandardCharsets.UTF_8).strip();
        }
    }

    @Override
    public String type() {
        return "oauth2client";
    }

    @Override
    public List<String> aliases() {
        return List.of("oauth2_client");
    }

    @Override
    public String description() {
        return "OAuth2 client-credentials tokens for exporters";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA);
    }

    @Override
    public Config decode(Conf c) {
        String id = c.string("client_id", "");
        String idFile = c.string("client_id_file", "");
        String secret = c.string("client_secret", "");
        String secretFile = c.string("client_secret_file", "");
        String url = c.string("token_url", "");
        if (id.isEmpty() && idFile.isEmpty()) {
            c.error("client_id", "no ClientID provided in the OAuth2 exporter configuration");
        }
        if (secret.isEmpty() && secretFile.isEmpty()) {
            c.error("client_secret", "no ClientSecret provided in the OAuth2 exporter configuration");
        }
        if (url.isEmpty()) {
            c.error("token_url", "no TokenURL provided in OAuth Client Credentials configuration");
        } else if (!url.startsWith("http://") && !url.startsWith("https://")) {
            c.error("token_url", "invalid token_url \"" + url + "\": must be an http:// or https:// URL");
        }
        List<String> scopes = c.strings("scopes", List.of());
        Map<String, String> params = new LinkedHashMap<>();
        Conf p = c.child("endpoint_params");
        for (String k : p.keys()) {
            // url.Values in Go: a value may be a list; the first one is sent for each repetition
            for (String v : p.strings(k, List.of())) {
                params.merge(k, v, (a, b) -> a);
            }
        }
        Duration timeout = c.duration("timeout", Duration.ZERO);
        Duration buffer = c.duration("expiry_buffer", Duration.ofMinutes(5));
        TlsConfig tls = TlsConfig.decodeClient(c);
        return new Config(id, idFile, secret, secretFile, url, scopes, params, timeout, buffer, tls);
    }

    @Override
    public Component create(CreateSettings settings, Config config) throws Exception {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10));
        if (config.tls() != null) {
            b.sslContext(config.tls().clientContext()).sslParameters(config.tls().clientParameters());
        }
        return new Authenticator(new TokenSource(config, b.build(), Clock.systemUTC()));
    }

    static final class Authenticator implements Component, ClientAuthenticator {
        private final TokenSource tokens;

        Authenticator(TokenSource tokens) {
            this.tokens = tokens;
        }

        @Override
        public void start(Host host) {
        }

        @Override
        public void apply(Map<String, String> headers, ClientInfo client) throws IOException {
            headers.put("Authorization", "Bearer " + tokens.token());
        }

        @Override
        public void shutdown() {
            tokens.close();
        }
    }
}

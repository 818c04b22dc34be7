package io.ottl4j.collector.extension.bearertokenauth;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExtensionFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.extension.auth.ClientAuthenticator;
import io.ottl4j.collector.extension.auth.ServerAuthenticator;
import io.ottl4j.pdata.Signal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code bearertokenauth} extension: as a client it sends {@code <header>: <scheme> <token>}; as a server
 * it accepts a request whose header carries one of the configured tokens. {@code filename} is re-read when the
 * file changes (upstream watches it), so rotated tokens apply without a restart.
 */
public final class BearerTokenAuthExtensionFactory implements ExtensionFactory<BearerTokenAuthExtensionFactory.Config> {
    public record Config(String header, String scheme, List<String> tokens, String filename) {
    }

    @Override
    public String type() {
        return "bearertokenauth";
    }

    @Override
    public List<String> aliases() {
        return List.of("bearer_token_auth");
    }

    @Override
    public String description() {
        return "bearer token authentication for OTLP clients and servers";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA);
    }

    @Override
    public Config decode(Conf c) {
        String header = c.string("header", "Authorization");
        String scheme = c.string("scheme", "Bearer");
        String token = c.string("token", "");
        List<String> tokens = c.strings("tokens", List.of());
        String filename = c.string("filename", "");
        if (!token.isEmpty() && !tokens.isEmpty()) {
            c.error("tokens", "either a single token or multiple tokens should be specified, not both");
        }
        if (!filename.isEmpty() && (!token.isEmpty() || !tokens.isEmpty())) {
            c.error("filename", "either tokens or filename should be specified, not both");
        }
        if (token.isEmpty() && tokens.isEmpty() && filename.isEmpty()) {
            c.error("token", "a bearer token is needed: set token, tokens or filename");
        }
        return new Config(header, scheme, token.isEmpty() ? List.copyOf(tokens) : List.of(token), filename);
    }

    @Override
    public Component create(CreateSettings settings, Config config) {
        return new Authenticator(config);
    }

    static final class Authenticator implements Component, ClientAuthenticator, ServerAuthenticator {
        private final Config config;
        private long fileStamp = Long.MIN_VALUE;
        private List<String> fileTokens = List.of();

        Authenticator(Config config) {
            this.config = config;
        }

        private synchronized List<String> tokens() throws IOException {
            if (config.filename().isEmpty()) {
                return config.tokens();
            }
            Path p = Path.of(config.filename());
            long stamp = Files.getLastModifiedTime(p).toMillis() ^ Files.size(p);
            if (stamp != fileStamp) {
                // one token per line; surrounding whitespace (a trailing newline) is not part of it
                fileTokens = Files.readAllLines(p, StandardCharsets.UTF_8).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
                fileStamp = stamp;
            }
            return fileTokens;
        }

        private String value(String token) {
            return config.scheme().isEmpty() ? token : config.scheme() + " " + token;
        }

        @Override
        public void start(io.ottl4j.collector.component.Host host) throws IOException {
            if (tokens().isEmpty()) {
                throw new IOException("bearertokenauth: no token in " + config.filename());
            }
        }

        @Override
        public void apply(Map<String, String> headers, ClientInfo client) throws IOException {
            List<String> t = tokens();
            if (t.isEmpty()) {
                throw new IOException("bearertokenauth: no token available");
            }
            headers.put(config.header(), value(t.get(0)));
        }

        @Override
        public void authenticate(Map<String, List<String>> headers) throws AuthenticationException {
            List<String> got = headers.getOrDefault(config.header().toLowerCase(Locale.ROOT), List.of());
            if (got.isEmpty()) {
                throw new AuthenticationException("missing or empty authorization header: " + config.header());
            }
            List<String> tokens;
            try {
                tokens = tokens();
            } catch (IOException e) {
                throw new AuthenticationException("authentication didn't succeed");
            }
            byte[] presented = got.get(0).getBytes(StandardCharsets.UTF_8);
            for (String t : tokens) {
                // constant-time comparison, as upstream
                if (MessageDigest.isEqual(presented, value(t).getBytes(StandardCharsets.UTF_8))) {
                    return;
                }
            }
            throw new AuthenticationException("authentication didn't succeed");
        }
    }
}

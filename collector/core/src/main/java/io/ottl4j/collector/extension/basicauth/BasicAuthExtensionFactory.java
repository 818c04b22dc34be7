package io.ottl4j.collector.extension.basicauth;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExtensionFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.extension.auth.ClientAuthenticator;
import io.ottl4j.collector.extension.auth.ServerAuthenticator;
import io.ottl4j.pdata.Signal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The {@code basicauth} extension: {@code client_auth} sends HTTP Basic credentials; {@code htpasswd} (a file
 * and/or inline lines) checks them on receivers. Password forms: bcrypt ({@code $2a$}, {@code $2b$},
 * {@code $2y$}), {@code {SHA}}, Apache MD5 ({@code $apr1$}) and plain text, as go-htpasswd reads them.
 */
public final class BasicAuthExtensionFactory implements ExtensionFactory<BasicAuthExtensionFactory.Config> {
    /** {@code username} is null without {@code client_auth}; {@code htpasswd} lines (file lines read at start). */
    public record Config(String username, String password, String htpasswdFile, String htpasswdInline) {
    }

    @Override
    public String type() {
        return "basicauth";
    }

    @Override
    public List<String> aliases() {
        return List.of("basic_auth");
    }

    @Override
    public String description() {
        return "HTTP Basic authentication for OTLP clients and servers";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA);
    }

    @Override
    public Config decode(Conf c) {
        String user = null;
        String password = null;
        if (c.has("client_auth")) {
            Conf ca = c.child("client_auth");
            user = ca.string("username", "");
            password = ca.string("password", "");
            ca.finish();
        }
        Conf h = c.child("htpasswd");
        String file = h.string("file", "");
        String inline = h.string("inline", "");
        h.finish();
        boolean server = !file.isEmpty() || !inline.isEmpty();
        if (user != null && server) {
            c.error("client_auth", "either client_auth or htpasswd must be specified, not both");
        } else if (user == null && !server) {
            c.error("htpasswd", "at least one of htpasswd (file or inline) or client_auth must be specified");
        }
        return new Config(user, password, file, inline);
    }

    @Override
    public Component create(CreateSettings settings, Config config) {
        return new Authenticator(config);
    }

    static final class Authenticator implements Component, ClientAuthenticator, ServerAuthenticator {
        private final Config config;
        private volatile Htpasswd users = new Htpasswd(List.of());

        Authenticator(Config config) {
            this.config = config;
        }

        @Override
        public void start(Host host) throws IOException {
            List<String> lines = new java.util.ArrayList<>();
            if (!config.htpasswdFile().isEmpty()) {
                lines.addAll(Files.readAllLines(Path.of(config.htpasswdFile()), StandardCharsets.UTF_8));
            }
            lines.addAll(config.htpasswdInline().lines().toList()); // inline entries come after (and win over) the file's
            users = new Htpasswd(lines);
        }

        @Override
        public void apply(Map<String, String> headers, ClientInfo client) throws IOException {
            if (config.username() == null) {
                throw new IOException("basicauth: no client_auth configured");
            }
            String raw = config.username() + ":" + config.password();
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void authenticate(Map<String, List<String>> headers) throws AuthenticationException {
            List<String> auth = headers.getOrDefault("authorization", List.of());
            if (auth.isEmpty()) {
                throw new AuthenticationException("no auth provided");
            }
            String v = auth.get(0);
            if (!v.regionMatches(true, 0, "Basic ", 0, 6)) {
                throw new AuthenticationException("invalid authorization header format");
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(v.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new AuthenticationException("invalid authorization header format");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0 || !users.matches(decoded.substring(0, colon), decoded.substring(colon + 1))) {
                throw new AuthenticationException("the provided credentials are invalid");
            }
        }
    }
}

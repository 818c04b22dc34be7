package io.ottl4j.collector.extension.auth;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exporter's client authentication: resolved when the exporter starts (extensions start first), applied
 * to the headers of every request. {@link #wrap} adds the resolution to an exporter's start.
 */
public final class ClientAuth {
    private final ComponentId id;
    private volatile ClientAuthenticator authenticator;

    private ClientAuth(ComponentId id) {
        this.id = id;
    }

    /** Null when the exporter has no {@code auth}. */
    public static ClientAuth of(ComponentId id) {
        return id == null ? null : new ClientAuth(id);
    }

    /** The headers to send: the configured ones edited by the authenticator ({@code auth} may be null). */
    public static Map<String, String> headers(ClientAuth auth, Map<String, String> configured) throws IOException {
        if (auth == null) {
            return configured;
        }
        ClientAuthenticator a = auth.authenticator;
        if (a == null) {
            throw new IOException("authenticator " + auth.id + " is not resolved: the exporter has not started");
        }
        Map<String, String> h = new LinkedHashMap<>(configured);
        a.apply(h, ClientInfo.current());
        return h;
    }

    /** An exporter that resolves {@code auth} (may be null: returned as it is) before starting. */
    public static ExporterFactory.Exporter wrap(ClientAuth auth, ExporterFactory.Exporter exporter) {
        if (auth == null) {
            return exporter;
        }
        return new ExporterFactory.Exporter() {
            @Override
            public void start(Host host) throws Exception {
                auth.authenticator = AuthSettings.client(host, auth.id);
                exporter.start(host);
            }

            @Override
            public void shutdown() throws Exception {
                exporter.shutdown();
            }

            @Override
            public void consume(TelemetryBatch<?> batch) throws Exception {
                exporter.consume(batch);
            }

            @Override
            public boolean mutatesData() {
                return exporter.mutatesData();
            }
        };
    }
}

package io.ottl4j.collector.exporter.loadbalancing;

import io.ottl4j.collector.exporter.internal.ExporterHelper;
import io.ottl4j.collector.exporter.otlp.OtlpGrpcExporterFactory;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ring and one OTLP client per backend, swapped as a whole when the resolver announces a new list. Sending
 * happens behind the exporter's one queue ({@link LoadBalancingExporterFactory}): a batch is split on the ring
 * current at the moment of each attempt, parts that a backend refused stay in the batch and are split again on
 * the next attempt, so a change of backends re-routes data in flight instead of stranding it in a removed
 * backend's queue (upstream's newer "central queue" design).
 */
final class Backends implements Consumer<List<String>> {
    /** Makes the client of one backend. */
    interface ClientFactory {
        Client create(String endpoint) throws Exception;
    }

    /** One backend's connection. */
    interface Client {
        void send(TelemetryBatch<?> batch, Duration timeout) throws ExporterHelper.SendException;

        void close() throws Exception;
    }

    private record State(HashRing ring, Map<String, Client> clients) {
    }

    private final ClientFactory factory;
    private final Router router;
    private final Logger log;
    private final ResolverStats stats;
    private final String resolverName;
    private volatile State state = new State(HashRing.of(List.of()), Map.of());

    Backends(ClientFactory factory, Router router, Logger log, ResolverStats stats, String resolverName) {
        this.factory = factory;
        this.router = router;
        this.log = log;
        this.stats = stats;
        this.resolverName = resolverName;
    }

    /** Backends made from the template; {@code auth} (may be null) is the template's authenticator, resolved at start. */
    static ClientFactory otlp(OtlpGrpcExporterFactory.Config template, Signal signal, io.ottl4j.collector.extension.auth.ClientAuth auth) {
        return endpoint -> {
            OtlpGrpcExporterFactory.Config c = new OtlpGrpcExporterFactory.Config(endpoint, template.insecure(), template.compression(),
                    template.headers(), template.helper(), template.tls(), template.auth(), template.userAgent());
            OtlpGrpcExporterFactory.Client client = new OtlpGrpcExporterFactory.Client(c, signal, auth);
            client.connect();
            return new Client() {
                @Override
                public void send(TelemetryBatch<?> batch, Duration timeout) throws ExporterHelper.SendException {
                    client.send(batch, timeout);
                }

                @Override
                public void close() throws InterruptedException {
                    client.close();
                }
            };
        };
    }

    /** A new endpoint list from the resolver. */
    @Override
    public synchronized void accept(List<String> endpoints) {
        State old = state;
        Map<String, Client> next = new LinkedHashMap<>();
        for (String e : endpoints) {
            Client c = old.clients().get(e);
            if (c == null) {
                try {
                    c = factory.create(e);
                } catch (Exception ex) {
                    log.log(Level.WARNING, "cannot create the exporter for backend " + e + ": " + ex.getMessage());
                    continue;
                }
            }
            next.put(e, c);
        }
        state = new State(HashRing.of(List.copyOf(next.keySet())), java.util.Collections.unmodifiableMap(next));
        stats.backendsUpdated(resolverName, next.size());
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, Client> e : old.clients().entrySet()) {
            if (!next.containsKey(e.getKey())) {
                removed.add(e.getKey());
                closeQuietly(e.getValue());
            }
        }
        log.info("backends updated: " + next.keySet() + (removed.isEmpty() ? "" : " (removed " + removed + ")"));
    }

    /** One attempt at the whole batch; what fails stays in {@code batch} for the next attempt. */
    void send(TelemetryBatch<?> batch, Duration timeout) throws ExporterHelper.SendException {
        State s = state;
        if (s.ring().isEmpty()) {
            throw new ExporterHelper.SendException("no backends are available (the " + resolverName + " resolver has found none yet)", true,
                    null, null);
        }
        Map<String, TelemetryBatch<?>> parts = router.split(batch, s.ring());
        List<TelemetryBatch<?>> failed = new ArrayList<>();
        ExporterHelper.SendException first = null;
        boolean retryable = false;
        for (Map.Entry<String, TelemetryBatch<?>> part : parts.entrySet()) {
            long t0 = System.nanoTime();
            try {
                s.clients().get(part.getKey()).send(part.getValue(), timeout);
                stats.sent(part.getKey(), true, (System.nanoTime() - t0) / 1e6);
            } catch (ExporterHelper.SendException e) {
                stats.sent(part.getKey(), false, (System.nanoTime() - t0) / 1e6);
                failed.add(part.getValue());
                retryable |= e.retryable();
                if (first == null) {
                    first = new ExporterHelper.SendException("backend " + part.getKey() + ": " + e.getMessage(), e.retryable(), e.retryAfter(), e);
                }
            } catch (RuntimeException e) {
                // e.g. a client closed by a concurrent backend update: the part goes round again on the new ring
                stats.sent(part.getKey(), false, (System.nanoTime() - t0) / 1e6);
                failed.add(part.getValue());
                retryable = true;
                if (first == null) {
                    first = new ExporterHelper.SendException("backend " + part.getKey() + ": " + e, true, null, e);
                }
            }
        }
        if (first != null) {
            keepOnly(batch, failed);
            throw new ExporterHelper.SendException(failed.size() + " of " + parts.size() + " backend(s) failed; first: " + first.getMessage(),
                    retryable, first.retryAfter(), first);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void keepOnly(TelemetryBatch<?> batch, List<TelemetryBatch<?>> failed) {
        List resources = batch.resources();
        resources.clear();
        for (TelemetryBatch<?> f : failed) {
            resources.addAll(f.resources());
        }
    }

    synchronized void closeAll() {
        for (Client c : state.clients().values()) {
            closeQuietly(c);
        }
        state = new State(HashRing.of(List.of()), Map.of());
    }

    private void closeQuietly(Client c) {
        try {
            c.close();
        } catch (Exception e) {
            log.log(Level.FINE, "closing a backend client", e);
        }
    }

    /** The endpoints in use (tests, diagnostics). */
    List<String> endpoints() {
        return List.copyOf(state.clients().keySet());
    }

    HashRing ring() {
        return state.ring();
    }
}

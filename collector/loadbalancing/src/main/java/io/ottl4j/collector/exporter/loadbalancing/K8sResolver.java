package io.ottl4j.collector.exporter.loadbalancing;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code resolver.k8s}: the ready endpoints of a Kubernetes service, watched through its EndpointSlices (an
 * informer, not polling). An endpoint whose condition says it is terminating, or not ready, gets no new data: a
 * pod that is shutting down drains what it has while the ring already sends its keys elsewhere. (Upstream reads the
 * older Endpoints object, which lists a terminating pod until it is gone.) Each address is announced once per
 * configured port, as "ip:port", or "hostname.service.namespace:port" with {@code return_hostnames}.
 */
final class K8sResolver implements Resolver {
    private final Supplier<KubernetesClient> clients;
    private final String service;
    private final String namespaceOrNull;
    private final List<Integer> ports;
    private final Duration timeout;
    private final boolean returnHostnames;
    private final Logger log;
    private final ResolverStats stats;
    private KubernetesClient client;
    private SharedIndexInformer<EndpointSlice> informer;
    private List<String> last;

    K8sResolver(Supplier<KubernetesClient> clients, String service, List<Integer> ports, Duration timeout, boolean returnHostnames, Logger log,
            ResolverStats stats) {
        this.clients = clients;
        int dot = service.indexOf('.');
        this.service = dot < 0 ? service : service.substring(0, dot);
        this.namespaceOrNull = dot < 0 ? null : service.substring(dot + 1);
        this.ports = ports;
        this.timeout = timeout;
        this.returnHostnames = returnHostnames;
        this.log = log;
        this.stats = stats;
    }

    @Override
    public void start(Consumer<List<String>> listener) {
        client = clients.get();
        String namespace = namespaceOrNull != null ? namespaceOrNull : Objects.requireNonNullElse(client.getNamespace(), "default");
        informer = client.discovery().v1().endpointSlices().inNamespace(namespace).withLabel("kubernetes.io/service-name", service)
                .runnableInformer(0);
        informer.addEventHandler(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(EndpointSlice obj) {
                        update(listener, namespace);
                    }

                    @Override
                    public void onUpdate(EndpointSlice oldObj, EndpointSlice newObj) {
                        update(listener, namespace);
                    }

                    @Override
                    public void onDelete(EndpointSlice obj, boolean deletedFinalStateUnknown) {
                        update(listener, namespace);
                    }
                });
        try {
            // the first list before data flows, bounded by the timeout; later lists come from the watch
            informer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            stats.resolution(name(), false);
            log.log(Level.WARNING, "the endpoints of service " + service + "." + namespace + " are not known yet (" + e
                    + "); the informer keeps retrying and the exporter refuses data (retryably) until it has backends");
        }
    }

    private synchronized void update(Consumer<List<String>> listener, String namespace) {
        try {
            TreeSet<String> endpoints = new TreeSet<>();
            for (EndpointSlice slice : informer.getStore().list()) {
                for (Endpoint e : slice.getEndpoints() == null ? List.<Endpoint>of() : slice.getEndpoints()) {
                    if (!receivesNewData(e.getConditions())) {
                        continue;
                    }
                    List<String> hosts = new ArrayList<>();
                    if (returnHostnames && e.getHostname() != null && !e.getHostname().isEmpty()) {
                        hosts.add(e.getHostname() + "." + service + "." + namespace);
                    } else if (e.getAddresses() != null) {
                        for (String a : e.getAddresses()) {
                            hosts.add(a.contains(":") ? "[" + a + "]" : a);
                        }
                    }
                    for (String h : hosts) {
                        for (int port : ports) {
                            endpoints.add(h + ":" + port);
                        }
                    }
                }
            }
            List<String> now = List.copyOf(endpoints);
            stats.resolution(name(), true);
            if (!now.equals(last)) {
                last = now;
                listener.accept(now);
            }
        } catch (Throwable t) {
            stats.resolution(name(), false);
            log.log(Level.WARNING, "reading the endpoints of service " + service + " failed: " + t);
        }
    }

    /** Ready and not terminating; a condition the API server leaves out counts as ready (as the API defines it). */
    static boolean receivesNewData(EndpointConditions c) {
        if (c == null) {
            return true;
        }
        return !Boolean.FALSE.equals(c.getReady()) && !Boolean.TRUE.equals(c.getTerminating());
    }

    @Override
    public void shutdown() {
        if (informer != null) {
            informer.close();
        }
        if (client != null) {
            client.close();
        }
    }

    @Override
    public String name() {
        return "k8s";
    }
}

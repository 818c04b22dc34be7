package io.ottl4j.collector.exporter.loadbalancing;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/** {@code resolver.static.hostnames}: a fixed list, announced once. */
final class StaticResolver implements Resolver {
    private final List<String> endpoints;

    StaticResolver(List<String> hostnames) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String h : hostnames) {
            sorted.add(Resolver.withDefaultPort(h));
        }
        this.endpoints = List.copyOf(sorted);
    }

    @Override
    public void start(Consumer<List<String>> listener) {
        listener.accept(endpoints);
    }

    @Override
    public void shutdown() {
    }

    @Override
    public String name() {
        return "static";
    }
}

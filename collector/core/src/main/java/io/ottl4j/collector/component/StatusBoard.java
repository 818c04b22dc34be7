package io.ottl4j.collector.component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest {@link ComponentStatus} of every component of one collector, as reported by the components
 * themselves (e.g. a worker that met an error it cannot survive). Thread-safe; read by health_check.
 */
public final class StatusBoard {
    /** One component's latest report. */
    public record Event(ComponentStatus status, String error, Instant at) {
    }

    private final Map<String, Event> byComponent = new ConcurrentHashMap<>();

    /** Records {@code status} for the component {@code kind/id}; {@code error} may be null. */
    public void report(Kind kind, ComponentId id, ComponentStatus status, Throwable error) {
        String why = error == null ? null : error.getMessage() == null ? error.getClass().getName() : error.getClass().getSimpleName() + ": " + error.getMessage();
        Event previous = byComponent.get(key(kind, id));
        // a permanent or fatal error sticks: only a restart clears it, as upstream
        if (previous != null && previous.status().unhealthy() && !status.unhealthy()) {
            return;
        }
        byComponent.put(key(kind, id), new Event(status, why, Instant.now()));
    }

    /** The components that cannot go on, with their reports, in no particular order. */
    public Map<String, Event> unhealthy() {
        Map<String, Event> out = new LinkedHashMap<>();
        byComponent.forEach((k, e) -> {
            if (e.status().unhealthy()) {
                out.put(k, e);
            }
        });
        return out;
    }

    public Map<String, Event> all() {
        return Map.copyOf(byComponent);
    }

    private static String key(Kind kind, ComponentId id) {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}

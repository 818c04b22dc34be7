package io.ottl4j.collector.processor.k8sattributes.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Whether the informers can reach the Kubernetes API, judged from what they do rather than from the errors
 * they report: fabric8 re-opens a cut watch by itself and tells the informer's exception handler nothing while
 * it keeps failing, so an informer that stays without a watch is the only reliable sign of an outage. One
 * warning when the API becomes unreachable, one line when every informer watches again, and the same two
 * transitions to a {@link Listener} (the component status).
 *
 * <p>An informer that has not watched yet counts as down only once a list or watch failed (the first sync of a
 * large cluster may take a while); one that watched before counts as down when it failed or has been without a
 * watch for longer than the grace (a routine watch restart takes milliseconds).
 *
 * <p>An informer that still claims a live watch after an outage of the others is suspect: when the connection
 * drops while an event is being delivered, fabric8's JDK WebSocket can miss the close and the watch then looks
 * open while nothing arrives (until fabric8's own 5 to 10 minute watch restart). On recovery such informers are
 * named to {@code suspects}, which re-lists them.
 */
public final class ApiHealth {
    /** Told of each transition; called with the health's lock held, so it must not block. */
    public interface Listener {
        void unreachable(String why);

        void reachable();

        Listener NONE = new Listener() {
            @Override
            public void unreachable(String why) {
            }

            @Override
            public void reachable() {
            }
        };
    }

    private static final class Informer {
        final BooleanSupplier watching;
        boolean everWatched;
        /** Lost its watch (or failed) during the current outage. */
        boolean lostInOutage;
        long unwatchedSince = -1;
        Throwable failure;

        Informer(BooleanSupplier watching) {
            this.watching = watching;
        }
    }

    private final Logger log;
    private final LongSupplier nanos;
    private final long graceNanos;
    private final Listener listener;
    private final Consumer<String> suspects;
    private final Map<String, Informer> informers = new LinkedHashMap<>();
    private boolean reachable = true;
    private long outageSince;

    public ApiHealth(Logger log, LongSupplier nanos, Duration grace, Listener listener, Consumer<String> suspects) {
        this.log = log;
        this.suspects = suspects;
        this.nanos = nanos;
        this.graceNanos = grace.toNanos();
        this.listener = listener;
    }

    /** Follows the informer named {@code what}; {@code watching} tells whether it has a live watch now. */
    public synchronized void track(String what, BooleanSupplier watching) {
        informers.put(what, new Informer(watching));
    }

    /** A list or watch of {@code what} failed (the informer retries): counts as down at once. */
    public synchronized void failed(String what, Throwable t) {
        Informer i = informers.get(what);
        if (i != null) {
            i.failure = t;
        }
        check();
    }

    /** Whether every informer that ever failed or lost its watch has a watch again. */
    public synchronized boolean reachable() {
        return reachable;
    }

    /** Looks at every informer and logs and reports a transition; run periodically. */
    public synchronized void check() {
        long now = nanos.getAsLong();
        List<String> down = new ArrayList<>();
        boolean allWatching = true;
        Throwable last = null;
        for (Map.Entry<String, Informer> e : informers.entrySet()) {
            Informer i = e.getValue();
            boolean watching;
            try {
                watching = i.watching.getAsBoolean();
            } catch (RuntimeException ex) {
                watching = false; // the client's state is being torn down: not watching
            }
            if (watching) {
                i.everWatched = true;
                i.unwatchedSince = -1;
                i.failure = null;
                continue;
            }
            allWatching = false;
            i.lostInOutage = true;
            if (i.unwatchedSince < 0) {
                i.unwatchedSince = now;
            }
            if (i.failure != null || (i.everWatched && now - i.unwatchedSince >= graceNanos)) {
                down.add(e.getKey());
                last = i.failure != null ? i.failure : last;
            }
        }
        if (reachable && !down.isEmpty()) {
            reachable = false;
            outageSince = now;
            informers.values().forEach(i -> i.lostInOutage = i.failure != null || i.unwatchedSince >= 0);
            String why = "not watching " + String.join(", ", down) + (last == null ? "" : " (" + describe(last) + ")");
            // status first: whoever reads the log line finds the status already reported
            listener.unreachable(why);
            log.warning("Kubernetes API unreachable: " + why + "; pod metadata may be missing or stale until it answers again, retrying");
        } else if (!reachable && allWatching) {
            reachable = true;
            listener.reachable();
            log.info("Kubernetes API reachable again after " + Duration.ofNanos(now - outageSince).toSeconds() + " s: watching "
                    + String.join(", ", informers.keySet()));
            informers.forEach((what, i) -> {
                if (!i.lostInOutage) {
                    suspects.accept(what);
                }
                i.lostInOutage = false;
            });
        }
    }

    /** The error's message and its root cause, which is what tells a refused connection from a bad token. */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        if (root == t) {
            return top;
        }
        return top + ": " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}

package io.ottl4j.collector.exporter.loadbalancing;

import java.net.InetAddress;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code resolver.dns}: resolves {@code hostname} to all its addresses every {@code interval} (each lookup bounded
 * by {@code timeout}) and announces "address:port" for each, sorted, when the set changes. A failed or timed-out
 * lookup keeps the last good list, as upstream does.
 */
final class DnsResolver implements Resolver {
    /** The lookup, replaceable in tests (a name served by no DNS server here). */
    interface Lookup {
        InetAddress[] all(String host) throws Exception;
    }

    private final String hostname;
    private final String port;
    private final Duration interval;
    private final Duration timeout;
    private final Lookup lookup;
    private final Logger log;
    private final ResolverStats stats;
    private ScheduledExecutorService timer;
    private List<String> last;

    DnsResolver(String hostname, String port, Duration interval, Duration timeout, Lookup lookup, Logger log, ResolverStats stats) {
        this.hostname = hostname;
        this.port = port;
        this.interval = interval;
        this.timeout = timeout;
        this.lookup = lookup;
        this.log = log;
        this.stats = stats;
    }

    @Override
    public void start(Consumer<List<String>> listener) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load_balancing-dns-" + hostname);
            t.setDaemon(true);
            return t;
        });
        resolve(listener); // the first list before data flows, as upstream's Start does
        timer.scheduleWithFixedDelay(() -> resolve(listener), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One resolution; never throws (the timer must survive anything). */
    void resolve(Consumer<List<String>> listener) {
        try {
            InetAddress[] addresses = CompletableFuture.supplyAsync(() -> {
                try {
                    return lookup.all(hostname);
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
                }
            }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            TreeSet<String> sorted = new TreeSet<>();
            for (InetAddress a : addresses) {
                sorted.add((a instanceof Inet6Address ? "[" + goIpv6(a.getAddress()) + "]" : a.getHostAddress()) + ":" + port);
            }
            List<String> endpoints = new ArrayList<>(sorted);
            stats.resolution(name(), true);
            if (!Objects.equals(endpoints, last)) {
                last = endpoints;
                listener.accept(List.copyOf(endpoints));
            }
        } catch (Throwable t) {
            stats.resolution(name(), false);
            log.log(Level.WARNING, "DNS resolution of \"" + hostname + "\" failed, keeping " + (last == null ? "no backends" : last.size() + " backend(s)")
                    + ": " + (t.getCause() != null ? t.getCause().getMessage() : t));
        }
    }

    /**
     * An IPv6 address as Go's {@code net.IP.String} writes it (RFC 5952: lower-case hex, the longest run of two or
     * more zero groups as "::", the first of equal runs): the endpoint string is hashed onto the ring, so it must be
     * the one upstream's resolver builds.
     */
    static String goIpv6(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8;) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!b.isEmpty() && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }

    @Override
    public void shutdown() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public String name() {
        return "dns";
    }
}

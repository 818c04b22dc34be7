package io.ottl4j.collector.exporter.loadbalancing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.metrics.MeterProvider;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Resolutions driven one by one (no timer), with a lookup the test answers. */
class DnsResolverTest {
    private final AtomicReference<Object> answer = new AtomicReference<>();

    private DnsResolver resolver(Duration timeout) {
        return new DnsResolver("gateways.test", "4317", Duration.ofHours(1), timeout, host -> {
            Object a = answer.get();
            if (a instanceof Exception e) {
                throw e;
            }
            if (a instanceof CountDownLatch never) {
                never.await();
            }
            return (InetAddress[]) a;
        }, log, new ResolverStats(MeterProvider.noop().get("test")));
    }

    /** What the resolver logs: captured (and checked where it matters) rather than printed. */
    private final java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Logger log = capturing();

    private Logger capturing() {
        Logger l = Logger.getAnonymousLogger();
        l.setUseParentHandlers(false);
        l.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(r.getLevel() + " " + java.text.MessageFormat.format(r.getMessage(), r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return l;
    }

    private static InetAddress[] ips(String... ips) throws Exception {
        InetAddress[] out = new InetAddress[ips.length];
        for (int i = 0; i < ips.length; i++) {
            out[i] = InetAddress.getByName(ips[i]);
        }
        return out;
    }

    @Test
    void announcesSortedEndpointsOnlyWhenTheSetChanges() throws Exception {
        List<List<String>> announced = new ArrayList<>();
        DnsResolver r = resolver(Duration.ofSeconds(5));
        answer.set(ips("127.0.0.3", "127.0.0.1", "::1"));
        r.resolve(announced::add);
        answer.set(ips("127.0.0.1", "::1", "127.0.0.3"));
        r.resolve(announced::add);
        answer.set(ips("127.0.0.1"));
        r.resolve(announced::add);
        assertThat(announced).containsExactly(List.of("127.0.0.1:4317", "127.0.0.3:4317", "[::1]:4317"), List.of("127.0.0.1:4317"));
    }

    @Test
    void aFailedOrTimedOutLookupKeepsTheLastList() throws Exception {
        List<List<String>> announced = new ArrayList<>();
        DnsResolver r = resolver(Duration.ofSeconds(2)); // the answered lookups must beat it even on a busy machine
        answer.set(ips("127.0.0.1"));
        r.resolve(announced::add);
        answer.set(new java.net.UnknownHostException("gateways.test: no such host"));
        r.resolve(announced::add);
        CountDownLatch never = new CountDownLatch(1);
        answer.set(never); // does not answer: the timeout ends the attempt
        r.resolve(announced::add);
        never.countDown();
        assertThat(announced).containsExactly(List.of("127.0.0.1:4317"));
        assertThat(logged).anyMatch(m -> m.startsWith("WARNING") && m.contains("keeping 1 backend(s)"));
    }

    @Test
    void ipv6AsGoWritesIt() throws Exception {
        assertThat(DnsResolver.goIpv6(InetAddress.getByName("::1").getAddress())).isEqualTo("::1");
        assertThat(DnsResolver.goIpv6(InetAddress.getByName("2001:db8:0:0:1:0:0:1").getAddress())).isEqualTo("2001:db8::1:0:0:1");
        assertThat(DnsResolver.goIpv6(InetAddress.getByName("fe80:0:0:0:0:0:0:0").getAddress())).isEqualTo("fe80::");
        assertThat(DnsResolver.goIpv6(InetAddress.getByName("2001:db8:1:2:3:4:5:6").getAddress())).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(DnsResolver.goIpv6(InetAddress.getByName("2001:0:1:2:3:4:5:0").getAddress())).isEqualTo("2001:0:1:2:3:4:5:0");
    }

    @Test
    void bareHostsGetTheDefaultPort() {
        assertThat(Resolver.withDefaultPort("gw-1")).isEqualTo("gw-1:4317");
        assertThat(Resolver.withDefaultPort("gw-1:5317")).isEqualTo("gw-1:5317");
        assertThat(Resolver.withDefaultPort("[::1]:5317")).isEqualTo("[::1]:5317");
        assertThat(Resolver.withDefaultPort("::1")).isEqualTo("[::1]:4317");
    }
}

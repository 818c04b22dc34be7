package io.ottl4j.collector.exporter.loadbalancing;

import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.exporter.internal.ExporterHelper;
import io.ottl4j.collector.exporter.otlp.OtlpGrpcExporterFactory;
import io.ottl4j.collector.k8s.KubernetesClients;
import io.ottl4j.pdata.Signal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code load_balancing} exporter (alias {@code loadbalancing}): routes each trace (or service, resource, metric,
 * stream, attribute set) to one backend of a consistent-hash ring that matches upstream's, through OTLP/gRPC clients
 * built from the {@code protocol.otlp} template.
 */
public final class LoadBalancingExporterFactory implements ExporterFactory<LoadBalancingExporterFactory.Config> {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LoadBalancingExporterFactory.class.getName());

    /** {@code resolver}: exactly one of static, dns (k8s and aws_cloud_map are named, not built). */
    public sealed interface ResolverConfig {
    }

    public record StaticConfig(List<String> hostnames) implements ResolverConfig {
    }

    public record DnsConfig(String hostname, String port, Duration interval, Duration timeout) implements ResolverConfig {
    }

    public record K8sConfig(String service, List<Integer> ports, Duration timeout, boolean returnHostnames, KubernetesClients.ApiConfig api)
            implements ResolverConfig {
    }

    public record Config(OtlpGrpcExporterFactory.Config otlp, ResolverConfig resolver, String routingKey, List<String> routingAttributes,
            ExporterHelper.Settings helper) {
    }

    private static final OtlpGrpcExporterFactory OTLP = new OtlpGrpcExporterFactory();

    @Override
    public String type() {
        return "load_balancing";
    }

    @Override
    public List<String> aliases() {
        return List.of("loadbalancing");
    }

    @Override
    public String description() {
        return "routes traces, metrics and logs to backends on a consistent-hash ring (trace ID, service, resource, metric, stream)";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.LOGS, Stability.BETA, Signal.METRICS, Stability.DEVELOPMENT);
    }

    @Override
    public Config decode(Conf c) {
        Conf protocol = c.child("protocol");
        Conf otlpConf = protocol.child("otlp");
        if (otlpConf.has("endpoint")) {
            // upstream accepts it and overrides it with each backend's endpoint, as here
            LOG.warning(() -> otlpConf.pathOf("endpoint") + " is ignored: each backend's endpoint comes from the resolver");
        }
        OtlpGrpcExporterFactory.Config otlp = OTLP.decode(otlpConf, false);
        otlpConf.finish();
        protocol.finish();

        Conf r = c.child("resolver");
        ResolverConfig resolver = null;
        Conf dns = r.child("dns");
        Conf stat = r.child("static");
        if (r.has("aws_cloud_map")) {
            r.error("aws_cloud_map", "the aws_cloud_map resolver is not built in this distribution (use static, dns or k8s)");
        }
        if (r.has("k8s")) {
            Conf k = r.child("k8s");
            String service = k.string("service", "");
            if (service.isEmpty()) {
                k.error("service", "the k8s resolver requires a service (name or name.namespace)");
            }
            List<Integer> ports = new java.util.ArrayList<>();
            for (String p : k.strings("ports", List.of("4317"))) {
                try {
                    ports.add(Integer.parseInt(p));
                } catch (NumberFormatException e) {
                    k.error("ports", "not a port number: " + p);
                }
            }
            resolver = new K8sConfig(service, ports, k.duration("timeout", Duration.ofSeconds(1)), k.bool("return_hostnames", false),
                    KubernetesClients.ApiConfig.decode(k));
            k.finish();
        }
        if (r.has("dns") && resolver == null) {
            String hostname = dns.string("hostname", "");
            if (hostname.isEmpty()) {
                dns.error("hostname", "the dns resolver requires a hostname");
            }
            resolver = new DnsConfig(hostname, dns.string("port", "4317"), dns.duration("interval", Duration.ofSeconds(5)),
                    dns.duration("timeout", Duration.ofSeconds(1)));
            dns.finish();
        }
        if (r.has("static")) {
            List<String> hostnames = stat.strings("hostnames", List.of());
            if (hostnames.isEmpty()) {
                stat.error("hostnames", "the static resolver requires at least one hostname");
            }
            if (resolver == null) { // upstream: k8s, then dns take precedence over static
                resolver = new StaticConfig(hostnames);
            }
            stat.finish();
        }
        if (resolver == null && !r.has("k8s") && !r.has("aws_cloud_map")) {
            c.error("resolver", "no resolvers specified for the exporter (one of static, dns, k8s)");
        }
        r.finish();

        String routingKey = c.string("routing_key", "");
        if (!routingKey.isEmpty() && RoutingKey.parse(routingKey) == null) {
            c.error("routing_key", "unsupported routing_key: " + routingKey + " (one of " + RoutingKey.names() + ")");
        }
        List<String> routingAttributes = c.strings("routing_attributes", List.of());
        if ("attributes".equals(routingKey) && routingAttributes.isEmpty()) {
            c.error("routing_attributes", "routing_key attributes requires routing_attributes");
        }
        // One queue in front of the ring: the exporter's own sending_queue / retry_on_failure / timeout, or else
        // those of the protocol.otlp template (where older configs put them).
        boolean own = c.has("sending_queue") || c.has("retry_on_failure") || c.has("timeout");
        ExporterHelper.Settings helper = own ? ExporterHelper.decode(c, Duration.ofSeconds(5)) : otlp.helper();
        return new Config(otlp, resolver, routingKey, routingAttributes, helper);
    }

    @Override
    public Exporter create(CreateSettings settings, Config config, Signal signal) throws Exception {
        RoutingKey key = config.routingKey().isEmpty() ? RoutingKey.defaultFor(signal) : RoutingKey.parse(config.routingKey());
        if (!key.signals.contains(signal)) {
            throw new IllegalArgumentException("routing_key " + key.configName + " does not apply to " + signal.name().toLowerCase(java.util.Locale.ROOT)
                    + " (it routes " + key.signalsText() + ")");
        }
        ResolverStats stats = new ResolverStats(settings.telemetry().meter());
        Resolver resolver = switch (config.resolver()) {
            case StaticConfig s -> new StaticResolver(s.hostnames());
            case DnsConfig d -> new DnsResolver(d.hostname(), d.port(), d.interval(), d.timeout(), InetAddress::getAllByName,
                    settings.logger(signal), stats);
            case K8sConfig k -> new K8sResolver(() -> KubernetesClients.system().create(k.api()), k.service(), k.ports(), k.timeout(),
                    k.returnHostnames(), settings.logger(signal), stats);
        };
        // the template's auth (as on the otlp exporter): resolved once when the exporter starts, shared by every backend
        io.ottl4j.collector.extension.auth.ClientAuth auth = io.ottl4j.collector.extension.auth.ClientAuth.of(config.otlp().auth());
        return io.ottl4j.collector.extension.auth.ClientAuth.wrap(auth,
                create(settings, config, signal, key, resolver, Backends.otlp(config.otlp(), signal, auth), stats));
    }

    static Exporter create(CreateSettings settings, Config config, Signal signal, RoutingKey key, Resolver resolver,
            Backends.ClientFactory clients, ResolverStats stats) {
        Backends backends = new Backends(clients, new Router(key, config.routingAttributes()), settings.logger(signal), stats, resolver.name());
        if (resolver instanceof StaticResolver) {
            stats.resolution("static", true);
        }
        return ExporterHelper.exporter(settings, config.helper(), signal, backends::send, () -> {
            resolver.shutdown();
            backends.closeAll();
            stats.close();
        }, () -> resolver.start(backends));
    }
}

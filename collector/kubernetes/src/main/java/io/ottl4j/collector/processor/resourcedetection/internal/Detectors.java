package io.ottl4j.collector.processor.resourcedetection.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.internal.tls.TlsConfig;
import io.ottl4j.collector.k8s.KubernetesClients;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Upstream's detector types and each one's configuration section: decodes {@code <type>:} (with one precise error
 * per bad key) into a builder of the detector once the processor's surroundings are known.
 */
public final class Detectors {
    /** Every detector type upstream's {@code resourcedetection} processor knows, in its README's order. */
    public static final List<String> TYPES = List.of("env", "system", "gcp", "ec2", "ecs", "elastic_beanstalk", "eks", "lambda", "azure", "aks",
            "azurecontainerapps", "heroku", "openshift", "dynatrace", "consul", "docker", "k8s_api", "k8snode", "kubeadm", "hetzner", "akamai",
            "scaleway", "vultr", "oraclecloud", "digitalocean", "nova", "upcloud", "alibaba_ecs", "tencent_cvm", "ibmcloud_vpc", "ibmcloud_classic");

    private Detectors() {
    }

    /**
     * Decodes the section {@code s} of detector {@code type}; null for an unknown type.
     *
     * @param failOnMissing the deprecated per-detector {@code fail_on_missing_metadata} lands here (or-ed with the processor's)
     */
    public static Function<Setup, Detector> decode(String type, Conf s) {
        return switch (type) {
            case "env" -> {
                s.finish();
                yield st -> new EnvDetector(st.env());
            }
            case "system" -> {
                List<String> sources = s.strings("hostname_sources", List.of("dns", "os"));
                for (String src : sources) {
                    if (!List.of("dns", "os", "cname", "lookup").contains(src)) {
                        s.error("hostname_sources", "invalid hostname source: " + src);
                    }
                }
                AttributeSwitches a = switches(s, SystemDetector.DEFAULTS);
                yield st -> new SystemDetector(sources, a, st.root(), st.names());
            }
            case "ec2" -> {
                List<Pattern> tags = patterns(s, "tags");
                boolean fromImds = s.bool("tags_from_imds", false);
                s.longValue("max_attempts", 3);
                s.duration("max_backoff", java.time.Duration.ofSeconds(20));
                boolean fail = s.bool("fail_on_missing_metadata", false);
                AttributeSwitches a = switches(s, Ec2Detector.DEFAULTS);
                yield st -> new Ec2Detector(a, failing(st, fail), tags, fromImds);
            }
            case "gcp" -> {
                List<Pattern> labels = patterns(s, "labels");
                AttributeSwitches a = switches(s, GcpDetector.DEFAULTS);
                yield st -> new GcpDetector(a, st, labels);
            }
            case "azure" -> {
                List<Pattern> tags = patterns(s, "tags");
                AttributeSwitches a = switches(s, AzureDetector.DEFAULTS);
                yield st -> new AzureDetector(a, st, tags);
            }
            case "aks" -> simple(s, AksDetector.DEFAULTS, AksDetector::new);
            case "azurecontainerapps" -> simple(s, EnvOnlyDetectors.AzureContainerApps.DEFAULTS, EnvOnlyDetectors.AzureContainerApps::new);
            case "lambda" -> simple(s, EnvOnlyDetectors.Lambda.DEFAULTS, EnvOnlyDetectors.Lambda::new);
            case "heroku" -> simple(s, EnvOnlyDetectors.Heroku.DEFAULTS, EnvOnlyDetectors.Heroku::new);
            case "ecs" -> simple(s, EcsDetector.DEFAULTS, EcsDetector::new);
            case "elastic_beanstalk" -> simple(s, ElasticBeanstalkDetector.DEFAULTS, ElasticBeanstalkDetector::new);
            case "docker" -> simple(s, DockerDetector.DEFAULTS, DockerDetector::new);
            case "eks" -> {
                String var = s.string("node_from_env_var", "K8S_NODE_NAME");
                s.longValue("max_attempts", 3);
                s.duration("max_backoff", java.time.Duration.ofSeconds(20));
                AttributeSwitches a = switches(s, EksDetector.DEFAULTS);
                yield st -> new EksDetector(a, st, var.isEmpty() ? "K8S_NODE_NAME" : var);
            }
            case "k8s_api", "k8snode" -> {
                KubernetesClients.ApiConfig api = KubernetesClients.ApiConfig.decode(s);
                String var = s.string("node_from_env_var", "K8S_NODE_NAME");
                AttributeSwitches a = switches(s, K8sApiDetector.DEFAULTS);
                yield st -> {
                    if (type.equals("k8snode")) {
                        st.log().warning("the k8snode detector name is deprecated, use k8s_api instead");
                    }
                    return new K8sApiDetector(a, st, api, var.isEmpty() ? "K8S_NODE_NAME" : var);
                };
            }
            case "kubeadm" -> {
                KubernetesClients.ApiConfig api = KubernetesClients.ApiConfig.decode(s);
                AttributeSwitches a = switches(s, KubeadmDetector.DEFAULTS);
                yield st -> new KubeadmDetector(a, st, api);
            }
            case "openshift" -> {
                String address = s.string("address", "");
                String token = s.string("token", "");
                boolean tlsSet = s.has("tls");
                TlsConfig tls = TlsConfig.decodeClient(s);
                AttributeSwitches a = switches(s, OpenShiftDetector.DEFAULTS);
                yield st -> new OpenShiftDetector(a, st, address, token, tls, tlsSet);
            }
            case "consul" -> {
                Conf meta = s.child("meta");
                LinkedHashSet<String> keys = new LinkedHashSet<>(meta.keys());
                keys.forEach(meta::raw);
                ConsulDetector.Options o = new ConsulDetector.Options(s.string("address", ""), s.string("datacenter", ""), s.string("token", ""),
                        s.string("token_file", ""), s.string("namespace", ""), keys);
                AttributeSwitches a = switches(s, ConsulDetector.DEFAULTS);
                yield st -> new ConsulDetector(a, st, o);
            }
            case "dynatrace" -> {
                s.finish();
                yield DynatraceDetector::new;
            }
            case "hetzner" -> simple(s, HostingDetectors.Hetzner.DEFAULTS, HostingDetectors.Hetzner::new);
            case "akamai" -> simple(s, HostingDetectors.Akamai.DEFAULTS, HostingDetectors.Akamai::new);
            case "scaleway" -> simple(s, HostingDetectors.Scaleway.DEFAULTS, HostingDetectors.Scaleway::new);
            case "digitalocean" -> simple(s, HostingDetectors.DigitalOcean.DEFAULTS, HostingDetectors.DigitalOcean::new);
            case "oraclecloud" -> simple(s, HostingDetectors.OracleCloud.DEFAULTS, HostingDetectors.OracleCloud::new);
            case "ibmcloud_classic" -> simple(s, HostingDetectors.IbmCloudClassic.DEFAULTS, HostingDetectors.IbmCloudClassic::new);
            case "upcloud" -> withFailFlag(s, HostingDetectors.Upcloud.DEFAULTS, HostingDetectors.Upcloud::new);
            case "vultr" -> withFailFlag(s, HostingDetectors.Vultr.DEFAULTS, HostingDetectors.Vultr::new);
            case "alibaba_ecs" -> withFailFlag(s, HostingDetectors.AlibabaEcs.DEFAULTS, HostingDetectors.AlibabaEcs::new);
            case "tencent_cvm" -> withFailFlag(s, HostingDetectors.TencentCvm.DEFAULTS, HostingDetectors.TencentCvm::new);
            case "nova" -> {
                List<Pattern> labels = patterns(s, "labels");
                boolean fail = s.bool("fail_on_missing_metadata", false);
                AttributeSwitches a = switches(s, HostingDetectors.Nova.DEFAULTS);
                yield st -> new HostingDetectors.Nova(a, failing(st, fail), labels);
            }
            case "ibmcloud_vpc" -> {
                String protocol = s.string("protocol", "http");
                if (!protocol.equals("http") && !protocol.equals("https")) {
                    s.error("protocol", "invalid protocol \"" + protocol + "\": use http or https");
                }
                AttributeSwitches a = switches(s, HostingDetectors.IbmCloudVpc.DEFAULTS);
                yield st -> new HostingDetectors.IbmCloudVpc(a, st, protocol);
            }
            default -> null;
        };
    }

    private static Function<Setup, Detector> simple(Conf s, Map<String, Boolean> defaults, java.util.function.BiFunction<AttributeSwitches, Setup, Detector> make) {
        AttributeSwitches a = switches(s, defaults);
        return st -> make.apply(a, st);
    }

    /** Detectors with the deprecated per-detector {@code fail_on_missing_metadata}. */
    private static Function<Setup, Detector> withFailFlag(Conf s, Map<String, Boolean> defaults, java.util.function.BiFunction<AttributeSwitches, Setup, Detector> make) {
        boolean fail = s.bool("fail_on_missing_metadata", false);
        AttributeSwitches a = switches(s, defaults);
        return st -> make.apply(a, failing(st, fail));
    }

    private static Setup failing(Setup st, boolean fail) {
        return fail && !st.failOnMissing() ? new Setup(st.log(), true, st.env(), st.root(), st.clients(), st.inClusterApi(), st.names()) : st;
    }

    private static AttributeSwitches switches(Conf detector, Map<String, Boolean> defaults) {
        AttributeSwitches a = AttributeSwitches.decode(detector, defaults);
        detector.finish();
        return a;
    }

    /** A list of RE2 patterns (tag and label filters). */
    private static List<Pattern> patterns(Conf s, String key) {
        List<Pattern> out = new ArrayList<>();
        for (String p : s.strings(key, List.of())) {
            try {
                out.add(Pattern.compile(p));
            } catch (PatternSyntaxException e) {
                s.error(key, "invalid regular expression \"" + p + "\": " + e.getMessage());
            }
        }
        return List.copyOf(out);
    }
}

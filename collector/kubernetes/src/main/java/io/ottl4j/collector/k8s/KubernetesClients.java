package io.ottl4j.collector.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.ottl4j.collector.config.Conf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Builds fabric8 Kubernetes clients from upstream's {@code k8sconfig.APIConfig} ({@code auth_type},
 * {@code kube_config_path}, {@code context}), shared by every component that talks to the API server
 * (k8sattributes, the k8snode detector, later load_balancing's k8s resolver).
 *
 * <p>The process environment and the service-account directory are injectable so the in-cluster path can be
 * tested; {@link #system()} reads the real ones.
 */
public final class KubernetesClients {
    /** Where Kubernetes mounts a pod's service-account token and cluster CA. */
    public static final Path SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    /**
     * {@code auth_type} values. {@code tls} is valid upstream too: it changes only kubelet clients, an API client
     * built with it takes the in-cluster (service account) configuration, as upstream's does.
     */
    public enum AuthType {
        NONE("none"), SERVICE_ACCOUNT("serviceAccount"), KUBE_CONFIG("kubeConfig"), TLS("tls");

        private final String yaml;

        AuthType(String yaml) {
            this.yaml = yaml;
        }

        public String yaml() {
            return yaml;
        }

        static AuthType of(String s) {
            for (AuthType t : values()) {
                if (t.yaml.equals(s)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** Upstream's {@code APIConfig}: how to reach and authenticate to the API server. */
    public record ApiConfig(AuthType authType, String kubeConfigPath, String context) {
        public static final ApiConfig DEFAULT = new ApiConfig(AuthType.SERVICE_ACCOUNT, "", "");

        /** Reads {@code auth_type}, {@code kube_config_path}, {@code context} and the rate-limit keys from {@code c}. */
        public static ApiConfig decode(Conf c) {
            String auth = c.string("auth_type", AuthType.SERVICE_ACCOUNT.yaml());
            AuthType t = AuthType.of(auth);
            if (t == null) {
                c.error("auth_type", "invalid authType for kubernetes: " + auth);
                t = AuthType.SERVICE_ACCOUNT;
            }
            // client-go's client-side rate limit (upstream's defaults 5 and 10): accepted and checked, but fabric8 has
            // no such limiter; informers list once, then watch, so few requests are made
            if (c.doubleValue("kube_api_qps", 5) < 0) {
                c.error("kube_api_qps", "kube_api_qps must not be negative");
            }
            if (c.intValue("kube_api_burst", 10) < 0) {
                c.error("kube_api_burst", "kube_api_burst must not be negative");
            }
            return new ApiConfig(t, c.string("kube_config_path", ""), c.string("context", ""));
        }
    }

    private static final KubernetesClients SYSTEM = new KubernetesClients(System::getenv, SERVICE_ACCOUNT_DIR);

    private final UnaryOperator<String> env;
    private final Path serviceAccountDir;

    public KubernetesClients(UnaryOperator<String> env, Path serviceAccountDir) {
        this.env = env;
        this.serviceAccountDir = serviceAccountDir;
    }

    /** Clients configured from this process's environment and the pod's mounted service account. */
    public static KubernetesClients system() {
        return SYSTEM;
    }

    /** A client for {@code api}; fails with upstream's message when the configuration cannot be loaded. */
    public KubernetesClient create(ApiConfig api) {
        return new KubernetesClientBuilder().withConfig(config(api)).build();
    }

    /** The fabric8 configuration for {@code api} (no connection is made). */
    public Config config(ApiConfig api) {
        Config base = switch (api.authType()) {
            case KUBE_CONFIG -> kubeConfig(api);
            case SERVICE_ACCOUNT, TLS -> inCluster();
            case NONE -> new ConfigBuilder(Config.empty()).withMasterUrl(serviceUrl()).withTrustCerts(true).build();
        };
        // upstream (client-go) keeps informers retrying forever; the per-request timeout stays bounded
        return new ConfigBuilder(base).withWatchReconnectLimit(-1).withWatchReconnectInterval(1000)
                .withRequestRetryBackoffLimit(0).withConnectionTimeout(5000).withRequestTimeout(30000).build();
    }

    private Config kubeConfig(ApiConfig api) {
        String path = api.kubeConfigPath();
        if (path.isEmpty()) {
            String fromEnv = env.apply("KUBECONFIG");
            path = fromEnv != null && !fromEnv.isEmpty() ? fromEnv.split(java.io.File.pathSeparator)[0]
                    : Path.of(System.getProperty("user.home"), ".kube", "config").toString();
        }
        String text;
        try {
            text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("unable to load kubeconfig " + path + ": " + e.getMessage(), e);
        }
        return Config.fromKubeconfig(api.context().isEmpty() ? null : api.context(), text, path);
    }

    private String serviceUrl() {
        String host = env.apply("KUBERNETES_SERVICE_HOST");
        String port = env.apply("KUBERNETES_SERVICE_PORT");
        if (host == null || host.isEmpty() || port == null || port.isEmpty()) {
            throw new IllegalStateException("unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined");
        }
        return "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private Config inCluster() {
        String url = serviceUrl();
        Path token = serviceAccountDir.resolve("token");
        Path ca = serviceAccountDir.resolve("ca.crt");
        if (!Files.isReadable(token)) {
            throw new IllegalStateException("unable to load in-cluster configuration: cannot read service account token " + token);
        }
        ConfigBuilder b = new ConfigBuilder(Config.empty()).withMasterUrl(url)
                // the kubelet rotates projected tokens: read the file on every request, as client-go does
                .withOauthTokenProvider(() -> readToken(token));
        if (Files.isReadable(ca)) {
            b.withCaCertFile(ca.toString());
        }
        Path ns = serviceAccountDir.resolve("namespace");
        if (Files.isReadable(ns)) {
            b.withNamespace(readToken(ns));
        }
        return b.build();
    }

    private static String readToken(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

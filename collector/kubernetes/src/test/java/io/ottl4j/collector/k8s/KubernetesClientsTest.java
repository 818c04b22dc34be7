package io.ottl4j.collector.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How each auth_type becomes a client configuration (no connection is made). */
class KubernetesClientsTest {
    @TempDir
    Path sa;

    @Test
    void serviceAccountUsesTheInClusterAddressTokenAndCa() throws Exception {
        Files.writeString(sa.resolve("token"), "token-1\n");
        Files.writeString(sa.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\n");
        Files.writeString(sa.resolve("namespace"), "mastodon-social");
        Map<String, String> env = Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443");
        Config c = new KubernetesClients(env::get, sa).config(KubernetesClients.ApiConfig.DEFAULT);
        assertThat(c.getMasterUrl()).startsWith("https://10.96.0.1:443");
        assertThat(c.getOauthTokenProvider().getToken()).isEqualTo("token-1");
        // the kubelet rotates the token: every request reads the file again
        Files.writeString(sa.resolve("token"), "token-2\n");
        assertThat(c.getOauthTokenProvider().getToken()).isEqualTo("token-2");
        assertThat(c.getCaCertFile()).isEqualTo(sa.resolve("ca.crt").toString());
        assertThat(c.getNamespace()).isEqualTo("mastodon-social");
    }

    @Test
    void tlsIsValidAndTakesTheInClusterConfigurationAsUpstream() throws Exception {
        Files.writeString(sa.resolve("token"), "token-1\n");
        Map<String, String> env = Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443");
        KubernetesClients.ApiConfig api = decode("auth_type: tls\nkube_api_qps: 50\nkube_api_burst: 100\n");
        assertThat(api.authType()).isEqualTo(KubernetesClients.AuthType.TLS);
        Config c = new KubernetesClients(env::get, sa).config(api);
        assertThat(c.getMasterUrl()).startsWith("https://10.96.0.1:443");
        assertThat(c.getOauthTokenProvider().getToken()).isEqualTo("token-1");
    }

    @Test
    void decodeNamesBadValuesWithUpstreamsMessages() throws Exception {
        io.ottl4j.collector.config.Problems p = new io.ottl4j.collector.config.Problems();
        io.ottl4j.collector.config.Conf c = new io.ottl4j.collector.config.Conf(
                io.ottl4j.collector.config.YamlReader.read("auth_type: token\nkube_api_qps: -1\nkube_api_burst: -1\n", "t.yaml"), "x", p);
        KubernetesClients.ApiConfig.decode(c);
        assertThat(p.list().stream().map(io.ottl4j.collector.config.ConfigProblem::format).toList().toString()).contains("invalid authType for kubernetes: token").contains("kube_api_qps must not be negative")
                .contains("kube_api_burst must not be negative");
    }

    private static KubernetesClients.ApiConfig decode(String yaml) throws Exception {
        io.ottl4j.collector.config.Problems p = new io.ottl4j.collector.config.Problems();
        io.ottl4j.collector.config.Conf c = new io.ottl4j.collector.config.Conf(io.ottl4j.collector.config.YamlReader.read(yaml, "t.yaml"), "x", p);
        KubernetesClients.ApiConfig api = KubernetesClients.ApiConfig.decode(c);
        c.finish();
        assertThat(p.list()).isEmpty();
        return api;
    }

    @Test
    void serviceAccountOutsideAClusterFailsWithUpstreamsMessage() {
        assertThatThrownBy(() -> new KubernetesClients(k -> null, sa).config(KubernetesClients.ApiConfig.DEFAULT))
                .hasMessage("unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined");
    }

    @Test
    void noneTalksToTheServiceAddressWithoutCredentials() {
        Map<String, String> env = Map.of("KUBERNETES_SERVICE_HOST", "fd00::1", "KUBERNETES_SERVICE_PORT", "6443");
        Config c = new KubernetesClients(env::get, sa).config(new KubernetesClients.ApiConfig(KubernetesClients.AuthType.NONE, "", ""));
        assertThat(c.getMasterUrl()).startsWith("https://[fd00::1]:6443");
        assertThat(c.getOauthToken()).isNull();
    }

    @Test
    void kubeConfigHonoursPathAndContext() throws Exception {
        Path kc = sa.resolve("config");
        Files.writeString(kc, """
                apiVersion: v1
                kind: Config
                clusters:
                - {name: a, cluster: {server: "https://a.example:6443"}}
                - {name: b, cluster: {server: "https://b.example:6443"}}
                contexts:
                - {name: ctx-a, context: {cluster: a, user: u}}
                - {name: ctx-b, context: {cluster: b, user: u}}
                current-context: ctx-a
                users:
                - {name: u, user: {token: t}}
                """);
        KubernetesClients clients = new KubernetesClients(k -> null, sa);
        assertThat(clients.config(new KubernetesClients.ApiConfig(KubernetesClients.AuthType.KUBE_CONFIG, kc.toString(), "")).getMasterUrl())
                .startsWith("https://a.example:6443");
        assertThat(clients.config(new KubernetesClients.ApiConfig(KubernetesClients.AuthType.KUBE_CONFIG, kc.toString(), "ctx-b")).getMasterUrl())
                .startsWith("https://b.example:6443");
        assertThatThrownBy(() -> clients.config(new KubernetesClients.ApiConfig(KubernetesClients.AuthType.KUBE_CONFIG, sa.resolve("missing").toString(), "")))
                .hasMessageContaining("unable to load kubeconfig");
    }
}

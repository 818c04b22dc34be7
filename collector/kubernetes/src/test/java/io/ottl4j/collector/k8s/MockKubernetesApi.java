package io.ottl4j.collector.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * fabric8's mock API server in CRUD mode (a real HTTP server with list and watch) on 127.0.0.1, with a
 * kubeconfig file pointing at it, so components run with {@code auth_type: kubeConfig} exactly as in a cluster.
 * It can be stopped and started again on the same port (the API "going away and coming back").
 */
public final class MockKubernetesApi implements AutoCloseable {
    // the mock logs every request; the client logs each failed reconnect while a test has the API down on purpose
    private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver", java.util.logging.Level.WARNING);
    private static final java.util.logging.Logger CLIENT_LOG = quiet("io.fabric8.kubernetes.client", java.util.logging.Level.OFF);

    private static java.util.logging.Logger quiet(String name, java.util.logging.Level level) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(level);
        return l;
    }

    private final int port;
    private final Path kubeconfig;
    private KubernetesMockServer server;
    private KubernetesClient client;

    private MockKubernetesApi(int port, Path dir) throws IOException {
        this.port = port;
        this.kubeconfig = dir.resolve("kubeconfig-" + port + ".yaml");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: http://127.0.0.1:%d
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: mock
                current-context: mock
                users:
                - name: mock
                  user:
                    token: mock-token
                """.formatted(port));
    }

    /** A running server on an ephemeral port. */
    public static MockKubernetesApi start(Path dir) throws IOException {
        MockKubernetesApi api = new MockKubernetesApi(freePort(), dir);
        api.up();
        return api;
    }

    /** A server whose port is chosen but which is not running yet (the API unreachable at collector start). */
    public static MockKubernetesApi notStarted(Path dir) throws IOException {
        return new MockKubernetesApi(freePort(), dir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** Starts (again) on the same port, with an empty store. */
    public void up() throws IOException {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), port);
        client = server.createClient();
    }

    /** Stops the server: clients see connection refused until {@link #up()}. */
    public void down() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (server != null) {
            server.destroy();
            server = null;
        }
    }

    public KubernetesClient client() {
        return client;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** The YAML keys that point a component at this server. */
    public String authYaml() {
        return "auth_type: kubeConfig\nkube_config_path: " + kubeconfig;
    }

    public static PodBuilder pod(String namespace, String name, String uid, String ip) {
        return new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name).withUid(uid)
                .withCreationTimestamp("2026-12-01T10:00:00Z").endMetadata()
                .withNewSpec().withNodeName("node-1").endSpec()
                .withNewStatus().withPodIP(ip).withStartTime("2026-12-01T10:00:01Z").endStatus();
    }

    public Pod create(Pod p) {
        return client.pods().inNamespace(p.getMetadata().getNamespace()).resource(p).create();
    }

    public Map<String, String> labels(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        down();
    }
}

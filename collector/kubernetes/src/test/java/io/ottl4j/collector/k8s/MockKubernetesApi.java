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
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;

/**
 * fabric8's mock API server in CRUD mode (a real HTTP server with list and watch) on 127.0.0.1, with a
 * kubeconfig file pointing at it, so components run with {@code auth_type: kubeConfig} exactly as in a cluster.
 * It can go away and come back on the same port, state intact (see {@link #down()}).
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
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket proxy;

    /**
     * The mock server itself keeps running (and keeps its state, as an API server backed by etcd does); components
     * reach it through a loopback TCP proxy on {@link #port}, which {@link #down()} closes and {@link #up()} opens.
     */
    private MockKubernetesApi(Path dir) throws IOException {
        this.port = freePort();
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
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = server.createClient();
    }

    /** A reachable API on an ephemeral port. */
    public static MockKubernetesApi start(Path dir) throws IOException {
        MockKubernetesApi api = new MockKubernetesApi(dir);
        api.up();
        return api;
    }

    /** An API that components cannot reach yet (unreachable at collector start); {@link #client()} works already. */
    public static MockKubernetesApi notStarted(Path dir) throws IOException {
        return new MockKubernetesApi(dir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** Makes the API reachable (again) on the same port. */
    public synchronized void up() throws IOException {
        if (proxy != null) {
            return;
        }
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        proxy = ss;
        Thread.ofVirtual().name("mock-api-proxy").start(() -> {
            while (!ss.isClosed()) {
                try {
                    Socket in = ss.accept();
                    Socket out = new Socket(InetAddress.getByName("127.0.0.1"), server.getPort());
                    open.add(in);
                    open.add(out);
                    pump(in, out);
                    pump(out, in);
                } catch (IOException e) {
                    return; // closed by down()
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // the other side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
        open.remove(s);
    }

    /** Makes the API unreachable: connection refused, open connections (watches) cut. */
    public synchronized void down() {
        if (proxy != null) {
            try {
                proxy.close();
            } catch (IOException e) {
                // already closed
            }
            proxy = null;
        }
        for (Socket s : open) {
            closeQuietly(s);
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
        client.close();
        try {
            server.destroy();
        } catch (IllegalStateException e) {
            // the mock waits a bounded time for keep-alive connections to close; its listener is closed by then
        }
    }
}

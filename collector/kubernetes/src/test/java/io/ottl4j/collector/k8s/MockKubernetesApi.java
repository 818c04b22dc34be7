package io.ottl4j.collector.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
    /** Every proxied connection, until both its ends are closed. */
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private ServerSocket proxy;
    private Thread acceptor;

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
        ServerSocket ss = bindProxyPort();
        proxy = ss;
        acceptor = Thread.ofPlatform().daemon().name("mock-api-proxy-" + port).start(() -> {
            while (true) {
                Socket in;
                try {
                    in = ss.accept();
                } catch (IOException e) {
                    return; // closed by down()
                }
                try {
                    Link l = new Link(in, new Socket(InetAddress.getByName("127.0.0.1"), server.getPort()));
                    synchronized (this) {
                        if (proxy != ss) { // down() ran while this connection was being accepted: nothing was sent yet
                            l.close();
                            continue;
                        }
                        links.add(l);
                    }
                    l.start();
                } catch (IOException e) {
                    closeQuietly(in);
                }
            }
        });
    }

    /**
     * Binds the proxy port again. down() waits for the old listener to be released, so this normally succeeds at
     * once; the bounded retry covers a loopback connection of another process that briefly held the port.
     */
    private ServerSocket bindProxyPort() throws IOException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            try {
                ss.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                return ss;
            } catch (BindException e) {
                ss.close();
                if (System.nanoTime() > end) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while binding port " + port, ie);
                }
            }
        }
    }

    /**
     * One proxied connection. Cutting it closes the component's side only: the mock's side stays open (its
     * output drained) until {@link #close()}. The mock ends a watch on its Vert.x event loop by waiting for the
     * watch's send executor, and a send in flight waits for that same event loop to write, so a watch connection
     * closed while an event is being sent stalls every connection on that event loop for 30 s (fabric8
     * WatchEventsListener.onClosed and VertxMockWebSocket.awaitWrite, 8.0.0). Keeping the mock's side open makes
     * an outage look, to the mock, like a client that stopped reading: nothing there ends or blocks.
     */
    private final class Link {
        final Socket in;
        final Socket out;
        volatile boolean cut;
        volatile boolean closed;
        /** Whether the connection carries a watch (a WebSocket upgrade of a watch request). */
        volatile boolean watch;

        Link(Socket in, Socket out) {
            this.in = in;
            this.out = out;
        }

        void start() {
            Thread.ofVirtual().start(() -> {
                try {
                    byte[] first = new byte[8192];
                    int n = in.getInputStream().read(first);
                    if (n > 0) {
                        String head = new String(first, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                        watch = head.contains("watch=true") && head.contains("upgrade: websocket");
                        out.getOutputStream().write(first, 0, n);
                        in.getInputStream().transferTo(out.getOutputStream());
                    }
                } catch (IOException e) {
                    // the component's side was cut or reset
                }
                if (!cut) { // the component closed its connection: pass that on
                    close();
                }
            });
            Thread.ofVirtual().start(() -> {
                try {
                    out.getInputStream().transferTo(in.getOutputStream());
                } catch (IOException e) {
                    // cut: keep reading below
                }
                if (cut) {
                    try {
                        out.getInputStream().transferTo(OutputStream.nullOutputStream());
                    } catch (IOException e) {
                        // closed by close()
                    }
                }
                close();
            });
        }

        /** The component sees its connection closed; the mock sees nothing. */
        void cut() {
            cut = true;
            closeQuietly(in);
        }

        void close() {
            closed = true;
            closeQuietly(in);
            closeQuietly(out);
            links.remove(this);
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /**
     * How many watches are open through the proxy now. Tests wait for the count they expect before cutting the
     * API, so that no watch is still being established (fabric8 turns a watch whose first WebSocket attempt fails
     * into a plain HTTP watch, which this mock does not serve).
     */
    public int openWatches() {
        int n = 0;
        for (Link l : links) {
            if (l.watch && !l.cut && !l.closed) {
                n++;
            }
        }
        return n;
    }

    /** Makes the API unreachable: connection refused, open connections (watches) cut. */
    public void down() {
        Thread accepting;
        synchronized (this) {
            if (proxy == null) {
                return;
            }
            closeQuietly(proxy);
            proxy = null;
            accepting = acceptor;
        }
        // the JDK releases a listening socket only once the thread blocked in accept() has left it: wait for that,
        // or up() could not bind the port again (the acceptor takes this object's lock, so wait outside it)
        try {
            accepting.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Link l : links) {
            l.cut();
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
        for (Link l : links) {
            l.close();
        }
        client.close();
        try {
            server.destroy();
        } catch (IllegalStateException e) {
            // the mock waits a bounded time for keep-alive connections to close; its listener is closed by then
        }
    }
}

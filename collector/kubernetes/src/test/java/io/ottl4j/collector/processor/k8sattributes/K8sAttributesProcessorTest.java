package io.ottl4j.collector.processor.k8sattributes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.ComponentStatus;
import io.ottl4j.collector.k8s.MockKubernetesApi;
import io.ottl4j.collector.receiver.otlp.internal.OtlpReceiver;
import io.ottl4j.collector.service.Pipelines;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor in a running collector against the mock API: association sources, OTLP connections, API outages, config errors. */
class K8sAttributesProcessorTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RECONNECT = Duration.ofSeconds(90);
    /** The SDK gives up on an export after 10 s by default, which a cold JVM on the loaded machine can exceed. */
    private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private MockKubernetesApi api;
    private Harness harness;

    @AfterEach
    void down() {
        if (harness != null) {
            harness.close();
        }
        if (api != null) {
            api.close();
        }
    }

    private static String pipeline(String processorYaml, String receivers) {
        return """
                receivers:
                %s
                processors:
                  k8sattributes:
                %s
                exporters:
                  testsink: {}
                service:
                  pipelines:
                    traces: {receivers: [%s], processors: [k8sattributes], exporters: [testsink]}
                    logs: {receivers: [%s], processors: [k8sattributes], exporters: [testsink]}
                """.formatted(receivers.equals("otlp") ? "  otlp:\n    protocols:\n      grpc: {endpoint: '127.0.0.1:0'}\n      http: {endpoint: '127.0.0.1:0'}"
                : "  testsource: {}", processorYaml.indent(4), receivers, receivers);
    }

    private static TelemetryBatch<Span> batch(Object... resourceAttrs) {
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        var rg = b.addResource();
        AttributeMap.of(resourceAttrs).forEach((k, v) -> rg.resource().attributes().put(k, v));
        Span s = new Span();
        s.setName("op");
        rg.addScope().items().add(s);
        return b;
    }

    private AttributeMap sendAndGet(ClientInfo client, Object... attrs) throws Exception {
        int before = harness.deliveries("testsink").size();
        harness.send("testsource", batch(attrs), client);
        Harness.await(WAIT, () -> harness.deliveries("testsink").size() > before);
        return harness.batches("testsink").get(before).resources().get(0).resource().attributes();
    }

    @Test
    void associationRulesTriedInOrderWithEverySource() throws Exception {
        api = MockKubernetesApi.start(dir);
        Pod a = api.create(MockKubernetesApi.pod("shop", "a", null, "10.0.0.1").build());
        Pod b = api.create(MockKubernetesApi.pod("shop", "b", null, "10.0.0.2").build());
        Pod c = api.create(MockKubernetesApi.pod("shop", "c", null, "10.0.0.3").editSpec()
                .withContainers(new ContainerBuilder().withName("app").withImage("ghcr.io/acme/app:1.4.2").build()).endSpec()
                .editStatus().withContainerStatuses(new ContainerStatusBuilder().withName("app").withContainerID("containerd://abc123").withRestartCount(0)
                        .withImageID("ghcr.io/acme/app@sha256:" + "e".repeat(64)).build()).endStatus().build());
        harness = Harness.start(pipeline(api.authYaml() + """

                wait_for_metadata: true
                extract:
                  metadata: [k8s.pod.name, k8s.pod.uid, k8s.container.name, container.id, container.image.name, container.image.tag,
                             container.image.repo_digests]
                pod_association:
                  - sources: [{from: resource_attribute, name: k8s.pod.ip}]
                  - sources: [{from: resource_attribute, name: k8s.pod.uid}]
                  - sources: [{from: resource_attribute, name: k8s.pod.name}, {from: resource_attribute, name: k8s.namespace.name}]
                  - sources: [{from: resource_attribute, name: container.id}]
                  - sources: [{from: resource_attribute, name: host.name}]
                  - sources: [{from: connection}]
                """, "testsource"));
        ClientInfo none = ClientInfo.EMPTY;
        String uidB = b.getMetadata().getUid();
        // the first rule that resolves decides, even when a later one would name another pod
        assertThat(sendAndGet(none, "k8s.pod.ip", "10.0.0.1", "k8s.pod.uid", uidB).get("k8s.pod.name")).isEqualTo("a");
        assertThat(sendAndGet(none, "k8s.pod.uid", uidB).get("k8s.pod.name")).isEqualTo("b");
        assertThat(sendAndGet(none, "k8s.pod.name", "b", "k8s.namespace.name", "shop").get("k8s.pod.uid")).isEqualTo(uidB);
        assertThat(sendAndGet(none, "k8s.pod.name", "b").get("k8s.pod.uid")).as("a rule resolves only when all its sources do").isNull();
        assertThat(sendAndGet(none, "host.name", "10.0.0.2").get("k8s.pod.name")).isEqualTo("b");
        AttributeMap viaConnection = sendAndGet(new ClientInfo("10.0.0.1", Map.of()), "host.name", "not-an-ip");
        assertThat(viaConnection.get("k8s.pod.name")).isEqualTo("a");
        assertThat(viaConnection.get("k8s.pod.uid")).isEqualTo(a.getMetadata().getUid());
        assertThat(viaConnection.get("k8s.pod.ip")).as("the connection IP is recorded").isEqualTo("10.0.0.1");
        assertThat(sendAndGet(none, "service.name", "x").get("k8s.pod.name")).as("nothing identifies the pod").isNull();

        AttributeMap container = sendAndGet(none, "container.id", "abc123");
        assertThat(container.get("k8s.pod.name")).isEqualTo("c");
        assertThat(container.get("k8s.container.name")).isEqualTo("app");
        assertThat(container.get("container.image.name")).isEqualTo("ghcr.io/acme/app");
        assertThat(container.get("container.image.tag")).isEqualTo("1.4.2");
        assertThat(container.get("container.image.repo_digests").toString()).contains("ghcr.io/acme/app@sha256:eeee");
        AttributeMap byName = sendAndGet(none, "k8s.pod.uid", c.getMetadata().getUid(), "k8s.container.name", "app");
        assertThat(byName.get("container.id")).isEqualTo("abc123");
    }

    @Test
    void connectionSourceEndToEndThroughOtlpGrpcAndHttp() throws Exception {
        api = MockKubernetesApi.start(dir);
        api.create(MockKubernetesApi.pod("shop", "sdk-pod", null, "127.0.0.1").build());
        harness = Harness.start(pipeline(api.authYaml() + """

                wait_for_metadata: true
                pod_association:
                  - sources: [{from: connection}]
                """, "otlp"));
        OtlpReceiver receiver = null;
        for (Pipelines.Node n : harness.collector().pipelines().nodes()) {
            if (n.component() instanceof OtlpReceiver r) {
                receiver = r;
            }
        }
        assertThat(receiver).isNotNull();
        // include_metadata is off: the peer address travels all the same, as upstream's client.Info
        Resource res = Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "sdk"));
        SdkTracerProvider tracers = SdkTracerProvider.builder().setResource(res).addSpanProcessor(SimpleSpanProcessor.create(
                OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + receiver.grpcPort()).setTimeout(EXPORT_TIMEOUT).build())).build();
        SdkLoggerProvider loggers = SdkLoggerProvider.builder().setResource(res).addLogRecordProcessor(SimpleLogRecordProcessor.create(
                OtlpHttpLogRecordExporter.builder().setEndpoint("http://127.0.0.1:" + receiver.httpPort() + "/v1/logs").setTimeout(EXPORT_TIMEOUT)
                        .build())).build();
        try {
            tracers.get("t").spanBuilder("grpc-span").startSpan().end();
            tracers.forceFlush().join(EXPORT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            loggers.get("l").logRecordBuilder().setBody("http-log").emit();
            loggers.forceFlush().join(EXPORT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Harness.await(WAIT, () -> harness.deliveries("testsink").size() >= 2);
        } finally {
            tracers.close();
            loggers.close();
        }
        for (TelemetryBatch<?> b : harness.batches("testsink")) {
            AttributeMap attrs = b.resources().get(0).resource().attributes();
            assertThat(attrs.get("k8s.pod.name")).as(b.signal().toString()).isEqualTo("sdk-pod");
            assertThat(attrs.get("k8s.namespace.name")).isEqualTo("shop");
            assertThat(attrs.get("k8s.pod.ip")).isEqualTo("127.0.0.1");
        }
    }

    /** The lines the processor logs, kept while a test runs (the component logger is named after the canonical type). */
    private static final class LogCapture extends Handler implements AutoCloseable {
        private final Logger log = Logger.getLogger("io.ottl4j.collector.processor");
        private final java.util.logging.Level level = log.getLevel();
        private final List<String> lines = new ArrayList<>();

        LogCapture() {
            log.setLevel(java.util.logging.Level.ALL);
            log.addHandler(this);
            log.setUseParentHandlers(false);
        }

        @Override
        public synchronized void publish(LogRecord r) {
            lines.add(r.getMessage());
        }

        synchronized long count(String part) {
            return lines.stream().filter(l -> l.contains(part)).count();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            log.removeHandler(this);
            log.setUseParentHandlers(true);
            log.setLevel(level);
        }
    }

    private static final String UNREACHABLE = "Kubernetes API unreachable";
    private static final String REACHABLE = "Kubernetes API reachable again";

    /** The status the processor last reported (null before its first report). */
    private ComponentStatus status() {
        return harness.collector().telemetry().status().all().entrySet().stream().filter(e -> e.getKey().startsWith("processor:"))
                .map(e -> e.getValue().status()).findFirst().orElse(null);
    }

    @Test
    void apiUnreachableAtStartThenComesUpAndCacheServesWhileAway() throws Exception {
        api = MockKubernetesApi.notStarted(dir);
        try (LogCapture logs = new LogCapture()) {
            harness = Harness.start(pipeline(api.authYaml(), "testsource"));
            // the collector runs without the API; data passes, unenriched
            assertThat(sendAndGet(ClientInfo.EMPTY, "k8s.pod.ip", "10.1.0.1").get("k8s.pod.name")).isNull();
            Harness.await(WAIT, () -> logs.count(UNREACHABLE) == 1);
            assertThat(status()).isEqualTo(ComponentStatus.RECOVERABLE_ERROR);

            api.up();
            api.create(MockKubernetesApi.pod("shop", "late", null, "10.1.0.1").build());
            // informers retry with exponential back-off capped at 32 s: allow well beyond one capped interval
            Harness.await(RECONNECT, () -> pod(sendAndGetQuietly("10.1.0.1")).equals("late"));
            Harness.await(WAIT, () -> logs.count(REACHABLE) == 1);
            assertThat(status()).isEqualTo(ComponentStatus.OK);

            api.down();
            // cached metadata keeps serving while the API is away
            assertThat(pod(sendAndGetQuietly("10.1.0.1"))).isEqualTo("late");
            assertThat(logs.count(UNREACHABLE)).as("one warning per outage").isLessThanOrEqualTo(2);
        }
    }

    @Test
    void apiDownAtStartWithWaitForMetadataStartsOnceItAnswers() throws Exception {
        api = MockKubernetesApi.notStarted(dir);
        api.create(MockKubernetesApi.pod("shop", "early", null, "10.2.0.1").build());
        try (LogCapture logs = new LogCapture()) {
            CompletableFuture<Harness> starting = CompletableFuture.supplyAsync(() -> {
                try {
                    return Harness.start(pipeline(api.authYaml() + "\nwait_for_metadata: true\nwait_for_metadata_timeout: 5m", "testsource"));
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            try {
                Harness.await(WAIT, () -> logs.count(UNREACHABLE) == 1);
                assertThat(starting).as("start waits for the pods to sync").isNotDone();
                api.up();
                harness = starting.get(RECONNECT.toSeconds(), TimeUnit.SECONDS);
            } finally {
                if (harness == null) {
                    starting.thenAccept(Harness::close);
                }
            }
            // the pods were synced before start returned
            assertThat(pod(sendAndGetQuietly("10.2.0.1"))).isEqualTo("early");
            Harness.await(WAIT, () -> logs.count(REACHABLE) == 1);
        }
    }

    @Test
    void apiGoesAwayAndComesBackTwice() throws Exception {
        api = MockKubernetesApi.start(dir);
        api.create(MockKubernetesApi.pod("shop", "before", null, "10.1.0.1").build());
        try (LogCapture logs = new LogCapture()) {
            // the replica set informer too (deployment names from owner chains), so two informers live through outages
            harness = Harness.start(pipeline(api.authYaml() + "\nwait_for_metadata: true\nextract: {deployment_name_from_replicaset: false}", "testsource"));
            assertThat(pod(sendAndGetQuietly("10.1.0.1"))).isEqualTo("before");
            for (int outage = 1; outage <= 2; outage++) {
                int n = outage;
                // both informers (replica sets, pods) watch: none is half-way through opening its watch
                Harness.await(WAIT, () -> api.openWatches() == 2);
                api.down();
                // the lost watches are noticed after a grace period, once per outage
                Harness.await(RECONNECT, () -> logs.count(UNREACHABLE) == n);
                assertThat(status()).isEqualTo(ComponentStatus.RECOVERABLE_ERROR);
                assertThat(pod(sendAndGetQuietly("10.1.0.1"))).as("the cache serves while the API is away").isEqualTo("before");

                api.up();
                // fabric8 re-opens the watches with back-off capped at 32 s
                Harness.await(RECONNECT, () -> logs.count(REACHABLE) == n);
                assertThat(status()).isEqualTo(ComponentStatus.OK);
                assertThat(logs.count(UNREACHABLE)).isEqualTo(n);
                // an informer whose watch outlived the outage is re-listed: let its old watch close first (the mock
                // stalls when a watch closes while an event is being sent to it)
                Harness.await(WAIT, () -> api.openWatches() == 2);
                // every informer watches again, so a pod created now reaches the cache through the new watch
                String ip = "10.1.0." + (10 + n);
                api.create(MockKubernetesApi.pod("shop", "after-outage-" + n, null, ip).build());
                Harness.await(WAIT, () -> pod(sendAndGetQuietly(ip)).equals("after-outage-" + n));
            }
        }
    }

    private AttributeMap sendAndGetQuietly(String ip) {
        try {
            return sendAndGet(ClientInfo.EMPTY, "k8s.pod.ip", ip);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pod(AttributeMap m) {
        return m.get("k8s.pod.name") instanceof String s ? s : "";
    }

    @Test
    void passthroughOnlyRecordsTheConnectionIpWithoutAnyApi() throws Exception {
        harness = Harness.start(pipeline("passthrough: true\nauth_type: none", "testsource"));
        AttributeMap m = sendAndGet(new ClientInfo("10.9.9.9", Map.of()), "service.name", "x");
        assertThat(m.get("k8s.pod.ip")).isEqualTo("10.9.9.9");
        assertThat(m.get("k8s.pod.name")).isNull();
    }

    @Test
    void configErrorsNameTheKey() throws Exception {
        String problems = Harness.problems(pipeline("""
                auth_type: token
                extract:
                  metadata: [k8s.pod.name, k8s.pod.color]
                  labels:
                    - {key: a, key_regex: b}
                    - {key: a, from: cluster}
                filter:
                  node_from_env_var: OTTL4J_SURELY_UNSET_VAR
                  labels: [{key: a, op: like}]
                pod_association:
                  - sources: [{from: resource_attribute, name: a}, {from: resource_attribute, name: b}, {from: resource_attribute, name: c},
                              {from: resource_attribute, name: d}, {from: connection}]
                  - sources: [{from: header}]
                """, "testsource"));
        assertThat(problems).contains("invalid authType for kubernetes: token")
                .contains("\"k8s.pod.color\" is not a supported metadata field")
                .contains("Out of Key or KeyRegex only one option is expected")
                .contains("cluster is not a valid choice for From")
                .contains("`node_from_env_var` is configured but envvar \"OTTL4J_SURELY_UNSET_VAR\" is not set")
                .contains("'like' is not a valid label filter operation")
                .contains("too many association sources. limit is 4")
                .contains("\"header\" is not a valid association source");
    }

    @Test
    void informerResyncAndDeleteGracePeriodsAreUpstreamsKeys() throws Exception {
        K8sAttributesProcessorFactory f = new K8sAttributesProcessorFactory();
        K8sAttributesConfig defaults = io.ottl4j.collector.testing.TestComponents.decode(f, "auth_type: none\n");
        assertThat(defaults.watchSyncPeriod()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(defaults.podDeleteGracePeriod()).isEqualTo(java.time.Duration.ofSeconds(120));
        K8sAttributesConfig set = io.ottl4j.collector.testing.TestComponents.decode(f, "auth_type: none\nwatch_sync_period: 0s\npod_delete_grace_period: 30s\n");
        assertThat(set.watchSyncPeriod()).isZero(); // no periodic resync
        assertThat(set.podDeleteGracePeriod()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(io.ottl4j.collector.testing.TestComponents.problems(f, "watch_sync_period: -20s\npod_delete_grace_period: -30s\n"))
                .anySatisfy(p -> assertThat(p).contains("watch_sync_period must be non-negative"))
                .anySatisfy(p -> assertThat(p).contains("pod_delete_grace_period must be non-negative"));
    }
}

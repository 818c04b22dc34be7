package io.ottl4j.collector.exporter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.extension.filestorage.FileStorageExtensionFactory;
import io.ottl4j.collector.extension.storage.StorageExtension;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.collector.exporter.otlp.OtlpGrpcExporterFactory;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sending_queue::batch::partition::metadata_keys: one batch per combination of client metadata values, sent with that client context. */
class BatchPartitionTest {
    record Sent(List<String> spans, ClientInfo client) {
    }

    private final LinkedBlockingQueue<Sent> sent = new LinkedBlockingQueue<>();

    @TempDir
    Path dir;
    private StorageExtension storage;

    @AfterEach
    void closeStorage() throws Exception {
        if (storage != null) {
            storage.shutdown();
        }
    }

    private ExporterFactory.Exporter exporter(ExporterHelper.Batch batch) throws Exception {
        return exporter(batch, null, null);
    }

    private ExporterFactory.Exporter exporter(ExporterHelper.Batch batch, ComponentId storageId, Host host) throws Exception {
        ExporterHelper.Settings s = new ExporterHelper.Settings(Duration.ofSeconds(5),
                new ExporterHelper.Retry(false, Duration.ofSeconds(1), 0.5, 1.5, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new ExporterHelper.Queue(true, 2, 1000, false, Sizer.ITEMS, false, storageId, batch));
        ExporterFactory.Exporter e = ExporterHelper.exporter(TestComponents.settings(Kind.EXPORTER, "otlp"), s, Signal.TRACES,
                (TelemetryBatch<?> b, Duration timeout) -> sent.add(new Sent(Data.spanNames(b), ClientInfo.current())), null, null);
        e.start(host);
        return e;
    }

    private Host storageHost() throws Exception {
        FileStorageExtensionFactory f = new FileStorageExtensionFactory();
        storage = (StorageExtension) f.create(TestComponents.settings(Kind.EXTENSION, "file_storage"), TestComponents.decode(f, "directory: " + dir));
        storage.start(null);
        return new Host() {
            @Override
            public Map<ComponentId, Component> extensions() {
                return Map.of(ComponentId.parse("file_storage"), storage);
            }

            @Override
            public void reportFatalError(Throwable error) {
            }
        };
    }

    private static ClientInfo client(String tenant, String region) {
        return new ClientInfo("10.0.0." + tenant.length(), Map.of("tenant", List.of(tenant), "region", List.of(region), "secret", List.of("s-" + tenant)));
    }

    private static void consume(ExporterFactory.Exporter e, ClientInfo c, String... spans) throws Exception {
        ClientInfo.run(c, () -> e.consume(Data.traces(spans)));
    }

    private Map<String, Sent> twoBatchesByTenant() throws InterruptedException {
        Map<String, Sent> byTenant = new java.util.HashMap<>();
        for (int i = 0; i < 2; i++) {
            Sent s = next();
            byTenant.put(s.client().get("tenant").get(0), s);
        }
        return byTenant;
    }

    private Sent next() throws InterruptedException {
        Sent s = sent.poll(30, TimeUnit.SECONDS);
        assertThat(s).as("a batch was sent").isNotNull();
        return s;
    }

    @Test
    void twoClientsGetTheirOwnBatchesCarryingTheirOwnMetadata() throws Exception {
        // size-triggered only (a long flush_timeout): four spans make a batch
        ExporterFactory.Exporter e = exporter(new ExporterHelper.Batch(Duration.ofHours(1), 4, 0, Sizer.ITEMS, List.of("tenant", "Region")));
        try {
            consume(e, client("acme", "eu"), "a1", "a2");
            consume(e, client("globex", "us"), "g1", "g2");
            consume(e, client("acme", "eu"), "a3", "a4");
            consume(e, client("globex", "us"), "g3", "g4");
            Map<String, Sent> byTenant = twoBatchesByTenant();
            assertThat(byTenant.get("acme").spans()).containsExactly("a1", "a2", "a3", "a4");
            assertThat(byTenant.get("globex").spans()).containsExactly("g1", "g2", "g3", "g4");
            // a merged batch carries the partition's keys only (upstream's merged context), under the names configured
            assertThat(byTenant.get("acme").client().metadata()).isEqualTo(Map.of("tenant", List.of("acme"), "region", List.of("eu")));
            assertThat(byTenant.get("globex").client().get("secret")).isEmpty();
        } finally {
            e.shutdown();
        }
    }

    @Test
    void withAPersistentQueueWhatAPreviousRunLeftIsPartitionedByTheClientInfoStoredWithIt() throws Exception {
        Host host = storageHost();
        // a previous run queued one request of each client and stopped before exporting them
        SendingQueue left = SendingQueue.persistent(storage.client(Kind.EXPORTER, ComponentId.parse("otlp"), "traces"), Signal.TRACES, 1000,
                java.util.logging.Logger.getLogger("test"));
        ClientInfo.run(client("acme", "eu"), () -> left.offer(Data.traces("a1", "a2"), 2, false, null));
        ClientInfo.run(client("globex", "us"), () -> left.offer(Data.traces("g1", "g2"), 2, false, null));
        left.close();
        ExporterFactory.Exporter e = exporter(new ExporterHelper.Batch(Duration.ofHours(1), 4, 0, Sizer.ITEMS, List.of("tenant")),
                ComponentId.parse("file_storage"), host);
        try {
            consume(e, client("globex", "us"), "g3", "g4");
            consume(e, client("acme", "eu"), "a3", "a4");
            Map<String, Sent> byTenant = twoBatchesByTenant();
            assertThat(byTenant.get("acme").spans()).containsExactly("a1", "a2", "a3", "a4");
            assertThat(byTenant.get("globex").spans()).containsExactly("g1", "g2", "g3", "g4");
            assertThat(byTenant.get("acme").client().metadata()).isEqualTo(Map.of("tenant", List.of("acme")));
        } finally {
            e.shutdown();
        }
    }

    @Test
    void withoutPartitioningClientsShareABatchThatCarriesNoClientMetadata() throws Exception {
        ExporterFactory.Exporter e = exporter(new ExporterHelper.Batch(Duration.ofHours(1), 4, 0, Sizer.ITEMS, List.of()));
        try {
            consume(e, client("acme", "eu"), "a1", "a2");
            consume(e, client("globex", "us"), "g1", "g2");
            Sent s = next();
            assertThat(s.spans()).containsExactly("a1", "a2", "g1", "g2");
            assertThat(s.client()).isEqualTo(ClientInfo.EMPTY);
        } finally {
            e.shutdown();
        }
    }

    @Test
    void aQueuedRequestIsExportedWithItsClientInfo() throws Exception {
        ExporterFactory.Exporter e = exporter(null);
        try {
            consume(e, client("acme", "eu"), "a1");
            Sent s = next();
            assertThat(s.client().get("secret")).containsExactly("s-acme");
            assertThat(s.client().address()).isEqualTo("10.0.0.4");
        } finally {
            e.shutdown();
        }
    }

    @Test
    void theKeyIsUpstreamsAbsentKeysAreSkippedAndEmptyValuesAreTheirOwnPartition() {
        List<String> keys = List.of("tenant", "region");
        assertThat(QueuedExporter.partitionKey(keys, client("acme", "eu"))).isEqualTo("tenant\0acme\0region\0eu");
        assertThat(QueuedExporter.partitionKey(keys, new ClientInfo("", Map.of("region", List.of("eu"))))).isEqualTo("region\0eu");
        assertThat(QueuedExporter.partitionKey(keys, new ClientInfo("", Map.of("tenant", List.of(""))))).isEqualTo("tenant\0");
        assertThat(QueuedExporter.partitionKey(keys, ClientInfo.EMPTY)).isEmpty();
        assertThat(QueuedExporter.partitionKey(List.of(), client("acme", "eu"))).isEmpty();
    }

    @Test
    void partitionKeysAreDecodedAndDuplicatesRefusedCaseInsensitively() throws Exception {
        OtlpGrpcExporterFactory factory = new OtlpGrpcExporterFactory();
        String base = "endpoint: localhost:4317\n";
        assertThat(TestComponents.decode(factory, base + "sending_queue: {batch: {partition: {metadata_keys: [tenant, region]}}}")
                .helper().queue().batch().partitionKeys()).containsExactly("tenant", "region");
        assertThat(TestComponents.problems(factory, base + "sending_queue: {batch: {partition: {metadata_keys: [Tenant, tenant]}}}"))
                .anyMatch(m -> m.contains("duplicate entry in metadata_keys: \"tenant\" (case-insensitive)"));
        assertThat(TestComponents.problems(factory, base + "sending_queue: {batch: {partition: {bogus: 1}}}")).anyMatch(m -> m.contains("bogus"));
    }
}

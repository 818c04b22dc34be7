package io.ottl4j.collector.exporter.datadog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ottl4j.collector.datadog.mapping.Attrs;
import io.ottl4j.collector.datadog.mapping.Hosts;
import io.ottl4j.collector.exporter.internal.ExporterHelper.SendException;
import io.ottl4j.pdata.AttributeMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The host metadata payload ({@code POST <metrics endpoint>/intake}): hostname, aliases, host tags and a
 * gohai-style system description, sent at start and every {@code host_metadata.reporter_period}. With
 * {@code hostname_source: first_resource} the first resource that names a host supplies the hostname and
 * the platform facts (os.*, host.arch, host.cpu.*); otherwise the configured or system hostname and the
 * JVM's view of the machine.
 */
final class HostMetadata implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();
    private final DatadogConfig config;
    private final Intake intake;
    private final Logger log;
    private final String version;
    private final AtomicReference<AttributeMap> firstResource = new AtomicReference<>();
    private ScheduledExecutorService timer;

    HostMetadata(DatadogConfig config, Intake intake, Logger log, String version) {
        this.config = config;
        this.intake = intake;
        this.log = log;
        this.version = version;
    }

    void start() {
        if (!config.hostMetadata().enabled()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("datadog-host-metadata").unstarted(r));
        long period = config.hostMetadata().reporterPeriod().toMillis();
        if (!config.hostMetadata().firstResource()) {
            timer.execute(this::sendQuietly);
        }
        timer.scheduleAtFixedRate(this::sendQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /** Sees every resource; with first_resource, the first that names a host triggers the first payload. */
    void observe(AttributeMap res) {
        if (config.hostMetadata().enabled() && config.hostMetadata().firstResource() && firstResource.get() == null
                && !Hosts.fromResource(res).isEmpty() && firstResource.compareAndSet(null, res.deepCopy()) && timer != null) {
            timer.execute(this::sendQuietly);
        }
    }

    private void sendQuietly() {
        try {
            send();
        } catch (Exception e) {
            log.log(Level.WARNING, "failed to send host metadata: " + e.getMessage());
        }
    }

    void send() throws IOException, SendException {
        AttributeMap res = firstResource.get();
        if (config.hostMetadata().firstResource() && res == null) {
            return;
        }
        byte[] body = Intake.gzip(payload(res), 6);
        intake.post(config.metrics().endpoint() + "/intake", Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"), body,
                config.helper().timeout().isZero() ? Duration.ofSeconds(15) : config.helper().timeout());
    }

    byte[] payload(AttributeMap res) throws IOException {
        String host = res != null ? Hosts.resolve(res, config.hostname()) : config.hostname().isEmpty() ? Hosts.system() : config.hostname();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bos)) {
            g.writeStartObject();
            g.writeStringField("internalHostname", host);
            g.writeStringField("otel_version", version);
            g.writeStringField("agent-flavor", "ottl4j-collector");
            g.writeObjectFieldStart("meta");
            g.writeStringField("hostname", host);
            g.writeStringField("socket-hostname", Hosts.system());
            g.writeStringField("socket-fqdn", fqdn());
            g.writeArrayFieldStart("host_aliases");
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("host-tags");
            g.writeArrayFieldStart("otel");
            List<String> tags = new ArrayList<>(config.hostMetadata().tags());
            for (String t : tags) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("gohai", gohai(res));
            g.writeEndObject();
        }
        return bos.toByteArray();
    }

    /** The gohai JSON (a string inside the payload): platform and cpu facts. */
    private static String gohai(AttributeMap res) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bos)) {
            g.writeStartObject();
            g.writeObjectFieldStart("platform");
            g.writeStringField("hostname", res != null ? Hosts.fromResource(res) : Hosts.system());
            g.writeStringField("os", res != null ? Attrs.get(null, res, "os.description", "os.type") : System.getProperty("os.name"));
            g.writeStringField("machine", res != null ? Attrs.get(null, res, "host.arch") : System.getProperty("os.arch"));
            g.writeStringField("kernel_release", res != null ? "" : System.getProperty("os.version"));
            g.writeEndObject();
            g.writeObjectFieldStart("cpu");
            if (res != null) {
                g.writeStringField("vendor_id", Attrs.get(null, res, "host.cpu.vendor.id"));
                g.writeStringField("family", Attrs.get(null, res, "host.cpu.family"));
                g.writeStringField("model", Attrs.get(null, res, "host.cpu.model.id"));
                g.writeStringField("model_name", Attrs.get(null, res, "host.cpu.model.name"));
                g.writeStringField("stepping", Attrs.get(null, res, "host.cpu.stepping"));
                g.writeStringField("cache_size", Attrs.get(null, res, "host.cpu.cache.l2.size"));
            } else {
                g.writeStringField("cpu_logical_processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return bos.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String fqdn() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (IOException e) {
            return Hosts.system();
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        intake.close();
    }
}

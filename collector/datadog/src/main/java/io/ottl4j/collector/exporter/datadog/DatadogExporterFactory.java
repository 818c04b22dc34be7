package io.ottl4j.collector.exporter.datadog;

import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.ShutdownBudget;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.exporter.internal.ExporterHelper;
import io.ottl4j.pdata.Signal;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code datadog} exporter (collector-spec §4): traces to the trace intake (AgentPayload protobuf),
 * APM stats from the datadog connector to the stats intake (msgpack), metrics as series and sketches,
 * logs as JSON, host metadata, API key validation at start. Each signal's instance sends through the
 * shared exporter helper ({@code sending_queue}, {@code retry_on_failure}, {@code timeout}); the host
 * metadata reporter is shared by the signals of one exporter.
 */
public final class DatadogExporterFactory implements ExporterFactory<DatadogConfig> {
    /** Host metadata reporters by config instance, with the number of signal instances using each. */
    private static final Map<DatadogConfig, Shared> SHARED = new IdentityHashMap<>();

    private static final class Shared {
        final HostMetadata metadata;
        int users;
        boolean started;

        Shared(HostMetadata metadata) {
            this.metadata = metadata;
        }
    }

    @Override
    public String type() {
        return "datadog";
    }

    @Override
    public String description() {
        return "sends traces, APM stats, metrics, logs and host metadata to Datadog";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA);
    }

    @Override
    public DatadogConfig decode(Conf c) {
        return DatadogConfig.decode(c);
    }

    @Override
    public Exporter create(CreateSettings settings, DatadogConfig config, Signal signal) {
        Logger log = settings.logger(signal);
        Intake intake = new Intake(config.api().key(), settings.buildVersion());
        Shared shared;
        synchronized (SHARED) {
            // the reporter has its own client: it outlives whichever signal's exporter created it
            shared = SHARED.computeIfAbsent(config, c -> new Shared(new HostMetadata(c, new Intake(c.api().key(), settings.buildVersion()),
                    settings.logger(), settings.buildVersion())));
            shared.users++;
        }
        Shared sh = shared;
        Senders senders = new Senders(settings, config, intake, sh.metadata, System::currentTimeMillis, config.onlyMetadata() ? null : signal);
        ExporterHelper.Sender sender = config.onlyMetadata() ? (batch, timeout) -> senders.observe(batch) : switch (signal) {
            case TRACES -> senders::traces;
            case METRICS -> senders::metrics;
            case LOGS -> senders::logs;
            case PROFILES -> throw new IllegalArgumentException("the datadog exporter does not take profiles");
        };
        AutoCloseable onShutdown = () -> {
            // the sending queue is drained by now: flush and drain what the exporter itself holds
            senders.close(ShutdownBudget.remaining(Duration.ofMillis(1500), Duration.ofSeconds(8)));
            synchronized (SHARED) {
                if (--sh.users == 0) {
                    SHARED.remove(config);
                    sh.metadata.close();
                }
            }
            intake.close();
        };
        ExporterHelper.StartHook onStart = () -> {
            validateKey(config, intake, log);
            senders.start();
            synchronized (SHARED) {
                if (!sh.started) {
                    sh.started = true;
                    sh.metadata.start();
                }
            }
        };
        return ExporterHelper.exporter(settings, config.helper(), signal, sender, onShutdown, onStart);
    }

    /** GET /api/v1/validate: an invalid key fails the start only with fail_on_invalid_key. The key is never logged. */
    static void validateKey(DatadogConfig config, Intake intake, Logger log) {
        int status = intake.status(config.metrics().endpoint() + "/api/v1/validate", Duration.ofSeconds(15));
        if (status == 200) {
            return;
        }
        if (status == 403 || status == 401) {
            if (config.api().failOnInvalidKey()) {
                throw new IllegalStateException("API Key validation failed");
            }
            log.log(Level.WARNING, "API Key validation failed (the Datadog intake rejected the key); data will not be accepted");
        } else {
            log.log(Level.WARNING, "could not validate the API key (" + (status < 0 ? "request failed" : "HTTP " + status) + ")");
        }
    }
}

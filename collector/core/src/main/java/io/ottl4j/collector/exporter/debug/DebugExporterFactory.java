package io.ottl4j.collector.exporter.debug;

import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.pdata.Signal;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The {@code debug} exporter: writes what it receives to stderr at {@code basic}, {@code normal} or {@code detailed} verbosity. */
public final class DebugExporterFactory implements ExporterFactory<DebugExporterFactory.Config> {
    public enum Verbosity { BASIC, NORMAL, DETAILED }

    /** {@code verbosity} (default basic), {@code sampling_initial} (2), {@code sampling_thereafter} (1). */
    public record Config(Verbosity verbosity, int samplingInitial, int samplingThereafter, boolean useInternalLogger) {
    }

    private final PrintStream out;

    public DebugExporterFactory() {
        this(System.err);
    }

    /** A factory writing to {@code out} (tests). */
    public DebugExporterFactory(PrintStream out) {
        this.out = out;
    }

    @Override
    public String type() {
        return "debug";
    }

    @Override
    public String description() {
        return "writes telemetry to the console (stderr) for debugging";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.DEVELOPMENT, Signal.METRICS, Stability.DEVELOPMENT, Signal.LOGS, Stability.DEVELOPMENT,
                Signal.PROFILES, Stability.DEVELOPMENT);
    }

    @Override
    public Config decode(Conf c) {
        String v = c.string("verbosity", "basic");
        Verbosity verbosity = switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "basic" -> Verbosity.BASIC;
            case "normal" -> Verbosity.NORMAL;
            case "detailed" -> Verbosity.DETAILED;
            default -> {
                c.error("verbosity", "unknown verbosity level \"" + v + "\": use basic, normal or detailed");
                yield Verbosity.BASIC;
            }
        };
        int initial = c.intValue("sampling_initial", 2);
        int thereafter = c.intValue("sampling_thereafter", 1);
        boolean internal = c.bool("use_internal_logger", true);
        List<String> paths = c.strings("output_paths", List.of());
        if (internal && !paths.isEmpty()) {
            c.error("output_paths", "output_paths requires use_internal_logger: false");
        }
        return new Config(verbosity, initial, thereafter, internal);
    }

    @Override
    public Exporter create(CreateSettings settings, Config config, Signal signal) {
        return new DebugExporter(settings, config, signal, out);
    }
}

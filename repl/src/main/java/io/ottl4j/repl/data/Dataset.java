package io.ottl4j.repl.data;

import io.ottl4j.language.ContextKind;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The telemetry a session works on: batches of any signals, each with where it came from. */
public final class Dataset {
    /** One batch and its origin (a file name or "sample"). */
    public record Source(String origin, TelemetryBatch<?> batch) {
    }

    private final List<Source> sources = new ArrayList<>();

    public List<Source> sources() {
        return sources;
    }

    public void add(String origin, TelemetryBatch<?> batch) {
        sources.add(new Source(origin, batch));
    }

    public Dataset deepCopy() {
        Dataset d = new Dataset();
        for (Source s : sources) {
            d.add(s.origin(), s.batch().deepCopy());
        }
        return d;
    }

    /** The batches the context exists in (spans for span, every batch for resource...). */
    public List<TelemetryBatch<?>> batchesFor(ContextKind context) {
        List<TelemetryBatch<?>> out = new ArrayList<>();
        for (Source s : sources) {
            if (context.supports(s.batch().signal())) {
                out.add(s.batch());
            }
        }
        return out;
    }

    public List<Signal> signals() {
        List<Signal> out = new ArrayList<>();
        for (Source s : sources) {
            if (!out.contains(s.batch().signal())) {
                out.add(s.batch().signal());
            }
        }
        return out;
    }

    /** The bundled sample telemetry: traces with events, logs of several body kinds, metrics of every type. */
    public static Dataset samples() {
        Dataset d = new Dataset();
        for (String name : List.of("traces", "logs", "metrics")) {
            d.add("sample " + name, OtlpJson.read(resource(name + ".json")));
        }
        return d;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Dataset.class.getResourceAsStream("/io/ottl4j/repl/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

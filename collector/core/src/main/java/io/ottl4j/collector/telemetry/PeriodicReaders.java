package io.ottl4j.collector.telemetry;

import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.logging.Logger;

/** Builds the SDK's periodic metric reader for a {@link PeriodicReader}. */
final class PeriodicReaders {
    private static final Logger LOG = Logger.getLogger("io.ottl4j.collector.telemetry.console");

    private PeriodicReaders() {
    }

    static PeriodicMetricReader create(PeriodicReader r) throws IOException {
        return PeriodicMetricReader.builder(exporter(r)).setInterval(r.interval()).build();
    }

    private static AggregationTemporalitySelector temporality(String preference) {
        return switch (preference) {
            case "delta" -> AggregationTemporalitySelector.deltaPreferred();
            case "low_memory" -> AggregationTemporalitySelector.lowMemory();
            default -> AggregationTemporalitySelector.alwaysCumulative();
        };
    }

    private static byte[] read(String file) throws IOException {
        return Files.readAllBytes(Path.of(file));
    }

    private static MetricExporter exporter(PeriodicReader r) throws IOException {
        switch (r.protocol()) {
            case "console" -> {
                return new ConsoleExporter();
            }
            case "grpc" -> {
                OtlpGrpcMetricExporterBuilder b = OtlpGrpcMetricExporter.builder().setEndpoint(r.url()).setTimeout(r.exportTimeout())
                        .setAggregationTemporalitySelector(temporality(r.temporality()));
                common(r, b::addHeader, b::setCompression, b::setTrustedCertificates, b::setClientTls);
                return b.build();
            }
            default -> {
                OtlpHttpMetricExporterBuilder b = OtlpHttpMetricExporter.builder().setEndpoint(r.url()).setTimeout(r.exportTimeout())
                        .setAggregationTemporalitySelector(temporality(r.temporality()));
                common(r, b::addHeader, b::setCompression, b::setTrustedCertificates, b::setClientTls);
                return b.build();
            }
        }
    }

    /**
     * Headers, compression and TLS on either of the SDK's OTLP metric exporter builders (they share no interface, so
     * their setters come as method references).
     */
    private static void common(PeriodicReader r, java.util.function.BiConsumer<String, String> addHeader,
            java.util.function.Consumer<String> setCompression, java.util.function.Consumer<byte[]> setTrustedCertificates,
            java.util.function.BiConsumer<byte[], byte[]> setClientTls) throws IOException {
        r.headers().forEach(addHeader);
        if (!r.compression().isEmpty()) {
            setCompression.accept(r.compression());
        }
        if (!r.certificate().isEmpty()) {
            setTrustedCertificates.accept(read(r.certificate()));
        }
        if (!r.clientKey().isEmpty() && !r.clientCertificate().isEmpty()) {
            setClientTls.accept(read(r.clientKey()), read(r.clientCertificate()));
        }
    }

    /** {@code exporter: {console: {}}}: each collection written to the log, one line per metric. */
    private static final class ConsoleExporter implements MetricExporter {
        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType type) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public MemoryMode getMemoryMode() {
            return MemoryMode.IMMUTABLE_DATA;
        }

        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            for (MetricData m : metrics) {
                LOG.info(() -> m.getName() + " " + m.getData().getPoints());
            }
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

}

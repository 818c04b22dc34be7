package io.ottl4j.collector;

import io.ottl4j.collector.component.Components;
import io.ottl4j.collector.connector.forward.ForwardConnectorFactory;
import io.ottl4j.collector.exporter.debug.DebugExporterFactory;
import io.ottl4j.collector.exporter.file.FileExporterFactory;
import io.ottl4j.collector.exporter.otlp.OtlpGrpcExporterFactory;
import io.ottl4j.collector.exporter.otlphttp.OtlpHttpExporterFactory;
import io.ottl4j.collector.extension.healthcheck.HealthCheckExtensionFactory;
import io.ottl4j.collector.processor.attributes.AttributesProcessorFactory;
import io.ottl4j.collector.processor.batch.BatchProcessorFactory;
import io.ottl4j.collector.processor.filter.FilterProcessorFactory;
import io.ottl4j.collector.processor.transform.TransformProcessorFactory;
import io.ottl4j.collector.processor.memorylimiter.MemoryLimiterProcessorFactory;
import io.ottl4j.collector.processor.resource.ResourceProcessorFactory;
import io.ottl4j.collector.receiver.otlp.OtlpReceiverFactory;
import java.util.List;

/** The components of this build. */
public final class Builtins {
    private Builtins() {
    }

    public static Components components() {
        return new Components(List.of(
                new OtlpReceiverFactory(),
                new BatchProcessorFactory(),
                new TransformProcessorFactory(),
                new FilterProcessorFactory(),
                new ResourceProcessorFactory(),
                new AttributesProcessorFactory(),
                new MemoryLimiterProcessorFactory(),
                new DebugExporterFactory(),
                new FileExporterFactory(),
                new OtlpGrpcExporterFactory(),
                new OtlpHttpExporterFactory(),
                new ForwardConnectorFactory(),
                new HealthCheckExtensionFactory()));
    }
}

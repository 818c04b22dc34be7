package io.ottl4j.collector.receiver.otlp.internal;

import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.internal.Endpoints;
import io.ottl4j.otlp.OtlpDecodeException;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OTLP/gRPC: the three {@code Export} methods with byte-array marshallers, so requests go straight from
 * the wire to the pdata codec (no intermediate protobuf objects kept).
 */
final class GrpcServer {
    static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private final Server server;

    GrpcServer(CreateSettings settings, String endpoint, int maxRecvMib, Map<Signal, Consumer> next) {
        NettyServerBuilder b = NettyServerBuilder.forAddress(Endpoints.bindable(endpoint));
        b.maxInboundMessageSize(maxRecvMib > 0 ? maxRecvMib * 1024 * 1024 : 4 * 1024 * 1024);
        for (Map.Entry<Signal, Consumer> e : next.entrySet()) {
            b.addService(service(settings, e.getKey(), e.getValue()));
        }
        // signals without a pipeline still answer, as upstream: UNIMPLEMENTED from the missing service
        this.server = b.build();
    }

    static String serviceName(Signal s) {
        return switch (s) {
            case TRACES -> "opentelemetry.proto.collector.trace.v1.TraceService";
            case METRICS -> "opentelemetry.proto.collector.metrics.v1.MetricsService";
            case LOGS -> "opentelemetry.proto.collector.logs.v1.LogsService";
        };
    }

    static MethodDescriptor<byte[], byte[]> method(Signal s) {
        return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(serviceName(s), "Export"))
                .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    }

    private static ServerServiceDefinition service(CreateSettings settings, Signal signal, Consumer next) {
        return ServerServiceDefinition.builder(serviceName(signal)).addMethod(method(signal), ServerCalls.asyncUnaryCall((req, obs) -> {
            TelemetryBatch<?> batch;
            try {
                batch = OtlpProto.decode(signal, req);
            } catch (OtlpDecodeException e) {
                // grpc-go fails the unmarshalling of a request with INTERNAL before the receiver sees it
                obs.onError(Status.INTERNAL.withDescription("grpc: error unmarshalling request: " + e.getMessage()).asRuntimeException());
                return;
            }
            Ingest.Result r = Ingest.consume(settings, "grpc", signal, next, batch);
            if (r.code() == Ingest.OK) {
                obs.onNext(new byte[0]);
                obs.onCompleted();
            } else {
                obs.onError(Status.fromCodeValue(r.code()).withDescription(r.message()).asRuntimeException());
            }
        })).build();
    }

    void start() throws IOException {
        server.start();
    }

    int port() {
        return server.getPort();
    }

    void stop() throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
            server.shutdownNow();
        }
    }
}

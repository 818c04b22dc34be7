package io.ottl4j.collector.receiver.otlp.internal;

import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.extension.auth.ServerAuth;
import io.ottl4j.collector.receiver.otlp.OtlpReceiverFactory;
import io.ottl4j.pdata.Signal;
import java.util.Map;

/** One OTLP receiver: a gRPC server and/or an HTTP server shared by every signal it serves. */
public final class OtlpReceiver implements Component {
    private final GrpcServer grpc;
    private final HttpServer http;
    private final ServerAuth grpcAuth;
    private final ServerAuth httpAuth;

    public OtlpReceiver(CreateSettings settings, OtlpReceiverFactory.Config config, Map<Signal, Consumer> next) throws Exception {
        this.grpcAuth = ServerAuth.of(config.grpcAuth());
        this.httpAuth = ServerAuth.of(config.httpAuth());
        this.grpc = config.grpc() == null ? null : new GrpcServer(settings, config.grpc(), next, grpcAuth);
        this.http = config.http() == null ? null : new HttpServer(settings, config.http(), next, httpAuth);
    }

    @Override
    public void start(Host host) throws Exception {
        // authenticators are extensions, started before receivers
        if (grpcAuth != null && grpc != null) {
            grpcAuth.resolve(host);
        }
        if (httpAuth != null && http != null) {
            httpAuth.resolve(host);
        }
        if (grpc != null) {
            grpc.start();
        }
        if (http != null) {
            try {
                http.start();
            } catch (Exception e) {
                if (grpc != null) {
                    grpc.stop();
                }
                throw e;
            }
        }
    }

    /** The bound gRPC port (-1 when gRPC is off); useful with port 0. */
    public int grpcPort() {
        return grpc == null ? -1 : grpc.port();
    }

    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    @Override
    public void shutdown() throws Exception {
        if (http != null) {
            http.stop();
        }
        if (grpc != null) {
            grpc.stop();
        }
    }
}

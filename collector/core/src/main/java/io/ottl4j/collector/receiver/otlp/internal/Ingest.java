package io.ottl4j.collector.receiver.otlp.internal;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.ConsumerException;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.internal.Batches;
import io.ottl4j.collector.internal.Faults;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;

/** Hands a decoded request to the pipeline and turns the outcome into a gRPC status code (§2.2). */
final class Ingest {
    static final int OK = 0;
    static final int INVALID_ARGUMENT = 3;
    static final int RESOURCE_EXHAUSTED = 8;
    static final int INTERNAL = 13;
    static final int UNAVAILABLE = 14;

    record Result(int code, String message) {
    }

    private Ingest() {
    }

    /** Calls the pipeline with {@code client} as the current {@link ClientInfo} (null: none). */
    static Result consume(CreateSettings settings, String transport, Signal signal, Consumer next, TelemetryBatch<?> batch, ClientInfo client) {
        int n = Batches.count(batch);
        if (batch.itemCount() == 0) {
            return new Result(OK, "");
        }
        try {
            ClientInfo c = client == null ? ClientInfo.EMPTY : client;
            if (transport.equals("grpc")) {
                ClientInfo.runOverGrpc(c, () -> next.consume(batch));
            } else {
                ClientInfo.run(c, () -> next.consume(batch));
            }
            settings.telemetry().receiver(settings.id(), transport, signal, "accepted", n);
            return new Result(OK, "");
        } catch (ConsumerException e) {
            settings.telemetry().receiver(settings.id(), transport, signal, "refused", n);
            int code = e.grpcCode() >= 0 ? e.grpcCode() : e.permanent() ? INTERNAL : UNAVAILABLE;
            return new Result(code, message(e));
        } catch (Exception e) {
            settings.telemetry().receiver(settings.id(), transport, signal, "refused", n);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Result(UNAVAILABLE, message(e));
        } catch (Throwable t) {
            // a fault of a component on this request (not a refusal): dropped, counted, logged once; the
            // receiver goes on. Permanent (INTERNAL, as upstream for an error without a status) unless the
            // JVM itself is in trouble, where the client should retry elsewhere.
            settings.telemetry().receiver(settings.id(), transport, signal, "refused", n);
            Faults.survive(settings, settings.logger(signal), "consuming a request", n, t);
            return new Result(Faults.fatal(t) ? UNAVAILABLE : INTERNAL, Faults.describe(t));
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? Faults.describe(e) : e.getMessage();
    }

    /** The HTTP status for a gRPC code (§2.3). */
    static int httpStatus(int grpcCode) {
        return switch (grpcCode) {
            case 0 -> 200;
            case 1, 4, 10, 11, 14, 15 -> 503;
            case 8 -> 429;
            case 3 -> 400;
            case 16 -> 401;
            case 7 -> 403;
            case 12 -> 404;
            default -> 500;
        };
    }
}

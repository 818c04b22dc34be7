package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.Span;

/**
 * The span name the OpenTelemetry semantic conventions (v1.37.0 to v1.43.0) give a span, from its kind and
 * attributes, as upstream's {@code set_semconv_span_name} derives it: HTTP, RPC, database and messaging
 * names in the order the kind calls for, falling back to the current name.
 */
final class SemconvSpanNames {
    /** The semantic-convention versions upstream accepts (v0.162: 1.37.0 through 1.43.0); the naming rules are the same. */
    static final java.util.List<String> SUPPORTED_VERSIONS = java.util.List.of("1.37.0", "1.38.0", "1.39.0", "1.40.0", "1.41.0", "1.42.0",
            "1.43.0");

    private static final int SERVER = 2;
    private static final int CLIENT = 3;
    private static final int PRODUCER = 4;
    private static final int CONSUMER = 5;

    private SemconvSpanNames() {
    }

    @TruffleBoundary
    static String derive(Span span) {
        AttributeMap a = span.attributes();
        String name = switch ((int) span.kind()) {
            case SERVER -> first(http(a, "http.route"), rpc(a), messaging(a));
            case CLIENT -> first(http(a, "url.template"), rpc(a), db(a), messaging(a));
            case PRODUCER, CONSUMER -> messaging(a);
            default -> "";
        };
        return name.isEmpty() ? span.name() : name;
    }

    private static String first(String... names) {
        for (String n : names) {
            if (!n.isEmpty()) {
                return n;
            }
        }
        return "";
    }

    private static String http(AttributeMap a, String subject) {
        Object method = get(a, "http.request.method", "http.method");
        if (method == null) {
            return "";
        }
        Object s = a.get(subject);
        return s == null ? str(method) : str(method) + " " + str(s);
    }

    private static String rpc(AttributeMap a) {
        Object system = get(a, "rpc.system.name", "rpc.system"); // rpc.system.name since semconv 1.38
        if (system == null) {
            return "";
        }
        Object method = get(a, "rpc.method", "rpc.grpc.method");
        Object service = get(a, "rpc.service", "rpc.grpc.service");
        if (method != null && service != null) {
            return str(service) + "/" + str(method);
        } else if (method != null) {
            return str(method);
        } else if (service != null) {
            return str(service) + "/*";
        }
        return str(system);
    }

    private static String db(AttributeMap a) {
        Object system = get(a, "db.system.name", "db.system");
        if (system == null) {
            return "";
        }
        Object summary = a.get("db.query.summary");
        if (summary != null) {
            return str(summary);
        }
        Object op = get(a, "db.operation.name", "db.operation");
        String operation = op == null ? "" : str(op);
        String target = dbTarget(a);
        if (!operation.isEmpty() && !target.isEmpty()) {
            return operation + " " + target;
        } else if (!operation.isEmpty()) {
            return operation;
        } else if (!target.isEmpty()) {
            return target;
        }
        return str(system);
    }

    private static String dbTarget(AttributeMap a) {
        Object ns = get(a, "db.namespace", "db.name");
        String namespace = ns == null ? "" : str(ns);
        for (String key : new String[] {"db.collection.name", "db.stored_procedure.name"}) {
            Object v = a.get(key);
            if (v != null) {
                return namespace.isEmpty() ? str(v) : namespace + "." + str(v);
            }
        }
        if (!namespace.isEmpty()) {
            return namespace;
        }
        return serverAddress(a);
    }

    private static String messaging(AttributeMap a) {
        Object system = a.get("messaging.system");
        if (system == null) {
            return "";
        }
        Object operation = get(a, "messaging.operation.name", "messaging.operation");
        String destination = messagingDestination(a);
        if (operation != null && !destination.isEmpty()) {
            return str(operation) + " " + destination;
        } else if (!destination.isEmpty()) {
            return destination;
        } else if (operation != null) {
            return str(operation);
        }
        return str(system);
    }

    private static String messagingDestination(AttributeMap a) {
        if (Boolean.TRUE.equals(a.get("messaging.destination.temporary"))) {
            return "(temporary)";
        }
        if (Boolean.TRUE.equals(a.get("messaging.destination.anonymous"))) {
            return "(anonymous)";
        }
        Object template = a.get("messaging.destination.template");
        if (template != null) {
            return str(template);
        }
        Object name = get(a, "messaging.destination.name", "messaging.destination");
        if (name != null) {
            return str(name);
        }
        return serverAddress(a);
    }

    private static String serverAddress(AttributeMap a) {
        Object address = a.get("server.address");
        if (address == null) {
            return "";
        }
        Object port = a.get("server.port");
        return port == null ? str(address) : str(address) + ":" + str(port);
    }

    /** The attribute under its current semconv name, else under its legacy alias; null when neither is present. */
    private static Object get(AttributeMap a, String name, String alias) {
        Object v = a.get(name);
        return v != null ? v : a.get(alias);
    }

    /** pcommon's {@code Value.AsString}: an empty value reads as "". */
    private static String str(Object stored) {
        return AnyValue.asString(stored);
    }
}

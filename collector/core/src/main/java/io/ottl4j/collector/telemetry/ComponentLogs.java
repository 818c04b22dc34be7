package io.ottl4j.collector.telemetry;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.pdata.Signal;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * {@code service.telemetry.logs}: java.util.logging lines shaped like upstream's zap output, each carrying the
 * component's {@code otelcol.component.id}, {@code otelcol.component.kind} and, where it has one,
 * {@code otelcol.signal}. Components get their logger from {@link #logger}, which remembers those fields for the
 * logger's name, so the formatter needs no parsing and code outside components logs without them.
 */
public final class ComponentLogs {
    private static final Map<String, Map<String, String>> FIELDS = new ConcurrentHashMap<>();
    /** zap's ISO 8601 encoder: milliseconds, {@code Z} for UTC, else the offset as {@code +0100}. */
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX", Locale.ROOT);

    private ComponentLogs() {
    }

    /** The logger for a component (signal may be null), registered with its upstream log fields. */
    public static Logger logger(Kind kind, ComponentId id, Signal signal) {
        String name = "io.ottl4j.collector." + kind.singular() + "." + id + (signal == null ? "" : "." + signal.name().toLowerCase(Locale.ROOT));
        FIELDS.computeIfAbsent(name, n -> {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("otelcol.component.id", id.toString());
            f.put("otelcol.component.kind", kind.singular());
            if (signal != null) {
                f.put("otelcol.signal", signal.name().toLowerCase(Locale.ROOT));
            }
            return java.util.Collections.unmodifiableMap(f); // insertion order: id, kind, signal
        });
        return Logger.getLogger(name);
    }

    /** upstream level names → java.util.logging; null when unknown. */
    public static Level level(String upstream) {
        return switch (upstream.toLowerCase(Locale.ROOT)) {
            case "debug" -> Level.FINE;
            case "info" -> Level.INFO;
            case "warn" -> Level.WARNING;
            case "error", "dpanic", "panic", "fatal" -> Level.SEVERE;
            default -> null;
        };
    }

    static String levelName(Level l) {
        int v = l.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "error";
        }
        if (v >= Level.WARNING.intValue()) {
            return "warn";
        }
        if (v >= Level.INFO.intValue()) {
            return "info";
        }
        return "debug";
    }

    /** A handler writing {@code console} or {@code json} lines to {@code out} from {@code level} up. */
    public static Handler handler(String level, String encoding, OutputStream out) {
        Formatter f = "json".equals(encoding) ? new JsonFormatter() : new ConsoleFormatter();
        StreamHandler h = new StreamHandler(new PrintStream(out, true, StandardCharsets.UTF_8), f) {
            @Override
            public synchronized void publish(LogRecord r) {
                super.publish(r);
                flush(); // a line per record, as zap writes it
            }
        };
        h.setLevel(level(level) == null ? Level.INFO : level(level));
        return h;
    }

    /** Replaces the root logger's handlers with one writing to stderr (upstream's default output). */
    public static void install(String level, String encoding) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Handler h = handler(level, encoding, new java.io.FileOutputStream(java.io.FileDescriptor.err));
        root.addHandler(h);
        root.setLevel(h.getLevel());
    }

    /** The one timestamp format of every log line the collector writes (its own, components', the debug exporter's). */
    public static String timestamp(Instant t) {
        return TS.format(t.atZone(ZoneId.systemDefault()));
    }

    private static Map<String, String> fields(LogRecord r) {
        Map<String, String> f = r.getLoggerName() == null ? null : FIELDS.get(r.getLoggerName());
        return f == null ? Map.of() : f;
    }

    private static String message(LogRecord r) {
        String m = r.getMessage();
        if (m != null && r.getParameters() != null && r.getParameters().length > 0) {
            m = java.text.MessageFormat.format(m, r.getParameters());
        }
        return m == null ? "" : m;
    }

    /** {@code ts<TAB>level<TAB>message<TAB>{"field": "value", ...}}, zap's console encoder layout. */
    static final class ConsoleFormatter extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder(160);
            b.append(timestamp(r.getInstant())).append('\t').append(levelName(r.getLevel()))
                    .append('\t').append(message(r));
            Map<String, String> f = fields(r);
            if (!f.isEmpty() || r.getThrown() != null) {
                b.append('\t').append('{');
                boolean first = true;
                for (Map.Entry<String, String> e : f.entrySet()) {
                    first = field(b, first, e.getKey(), e.getValue(), ": ");
                }
                if (r.getThrown() != null) {
                    field(b, first, "error", String.valueOf(r.getThrown().getMessage()), ": ");
                }
                b.append('}');
            }
            return b.append('\n').toString();
        }
    }

    /** One JSON object per line: level, ts, msg, the component fields, error. */
    static final class JsonFormatter extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder(200).append('{');
            field(b, true, "level", levelName(r.getLevel()), ":");
            field(b, false, "ts", timestamp(r.getInstant()), ":");
            field(b, false, "msg", message(r), ":");
            for (Map.Entry<String, String> e : fields(r).entrySet()) {
                field(b, false, e.getKey(), e.getValue(), ":");
            }
            if (r.getThrown() != null) {
                field(b, false, "error", String.valueOf(r.getThrown().getMessage()), ":");
            }
            return b.append("}\n").toString();
        }
    }

    private static boolean field(StringBuilder b, boolean first, String key, String value, String sep) {
        if (!first) {
            b.append(", ".substring(0, sep.length() == 1 ? 1 : 2));
        }
        quote(b, key);
        b.append(sep);
        quote(b, value);
        return false;
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}

package io.ottl4j.cli.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Log output of the short-lived commands ({@code test}, {@code eval}, {@code validate}, ...): one line per record,
 * {@code warning: message}, on stderr, instead of java.util.logging's two-line default with a date and a class
 * name. The collector replaces it with its own zap-like lines (ComponentLogs).
 */
public final class CliLogging {
    private CliLogging() {
    }

    /**
     * Selects {@link ShutdownSafeLogManager}; must run before anything touches java.util.logging. By name: loading
     * that class would initialise its superclass LogManager, which reads the property once, too early.
     */
    public static void selectLogManager() {
        System.setProperty("java.util.logging.manager", "io.ottl4j.cli.internal.ShutdownSafeLogManager");
    }

    /** Replaces the root handlers with one writing a line per record to {@code err}. */
    public static void install(PrintStream err) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        StreamHandler h = new StreamHandler(err, new OneLine()) {
            @Override
            public synchronized void publish(LogRecord r) {
                super.publish(r);
                flush();
            }
        };
        h.setLevel(Level.INFO);
        root.addHandler(h);
    }

    /** {@code level: message[: cause]}, the message formatted with its parameters, line breaks kept out. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder(120).append(level(r.getLevel())).append(": ").append(formatMessage(r));
            if (r.getThrown() != null && r.getThrown().getMessage() != null) {
                b.append(": ").append(r.getThrown().getMessage());
            }
            return b.toString().replace('\n', ' ') + System.lineSeparator();
        }

        private static String level(Level l) {
            if (l.intValue() >= Level.SEVERE.intValue()) {
                return "error";
            }
            return l.intValue() >= Level.WARNING.intValue() ? "warning" : l.getName().toLowerCase(Locale.ROOT);
        }
    }
}

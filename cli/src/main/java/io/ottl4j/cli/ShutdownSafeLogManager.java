package io.ottl4j.cli;

import java.util.logging.LogManager;

/**
 * The JDK's LogManager resets (closes and removes every handler) from its own shutdown hook, which runs at the
 * same time as the collector's: everything the collector logs while draining on SIGTERM (what it kept, what it
 * dropped) would be lost. This manager ignores that one reset, so the shutdown report reaches stderr; the
 * process is ending anyway, and the handlers flush every record.
 */
public final class ShutdownSafeLogManager extends LogManager {
    @Override
    public void reset() {
        if (shuttingDown()) {
            return;
        }
        super.reset();
    }

    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> {
            });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}

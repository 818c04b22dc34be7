package io.ottl4j.cli.internal;

import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * A {@link LogManager} that keeps its handlers open through the JVM's shutdown. java.util.logging registers its
 * own shutdown hook, which resets the manager (closing and removing every handler); shutdown hooks run in no
 * particular order, so the collector's hook, still draining batches and logging "Starting shutdown...", the debug
 * exporter's output and "Shutdown complete.", lost those lines at random. Here that reset only flushes: the
 * handlers flush every record anyway, and the process ends right after the last hook. Selected by
 * {@link CliLogging#selectLogManager()} (not here: touching this class would initialise LogManager first).
 */
public final class ShutdownSafeLogManager extends LogManager {
    /** The name of java.util.logging's shutdown hook thread (LogManager.Cleaner). */
    private static final String CLEANER = "java.util.logging.LogManager$Cleaner";

    @Override
    public void reset() {
        if (CLEANER.equals(Thread.currentThread().getClass().getName())) {
            for (Handler h : Logger.getLogger("").getHandlers()) {
                h.flush();
            }
            return;
        }
        super.reset();
    }
}

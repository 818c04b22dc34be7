package io.ottl4j.boot;

import java.io.IOException;
import java.net.URL;
import java.security.ProtectionDomain;
import java.util.function.Consumer;

/** One element of the class path: a jar or a directory of classes. */
sealed interface Source permits JarSource, DirectorySource {
    /** Calls {@code sink} with the name of every file entry ("a/b/C.class", "META-INF/services/x"). */
    void names(Consumer<String> sink) throws IOException;

    /** The bytes of entry {@code name}, or null when there is none. */
    byte[] read(String name) throws IOException;

    boolean has(String name);

    /** A URL whose stream reads entry {@code name}. */
    URL url(String name);

    ProtectionDomain domain(ClassLoader loader);

    PackageInfo packageInfo();

    boolean isOpen();

    /** Closes the underlying file when it was not read for {@code idleNanos} before {@code now}. */
    void closeIfIdle(long now, long idleNanos);
}

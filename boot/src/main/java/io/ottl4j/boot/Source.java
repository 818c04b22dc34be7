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

    /** The jar or directory, as the code source of the classes read from it. */
    java.nio.file.Path location();

    /** The domain of classes read from {@code location}: its code source, no signers, no static permissions. */
    static ProtectionDomain domainOf(java.nio.file.Path location, ClassLoader loader) {
        try {
            return new ProtectionDomain(new java.security.CodeSource(location.toUri().toURL(), (java.security.CodeSigner[]) null), null, loader, null);
        } catch (java.net.MalformedURLException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    PackageInfo packageInfo();

    boolean isOpen();

    /** Closes the underlying file when it was not read for {@code idleNanos} before {@code now}. */
    void closeIfIdle(long now, long idleNanos);
}

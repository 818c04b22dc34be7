package io.ottl4j.boot;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

/**
 * A jar, open only while it is read: the central directory the JDK reads into the heap for an open jar is freed when
 * {@link #closeIfIdle} closes it, and the next read opens it again.
 */
final class JarSource implements Source {
    private final Path path;
    private final String base;
    private final URLStreamHandler handler = new Handler();
    private volatile PackageInfo packageInfo;
    private JarFile jar;
    private long lastRead;

    JarSource(Path path) {
        this.path = path.toAbsolutePath();
        this.base = this.path.toUri().toString();
    }

    private JarFile open() throws IOException {
        lastRead = System.nanoTime();
        if (jar == null) {
            // at the running version, so a multi-release jar gives the classes meant for it
            jar = new JarFile(path.toFile(), false, ZipFile.OPEN_READ, Runtime.version());
        }
        return jar;
    }

    @Override
    public synchronized void names(Consumer<String> sink) throws IOException {
        // left open: the classes of the start are read from it next; the closer thread closes it when unused
        open().versionedStream().filter(e -> !e.isDirectory()).forEach(e -> sink.accept(e.getName()));
    }

    @Override
    public synchronized byte[] read(String name) throws IOException {
        JarFile f = open();
        JarEntry e = f.getJarEntry(name);
        if (e == null || e.isDirectory()) {
            return null;
        }
        try (InputStream in = f.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    @Override
    public synchronized boolean has(String name) {
        try {
            JarEntry e = open().getJarEntry(name);
            return e != null && !e.isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    @SuppressWarnings("deprecation") // URL(String, String, int, String, URLStreamHandler): the handler reads through this source
    public URL url(String name) {
        try {
            return new URL("jar", null, -1, base + "!/" + name, handler);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path location() {
        return path;
    }

    @Override
    public PackageInfo packageInfo() {
        PackageInfo p = packageInfo;
        if (p == null) {
            synchronized (this) {
                try {
                    p = PackageInfo.of(open().getManifest());
                } catch (IOException e) {
                    p = PackageInfo.NONE;
                }
            }
            packageInfo = p;
        }
        return p;
    }

    @Override
    public synchronized boolean isOpen() {
        return jar != null;
    }

    @Override
    public synchronized void closeIfIdle(long now, long idleNanos) {
        if (jar != null && now - lastRead >= idleNanos) {
            try {
                jar.close();
            } catch (IOException e) {
                // nothing was written: a failed close leaves nothing to undo
            }
            jar = null;
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }

    /** Streams of this jar's resource URLs, read through the source (so they open the jar again when needed). */
    private final class Handler extends URLStreamHandler {
        @Override
        protected URLConnection openConnection(URL u) {
            String file = u.getFile();
            int sep = file.indexOf("!/");
            String name = sep < 0 ? "" : file.substring(sep + 2);
            return new URLConnection(u) {
                private byte[] bytes;

                @Override
                public void connect() throws IOException {
                    if (bytes == null) {
                        bytes = read(name);
                        if (bytes == null) {
                            throw new FileNotFoundException(name + " in " + path);
                        }
                    }
                    connected = true;
                }

                @Override
                public InputStream getInputStream() throws IOException {
                    connect();
                    return new ByteArrayInputStream(bytes);
                }

                @Override
                public long getContentLengthLong() {
                    try {
                        connect();
                        return bytes.length;
                    } catch (IOException e) {
                        return -1;
                    }
                }
            };
        }
    }
}

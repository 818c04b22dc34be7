package io.ottl4j.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A directory of classes (a build's {@code target/classes}): nothing to keep open. */
final class DirectorySource implements Source {
    private final Path root;

    DirectorySource(Path root) {
        this.root = root;
    }

    @Override
    public void names(Consumer<String> sink) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> sink.accept(root.relativize(f).toString().replace(java.io.File.separatorChar, '/')));
        }
    }

    @Override
    public byte[] read(String name) throws IOException {
        try {
            return Files.readAllBytes(root.resolve(name));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public boolean has(String name) {
        return Files.isRegularFile(root.resolve(name));
    }

    @Override
    public URL url(String name) {
        try {
            return root.resolve(name).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path location() {
        return root;
    }

    @Override
    public PackageInfo packageInfo() {
        return PackageInfo.NONE;
    }

    @Override
    public boolean isOpen() {
        return false;
    }

    @Override
    public void closeIfIdle(long now, long idleNanos) {
    }

    @Override
    public String toString() {
        return root.toString();
    }
}

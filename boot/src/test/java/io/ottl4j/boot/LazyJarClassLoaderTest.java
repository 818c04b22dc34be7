package io.ottl4j.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LazyJarClassLoaderTest {
    private static final String PROBE = "io.ottl4j.boot.fixture.Probe";
    private static final String OTHER = "io.ottl4j.boot.fixture.Other";
    /** The closing thread never fires on its own in these tests: they close with {@code closeIdle(0)}. */
    private static final Duration NEVER = Duration.ofDays(1);

    @TempDir
    Path dir;

    private static byte[] classBytes(String name) throws IOException {
        try (InputStream in = LazyJarClassLoaderTest.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private Path jar(String file, Manifest manifest, Map<String, byte[]> entries) throws IOException {
        Path p = dir.resolve(file);
        try (OutputStream out = Files.newOutputStream(p);
                JarOutputStream jar = manifest == null ? new JarOutputStream(out) : new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return p;
    }

    private static Manifest manifest(String... keyValues) {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (int i = 0; i < keyValues.length; i += 2) {
            m.getMainAttributes().putValue(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The platform loader as parent: the fixture classes of the test class path are not visible through it. */
    private static LazyJarClassLoader loader(List<Path> path) {
        return new LazyJarClassLoader(ClassLoader.getPlatformClassLoader(), path, NEVER);
    }

    private Path probeJar() throws IOException {
        return jar("probe.jar", manifest("Implementation-Version", "1.2.3", "Implementation-Title", "probe"), Map.of(
                PROBE.replace('.', '/') + ".class", classBytes(PROBE),
                OTHER.replace('.', '/') + ".class", classBytes(OTHER),
                "META-INF/services/x.Service", text("from-probe\n"),
                "res/a.txt", text("a")));
    }

    @Test
    void loadsClassesAndResourcesFromJarsAndDirectories() throws Exception {
        Path probe = probeJar();
        Path second = jar("second.jar", null, Map.of("META-INF/services/x.Service", text("from-second\n")));
        Path classes = Files.createDirectories(dir.resolve("classes/res"));
        Files.writeString(classes.resolve("b.txt"), "b");
        try (LazyJarClassLoader l = loader(List.of(probe, second, dir.resolve("classes")))) {
            Class<?> c = l.loadClass(PROBE);
            assertThat(c.getClassLoader()).isSameAs(l);
            assertThat(c.getMethod("hello").invoke(null)).isEqualTo("hello from ottl");
            assertThat(c.getProtectionDomain().getCodeSource().getLocation()).isEqualTo(probe.toUri().toURL());
            assertThat(c.getPackage().getImplementationVersion()).isEqualTo("1.2.3");
            assertThat(c.getPackage().getImplementationTitle()).isEqualTo("probe");

            assertThat(read(l.getResource("res/a.txt"))).isEqualTo("a");
            assertThat(read(l.getResource("res/b.txt"))).isEqualTo("b");
            try (InputStream in = l.getResourceAsStream("res/a.txt")) {
                assertThat(in.readAllBytes()).isEqualTo(text("a"));
            }
            List<String> services = new ArrayList<>();
            for (URL u : Collections.list(l.getResources("META-INF/services/x.Service"))) {
                services.add(read(u).trim());
            }
            assertThat(services).as("every jar's file, in class-path order").containsExactly("from-probe", "from-second");
            assertThat(l.getResource("res/none.txt")).isNull();
            assertThatThrownBy(() -> l.loadClass("io.ottl4j.boot.fixture.Missing")).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void closedJarsOpenAgainWhenReadAndLookUpsElsewhereOpenNothing() throws Exception {
        Path probe = probeJar();
        Path unrelated = jar("unrelated.jar", null, Map.of("org/example/Thing.class", text("not read")));
        try (LazyJarClassLoader l = loader(List.of(probe, unrelated))) {
            URL before = l.getResource("res/a.txt");
            l.loadClass(PROBE);
            l.closeIdle(0);
            assertThat(l.openJars()).isZero();

            // names no jar holds, and service files no jar has: answered from the index, every jar stays closed
            assertThatThrownBy(() -> l.loadClass("com.nowhere.Missing")).isInstanceOf(ClassNotFoundException.class);
            assertThat(Collections.list(l.getResources("META-INF/services/none.Service"))).isEmpty();
            assertThat(l.openJars()).isZero();

            // a class needed later opens its jar again, and only that one
            Class<?> other = l.loadClass(OTHER);
            assertThat(other.getMethod("answer").invoke(null)).isEqualTo(42);
            assertThat(l.openJars()).isEqualTo(1);

            // a URL handed out before the jar was closed still reads
            l.closeIdle(0);
            assertThat(read(before)).isEqualTo("a");
        }
    }

    @Test
    void theClosingThreadClosesJarsNotReadForTheIdleTime() throws Exception {
        try (LazyJarClassLoader l = new LazyJarClassLoader(ClassLoader.getPlatformClassLoader(), List.of(probeJar()), Duration.ofMillis(200))) {
            l.loadClass(PROBE);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (l.openJars() > 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(l.openJars()).isZero();
            assertThat(l.loadClass(OTHER).getMethod("answer").invoke(null)).isEqualTo(42);
        }
    }

    @Test
    void multiReleaseJarsAreReadAtTheRunningVersion() throws Exception {
        Path mr = jar("mr.jar", manifest("Multi-Release", "true"), Map.of(
                "v/which.txt", text("base"),
                "META-INF/versions/9/v/which.txt", text("nine"),
                "META-INF/versions/9/v/only9.txt", text("only in 9")));
        try (LazyJarClassLoader l = loader(List.of(mr))) {
            assertThat(read(l.getResource("v/which.txt"))).isEqualTo("nine");
            assertThat(read(l.getResource("v/only9.txt"))).isEqualTo("only in 9");
        }
    }

    @Test
    void threadsLoadingTheSameClassesGetTheSameClasses() throws Exception {
        try (LazyJarClassLoader l = loader(List.of(probeJar()))) {
            int threads = 8;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Class<?>[]>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        l.closeIdle(0);
                        return new Class<?>[] {l.loadClass(PROBE), l.loadClass(OTHER)};
                    }));
                }
                Set<Class<?>> distinct = new HashSet<>();
                for (Future<Class<?>[]> f : results) {
                    distinct.addAll(List.of(f.get(60, TimeUnit.SECONDS)));
                }
                assertThat(distinct).hasSize(2);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aDirectoryWildcardMeansItsJarsInNameOrder() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.write(lib.resolve("b.jar"), new byte[0]);
        Files.write(lib.resolve("a.jar"), new byte[0]);
        Files.writeString(lib.resolve("README"), "not a jar");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(LazyJarClassLoader.classPath(lib + "/*" + java.io.File.pathSeparator + classes))
                .containsExactly(lib.resolve("a.jar"), lib.resolve("b.jar"), classes);
        assertThatThrownBy(() -> LazyJarClassLoader.classPath(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(LazyJarClassLoader.CLASS_PATH_PROPERTY);
    }
}

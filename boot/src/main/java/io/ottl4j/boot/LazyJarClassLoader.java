package io.ottl4j.boot;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The small profile's system class loader ({@code -Djava.system.class.loader}): it reads the distribution's jars like
 * the JDK's application class loader, but keeps a jar open only while classes or resources are read from it.
 *
 * <p>Why: the JDK keeps every jar of the class path open for the life of the process once any look-up has touched it,
 * and an open jar keeps its whole central directory on the Java heap. A resource scan ({@code ServiceLoader}, a probe
 * for a class that is not there) touches every jar, so all 120-odd jars of the distribution stayed open: ~5 MiB of a
 * ~13 MiB live heap in the small profile, for jars (Kafka, the Kubernetes models, Bouncy Castle, ...) that most
 * collectors never read a class from. Here an index of directories (built once at start, from the same central
 * directories) says which jars can hold an entry, so a look-up opens only those, and a daemon thread closes every jar
 * that was not read for a while ({@value #IDLE_PROPERTY}, 10 s by default). A class needed later (an error path, a
 * component started by a reload) opens its jar again.
 *
 * <p>Entries of {@code META-INF/} are indexed by full name, so service look-ups open only the jars that have the file.
 * Multi-release jars are read at the running Java version. Signed jars are read without verifying signatures, as the
 * JDK's own class path does for code (nothing here relies on code signers).
 */
public final class LazyJarClassLoader extends ClassLoader implements AutoCloseable {
    /**
     * The class path this loader reads, in order: jars, directories of classes, and {@code dir/*} for every jar of a
     * directory (sorted by name), separated by {@link File#pathSeparator}.
     */
    public static final String CLASS_PATH_PROPERTY = "ottl.boot.classpath";
    /** How long an unread jar stays open, in seconds. */
    public static final String IDLE_PROPERTY = "ottl.boot.idleCloseSeconds";

    static {
        registerAsParallelCapable();
    }

    private static final int[] NONE = {};

    private final List<Source> sources;
    /** Directory of an entry ("io/ottl4j/pdata", "" for the root) → indexes of the sources with entries there. */
    private final Map<String, int[]> byDirectory;
    /** Full names of the entries under META-INF/ → indexes of the sources holding them. */
    private final Map<String, int[]> metaInf;
    /** The protection domain of each source, made when a class is first read from it. */
    private final java.security.ProtectionDomain[] domains;
    private final Thread closer;
    private volatile boolean closed;

    /** The constructor the JDK calls for {@code -Djava.system.class.loader}: the class path comes from {@value #CLASS_PATH_PROPERTY}. */
    public LazyJarClassLoader(ClassLoader parent) {
        this(parent, classPath(System.getProperty(CLASS_PATH_PROPERTY)),
                Duration.ofSeconds(Long.getLong(IDLE_PROPERTY, 10L)));
    }

    /** A loader over {@code entries} (jars or directories) that closes jars unread for {@code idle}. */
    public LazyJarClassLoader(ClassLoader parent, List<Path> entries, Duration idle) {
        super("ottl", parent);
        List<Source> list = new ArrayList<>(entries.size());
        Map<String, int[]> dirs = new HashMap<>();
        Map<String, int[]> meta = new HashMap<>();
        for (Path entry : entries) {
            Source s = Files.isDirectory(entry) ? new DirectorySource(entry) : new JarSource(entry);
            int index = list.size();
            list.add(s);
            try {
                s.names(name -> {
                    int slash = name.lastIndexOf('/');
                    add(dirs, slash < 0 ? "" : name.substring(0, slash), index);
                    if (name.startsWith("META-INF/")) {
                        add(meta, name, index);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + entry + " of the class path", e);
            }
        }
        this.sources = List.copyOf(list);
        this.byDirectory = dirs;
        this.metaInf = meta;
        this.domains = new java.security.ProtectionDomain[list.size()];
        long idleNanos = idle.toNanos();
        this.closer = new Thread(null, () -> closeIdleJars(idleNanos), "ottl-jar-closer", 128 * 1024);
        closer.setDaemon(true);
        closer.start();
    }

    private static void add(Map<String, int[]> index, String key, int source) {
        int[] at = index.get(key);
        if (at == null) {
            index.put(key.intern(), new int[] {source});
        } else if (at[at.length - 1] != source) {
            int[] grown = Arrays.copyOf(at, at.length + 1);
            grown[at.length] = source;
            index.put(key, grown);
        }
    }

    /** Parses {@value #CLASS_PATH_PROPERTY}. */
    static List<Path> classPath(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + CLASS_PATH_PROPERTY + " must name the class path of " + LazyJarClassLoader.class.getName());
        }
        List<Path> paths = new ArrayList<>();
        for (String element : value.split(File.pathSeparator)) {
            if (element.isEmpty()) {
                continue;
            }
            if (element.endsWith("/*") || element.endsWith(File.separator + "*")) {
                Path dir = Path.of(element.substring(0, element.length() - 2));
                try (Stream<Path> jars = Files.list(dir)) {
                    jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(paths::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir + " of the class path", e);
                }
            } else {
                paths.add(Path.of(element));
            }
        }
        return paths;
    }

    private int[] candidates(String name) {
        if (name.startsWith("META-INF/")) {
            int[] at = metaInf.get(name);
            return at == null ? NONE : at;
        }
        int slash = name.lastIndexOf('/');
        int[] at = byDirectory.get(slash < 0 ? "" : name.substring(0, slash));
        return at == null ? NONE : at;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/').concat(".class");
        for (int i : candidates(path)) {
            Source s = sources.get(i);
            byte[] bytes;
            try {
                bytes = s.read(path);
            } catch (IOException e) {
                throw new ClassNotFoundException(name + ": cannot read " + s, e);
            }
            if (bytes != null) {
                definePackageOf(name, s);
                return defineClass(name, bytes, 0, bytes.length, domain(i));
            }
        }
        throw new ClassNotFoundException(name);
    }

    private java.security.ProtectionDomain domain(int source) {
        synchronized (domains) {
            java.security.ProtectionDomain d = domains[source];
            if (d == null) {
                d = Source.domainOf(sources.get(source).location(), this);
                domains[source] = d;
            }
            return d;
        }
    }

    private void definePackageOf(String className, Source source) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String pkg = className.substring(0, dot);
        if (getDefinedPackage(pkg) != null) {
            return;
        }
        PackageInfo p = source.packageInfo();
        try {
            definePackage(pkg, p.specTitle(), p.specVersion(), p.specVendor(), p.implTitle(), p.implVersion(), p.implVendor(), null);
        } catch (IllegalArgumentException definedMeanwhile) {
            // another thread defined it first: same jar, same attributes
        }
    }

    @Override
    protected URL findResource(String name) {
        for (int i : candidates(name)) {
            Source s = sources.get(i);
            if (s.has(name)) {
                return s.url(name);
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        List<URL> urls = new ArrayList<>();
        for (int i : candidates(name)) {
            Source s = sources.get(i);
            if (s.has(name)) {
                urls.add(s.url(name));
            }
        }
        return Collections.enumeration(urls);
    }

    /** How many jars are open now (tests, diagnostics). */
    public int openJars() {
        int n = 0;
        for (Source s : sources) {
            n += s.isOpen() ? 1 : 0;
        }
        return n;
    }

    /** Closes every jar not read for {@code idleNanos} (all of them when 0). */
    public void closeIdle(long idleNanos) {
        long now = System.nanoTime();
        for (Source s : sources) {
            s.closeIfIdle(now, idleNanos);
        }
    }

    private void closeIdleJars(long idleNanos) {
        while (!closed) {
            LockSupport.parkNanos(this, Math.max(idleNanos, TimeUnit.MILLISECONDS.toNanos(100)));
            try {
                closeIdle(idleNanos);
            } catch (Throwable t) {
                // closing is an optimisation: a jar that cannot be closed now is tried again next time
            }
        }
    }

    /** Stops the closing thread and closes every jar (a jar read afterwards opens again). */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(closer);
        closeIdle(0);
    }

    @Override
    public String toString() {
        return "LazyJarClassLoader[" + sources.size() + " entries]";
    }
}

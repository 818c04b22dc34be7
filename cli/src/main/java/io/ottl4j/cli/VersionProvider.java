package io.ottl4j.cli;

import com.oracle.truffle.api.Truffle;
import io.ottl4j.boot.LazyJarClassLoader;
import picocli.CommandLine;

/** {@code ottl --version}: the version and, since a silent fallback is the classic Truffle trap, the runtime in use. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        String runtime = Truffle.getRuntime().getName();
        boolean optimizing = !runtime.contains("Interpreted");
        return new String[] {
            "ottl4j " + (version == null ? "development build" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
            "Truffle runtime: " + runtime + (optimizing ? " (optimising, Graal JIT)"
                    : "small".equals(System.getProperty("ottl.profile")) ? " (interpreter: the small profile, chosen)"
                    : " (FALLBACK: interpreter only, no JIT)"),
            "Class loading: " + (ClassLoader.getSystemClassLoader() instanceof LazyJarClassLoader lazy
                    ? "jars opened on demand and closed when idle (the small profile; " + lazy.openJars() + " open now)"
                    : "the JVM's class path"),
        };
    }
}

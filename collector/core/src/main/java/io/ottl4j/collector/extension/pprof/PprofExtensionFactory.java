package io.ottl4j.collector.extension.pprof;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExtensionFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.internal.Endpoints;
import io.ottl4j.pdata.Signal;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The {@code pprof} extension, the JVM's equivalent of Go's net/http/pprof on the same endpoint (default
 * {@code localhost:1777}) and paths: {@code /debug/pprof/profile?seconds=N} records a Java Flight Recorder
 * profile (the JDK's "profile" settings) for N seconds (default 30) and answers the {@code .jfr} file;
 * {@code /debug/pprof/trace} the same with the "default" settings; {@code /debug/pprof/goroutine} a thread dump;
 * {@code /debug/pprof/heap} a class histogram. {@code block_profile_fraction} / {@code mutex_profile_fraction} above
 * 0 add JFR's thread-park and monitor-contention events to profiles; {@code save_to_file} records from start to
 * shutdown into that file (JFR format).
 */
public final class PprofExtensionFactory implements ExtensionFactory<PprofExtensionFactory.Config> {
    public record Config(String endpoint, int blockProfileFraction, int mutexProfileFraction, String saveToFile) {
    }

    @Override
    public String type() {
        return "pprof";
    }

    @Override
    public String description() {
        return "JVM profiling on pprof's endpoint: JFR recordings, thread dumps, class histograms";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA);
    }

    @Override
    public Config decode(Conf c) {
        Conf tcp = c.child("tcp"); // newer upstream nests the address under tcp (confignet)
        String endpoint = c.string("endpoint", tcp.string("endpoint", "localhost:1777"));
        tcp.has("transport");
        tcp.finish();
        try {
            Endpoints.parse(endpoint);
        } catch (IllegalArgumentException e) {
            c.error("endpoint", e.getMessage());
        }
        int block = c.intValue("block_profile_fraction", 0);
        int mutex = c.intValue("mutex_profile_fraction", 0);
        if (block < 0) {
            c.error("block_profile_fraction", "block_profile_fraction must be non-negative");
        }
        if (mutex < 0) {
            c.error("mutex_profile_fraction", "mutex_profile_fraction must be non-negative");
        }
        c.has("transport");
        return new Config(endpoint, block, mutex, c.string("save_to_file", ""));
    }

    @Override
    public Component create(CreateSettings settings, Config config) {
        return new Pprof(config);
    }

    /** The running extension. */
    public static final class Pprof implements Component {
        private final Config config;
        private HttpServer server;
        private Recording continuous;

        Pprof(Config config) {
            this.config = config;
        }

        @Override
        public void start(Host host) throws IOException {
            if (!config.saveToFile().isEmpty()) {
                continuous = recording("profile");
                continuous.setToDisk(true);
                continuous.start();
            }
            server = HttpServer.create(Endpoints.bindable(config.endpoint()), 4);
            server.createContext("/debug/pprof/", this::handle);
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()); // profiles take seconds
            server.start();
        }

        private Recording recording(String settings) throws IOException {
            Recording r;
            try {
                r = new Recording(Configuration.getConfiguration(settings));
            } catch (ParseException e) {
                throw new IOException("cannot read the JFR " + settings + " settings", e);
            }
            if (config.blockProfileFraction() > 0) {
                r.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(1)).withStackTrace();
            }
            if (config.mutexProfileFraction() > 0) {
                r.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(1)).withStackTrace();
            }
            return r;
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                String name = path.substring("/debug/pprof/".length());
                switch (name) {
                    case "" -> send(ex, 200, "text/html; charset=utf-8", ("<html><body><h1>/debug/pprof/</h1><ul>"
                            + "<li><a href=\"goroutine?debug=2\">goroutine</a>: thread dump</li>"
                            + "<li><a href=\"heap\">heap</a>: class histogram</li>"
                            + "<li>profile?seconds=N: Java Flight Recorder profile (.jfr)</li>"
                            + "<li>trace?seconds=N: Java Flight Recorder recording (.jfr)</li></ul></body></html>").getBytes(StandardCharsets.UTF_8));
                    case "goroutine", "threadcreate" -> send(ex, 200, "text/plain; charset=utf-8", threadDump().getBytes(StandardCharsets.UTF_8));
                    case "heap", "allocs" -> send(ex, 200, "text/plain; charset=utf-8", histogram().getBytes(StandardCharsets.UTF_8));
                    case "profile", "trace" -> {
                        long seconds = seconds(ex.getRequestURI().getQuery());
                        send(ex, 200, "application/octet-stream", record(name.equals("profile") ? "profile" : "default", seconds));
                    }
                    default -> send(ex, 404, "text/plain; charset=utf-8", ("Unknown profile: " + name + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static long seconds(String query) {
            if (query != null) {
                for (String p : query.split("&")) {
                    if (p.startsWith("seconds=")) {
                        try {
                            return Math.max(1, Math.min(3600, Long.parseLong(p.substring(8))));
                        } catch (NumberFormatException e) {
                            return 30;
                        }
                    }
                }
            }
            return 30;
        }

        private byte[] record(String settings, long seconds) throws IOException, InterruptedException {
            Path file = Files.createTempFile("ottl4j-pprof", ".jfr");
            try (Recording r = recording(settings)) {
                r.start();
                Thread.sleep(Duration.ofSeconds(seconds));
                r.stop();
                r.dump(file);
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        }

        static String threadDump() {
            StringBuilder sb = new StringBuilder();
            for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                sb.append('"').append(t.getThreadName()).append("\" #").append(t.getThreadId()).append(' ').append(t.getThreadState()).append('\n');
                for (StackTraceElement e : t.getStackTrace()) {
                    sb.append("\tat ").append(e).append('\n');
                }
                sb.append('\n');
            }
            return sb.toString();
        }

        static String histogram() {
            try {
                Object out = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
                return String.valueOf(out);
            } catch (Exception e) {
                return "class histogram unavailable: " + e.getMessage() + "\n";
            }
        }

        private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }

        public int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void shutdown() throws IOException {
            if (server != null) {
                server.stop(0);
            }
            if (continuous != null) {
                continuous.stop();
                continuous.dump(Path.of(config.saveToFile()));
                continuous.close();
            }
        }
    }
}

package io.ottl4j.collector.processor.resourcedetection.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;

/**
 * {@code system}: host name (through {@code hostname_sources}), OS and CPU facts read from the OS itself.
 * Files are read below {@code root} ({@code /} in production, a prepared directory in tests).
 */
public final class SystemDetector implements Detector {
    public static final Map<String, Boolean> DEFAULTS = defaults();

    private static Map<String, Boolean> defaults() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (String a : List.of("host.name", "os.type")) {
            m.put(a, true);
        }
        for (String a : List.of("host.id", "host.arch", "host.ip", "host.mac", "host.interface", "os.description", "os.version", "os.name", "os.build.id",
                "host.cpu.vendor.id", "host.cpu.family", "host.cpu.model.id", "host.cpu.model.name", "host.cpu.stepping", "host.cpu.cache.l2.size")) {
            m.put(a, false);
        }
        return Collections.unmodifiableMap(m);
    }

    /** How the host's names are found; replaceable in tests (no real DNS there). */
    public interface Names {
        String osHostname() throws Exception;

        String fqdn(String hostname) throws Exception;

        String cname(String hostname) throws Exception;

        String lookup(String hostname) throws Exception;
    }

    private final List<String> hostnameSources;
    private final AttributeSwitches attrs;
    private final Path root;
    private final Names names;

    public SystemDetector(List<String> hostnameSources, AttributeSwitches attrs, Path root, Names names) {
        this.hostnameSources = hostnameSources;
        this.attrs = attrs;
        this.root = root;
        this.names = names == null ? new OsNames(root) : names;
    }

    @Override
    public String schemaUrl() {
        return "https://opentelemetry.io/schemas/1.6.1";
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        String hostname = null;
        List<String> failures = new ArrayList<>();
        for (String source : hostnameSources) {
            try {
                String h = switch (source) {
                    case "dns" -> names.fqdn(names.osHostname());
                    case "os" -> names.osHostname();
                    case "cname" -> names.cname(names.osHostname());
                    case "lookup" -> names.lookup(names.osHostname());
                    default -> throw new IllegalArgumentException("invalid hostname source: " + source);
                };
                if (h != null && !h.isEmpty()) {
                    hostname = h;
                    break;
                }
            } catch (Exception e) {
                failures.add(source + ": " + e.getMessage());
            }
        }
        if (hostname == null) {
            throw new IllegalStateException("all hostname sources failed to get hostname: " + failures);
        }
        attrs.put(out, "host.name", hostname);
        if (attrs.on("host.id")) {
            attrs.put(out, "host.id", firstLine("etc/machine-id", "var/lib/dbus/machine-id"));
        }
        attrs.put(out, "host.arch", arch(System.getProperty("os.arch", "")));
        if (attrs.on("host.ip") || attrs.on("host.mac") || attrs.on("host.interface")) {
            interfaces(out);
        }
        attrs.put(out, "os.type", osType(System.getProperty("os.name", "")));
        Map<String, String> release = osRelease();
        if (attrs.on("os.description")) {
            attrs.put(out, "os.description", description(release));
        }
        attrs.put(out, "os.version", release.getOrDefault("VERSION_ID", read("proc/sys/kernel/osrelease")));
        attrs.put(out, "os.name", release.get("NAME"));
        attrs.put(out, "os.build.id", release.get("BUILD_ID"));
        if (attrs.on("host.cpu.vendor.id") || attrs.on("host.cpu.family") || attrs.on("host.cpu.model.id") || attrs.on("host.cpu.model.name")
                || attrs.on("host.cpu.stepping") || attrs.on("host.cpu.cache.l2.size")) {
            cpu(out);
        }
        return out;
    }

    /** Go's GOOS names (as upstream maps them) from the JVM's os.name. */
    static String osType(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("windows")) {
            return "windows";
        } else if (n.startsWith("mac") || n.startsWith("darwin")) {
            return "darwin";
        } else if (n.startsWith("freebsd")) {
            return "freebsd";
        } else if (n.startsWith("openbsd")) {
            return "openbsd";
        } else if (n.startsWith("netbsd")) {
            return "netbsd";
        } else if (n.startsWith("sunos") || n.startsWith("solaris")) {
            return "solaris";
        } else if (n.startsWith("aix")) {
            return "aix";
        } else if (n.startsWith("z/os")) {
            return "z_os";
        }
        return n.startsWith("linux") ? "linux" : n.replace(' ', '_');
    }

    /** Go's GOARCH names, as upstream maps them, from the JVM's os.arch. */
    static String arch(String osArch) {
        return switch (osArch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            case "arm" -> "arm32";
            case "ppc64le", "ppc64" -> "ppc64";
            default -> osArch;
        };
    }

    private void interfaces(Map<String, Object> out) throws SocketException {
        List<String> ips = new ArrayList<>();
        List<String> macs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) {
                continue;
            }
            names.add(ni.getName());
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (!a.isLoopbackAddress()) {
                    String s = a.getHostAddress();
                    int zone = s.indexOf('%');
                    ips.add(zone >= 0 ? s.substring(0, zone) : s);
                }
            }
            byte[] mac = ni.getHardwareAddress();
            if (mac != null && mac.length > 0) {
                macs.add(mac(mac));
            }
        }
        attrs.put(out, "host.ip", List.copyOf(ips));
        attrs.put(out, "host.mac", List.copyOf(macs));
        attrs.put(out, "host.interface", List.copyOf(names));
    }

    /** IEEE RA form: upper-case hex pairs joined by '-'. */
    static String mac(byte[] mac) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < mac.length; i++) {
            if (i > 0) {
                b.append('-');
            }
            b.append(String.format("%02X", mac[i] & 0xff));
        }
        return b.toString();
    }

    private Map<String, String> osRelease() {
        for (String f : List.of("etc/os-release", "usr/lib/os-release")) {
            Path p = root.resolve(f);
            if (Files.isReadable(p)) {
                Map<String, String> m = new LinkedHashMap<>();
                try {
                    for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                        int eq = line.indexOf('=');
                        if (eq > 0 && !line.startsWith("#")) {
                            String v = line.substring(eq + 1).trim();
                            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                                v = v.substring(1, v.length() - 1);
                            }
                            m.put(line.substring(0, eq).trim(), v);
                        }
                    }
                } catch (IOException e) {
                    continue;
                }
                return m;
            }
        }
        return Map.of();
    }

    private String description(Map<String, String> release) throws Exception {
        String sys = or(read("proc/sys/kernel/ostype"), System.getProperty("os.name", ""));
        String uname = String.join(" ", sys, or(read("proc/sys/kernel/hostname"), names.osHostname()),
                or(read("proc/sys/kernel/osrelease"), System.getProperty("os.version", "")), or(read("proc/sys/kernel/version"), ""),
                machine(System.getProperty("os.arch", ""))).trim();
        if (release.isEmpty()) {
            return uname;
        }
        String name = release.get("NAME");
        String version = release.containsKey("VERSION") ? release.get("VERSION") : release.get("VERSION_ID");
        String rel = name != null && version != null ? name + " " + version : release.getOrDefault("PRETTY_NAME", "");
        return rel + " (" + uname + ")";
    }

    private static String machine(String osArch) {
        return switch (osArch) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            default -> osArch;
        };
    }

    /** The first processor's block of /proc/cpuinfo, as gopsutil reads it. */
    private void cpu(Map<String, Object> out) throws IOException {
        Path p = root.resolve("proc/cpuinfo");
        if (!Files.isReadable(p)) {
            return;
        }
        Map<String, String> first = new LinkedHashMap<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                if (!first.isEmpty()) {
                    break;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                first.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        attrs.put(out, "host.cpu.vendor.id", first.get("vendor_id"));
        attrs.put(out, "host.cpu.family", first.get("cpu family"));
        String model = first.get("model");
        if (model != null && !model.isBlank()) {
            attrs.put(out, "host.cpu.model.id", model);
        }
        attrs.put(out, "host.cpu.model.name", first.get("model name"));
        attrs.put(out, "host.cpu.stepping", first.get("stepping"));
        String cache = first.get("cache size");
        if (cache != null) {
            String digits = cache.replaceAll("[^0-9].*$", "").trim();
            if (!digits.isEmpty()) {
                attrs.put(out, "host.cpu.cache.l2.size", Long.parseLong(digits));
            }
        }
    }

    private String firstLine(String... files) {
        for (String f : files) {
            String s = read(f);
            if (!s.isEmpty()) {
                return s;
            }
        }
        return "";
    }

    private String read(String file) {
        Path p = root.resolve(file);
        try {
            return Files.isReadable(p) ? Files.readString(p, StandardCharsets.UTF_8).trim() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String or(String a, String b) {
        return a == null || a.isEmpty() ? b : a;
    }

    /** The real name sources: kernel hostname, hosts file, DNS (JNDI) and reverse lookups. */
    static final class OsNames implements Names {
        private final Path root;

        OsNames(Path root) {
            this.root = root;
        }

        @Override
        public String osHostname() throws Exception {
            Path p = root.resolve("proc/sys/kernel/hostname");
            if (Files.isReadable(p)) {
                String h = Files.readString(p, StandardCharsets.UTF_8).trim();
                if (!h.isEmpty()) {
                    return h;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        }

        /** FQDN: the hosts file first, then CNAME, then the reverse name of the host's addresses. */
        @Override
        public String fqdn(String hostname) throws Exception {
            Path hosts = root.resolve("etc/hosts");
            if (Files.isReadable(hosts)) {
                for (String line : Files.readAllLines(hosts, StandardCharsets.UTF_8)) {
                    int hash = line.indexOf('#');
                    String[] f = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
                    for (int i = 1; i < f.length; i++) {
                        if (f[i].equals(hostname)) {
                            return f[1];
                        }
                    }
                }
            }
            try {
                String c = cname(hostname);
                if (!c.isEmpty() && !c.equals(hostname)) {
                    return c;
                }
            } catch (Exception e) {
                // fall through to reverse lookup, as upstream does
            }
            return lookup(hostname);
        }

        @Override
        public String cname(String hostname) throws Exception {
            Hashtable<String, String> env = new Hashtable<>();
            env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
            InitialDirContext ctx = new InitialDirContext(env);
            try {
                Attribute a = ctx.getAttributes(hostname, new String[] {"CNAME"}).get("CNAME");
                String c = a == null || a.size() == 0 ? hostname : a.get(0).toString();
                return c.endsWith(".") ? c.substring(0, c.length() - 1) : c;
            } finally {
                ctx.close();
            }
        }

        @Override
        public String lookup(String hostname) throws Exception {
            for (InetAddress a : InetAddress.getAllByName(hostname)) {
                String name = InetAddress.getByAddress(a.getAddress()).getCanonicalHostName();
                if (!name.equals(a.getHostAddress())) {
                    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
                }
            }
            throw new IllegalStateException("could not resolve a host name for " + hostname);
        }
    }
}

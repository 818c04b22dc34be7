package io.ottl4j.cli;

/**
 * {@code ottl collector} with plain options, parsed without picocli: picocli builds its command model by reflection
 * before it parses anything, which costs the collector ~170 classes for the life of the process and a third of a
 * second of start-up (docs/performance.md, "Footprint"). Only the exact forms picocli accepts the same way are taken
 * here ({@code --config V}, {@code --config=V}, likewise {@code --set}, {@code --shutdown-timeout},
 * {@code --feature-gates} split on commas, and {@code --exit-when-ready}); anything else — help, a version request, an
 * unknown option, a missing value or one that starts with {@code -} — returns null, and picocli parses the whole line
 * with its own messages.
 */
final class CollectorArgs {
    private CollectorArgs() {
    }

    /** The command with its options set, or null when picocli should parse {@code args}. */
    static CollectorCommand parse(String[] args) {
        if (args.length == 0 || !args[0].equals("collector")) {
            return null;
        }
        CollectorCommand c = new CollectorCommand(); // its field initialisers are picocli's defaults too
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--exit-when-ready")) {
                c.exitWhenReady = true;
                continue;
            }
            String name;
            String value;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else {
                name = a;
                if (i + 1 >= args.length) {
                    return null;
                }
                value = args[++i];
                if (value.startsWith("-")) {
                    return null;
                }
            }
            switch (name) {
                case "--config" -> c.configs.add(value);
                case "--set" -> c.sets.add(value);
                case "--shutdown-timeout" -> c.shutdownTimeout = value;
                case "--feature-gates" -> c.gates.gates.addAll(java.util.List.of(value.split(",", -1)));
                default -> {
                    return null;
                }
            }
        }
        return c;
    }
}

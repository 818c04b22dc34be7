package io.ottl4j.collector.processor.resourcedetection.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dynatrace}: {@code dt.entity.host}, {@code host.name} and {@code dt.smartscape.host} from the OneAgent's
 * {@code dt_host_metadata.properties} ({@code /var/lib/dynatrace/enrichment}, on Windows
 * {@code %ProgramData%\dynatrace\enrichment}). No file: nothing detected. No configuration keys, as upstream.
 */
public final class DynatraceDetector implements Detector {
    private static final List<String> KEYS = List.of("dt.entity.host", "host.name", "dt.smartscape.host");
    private final Setup setup;

    public DynatraceDetector(Setup setup) {
        this.setup = setup;
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        Path file;
        if (windows) {
            String pd = setup.var("ProgramData");
            file = Path.of(pd.isEmpty() ? "C:\\ProgramData" : pd, "dynatrace", "enrichment", "dt_host_metadata.properties");
        } else {
            file = setup.file("/var/lib/dynatrace/enrichment/dt_host_metadata.properties");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                setup.log().warning("dynatrace: skipping a line not of the form <key>=<value>: " + line);
                continue;
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            if (!key.isEmpty() && !value.isEmpty() && KEYS.contains(key)) {
                out.put(key.trim(), value.trim());
            }
        }
        return out;
    }
}

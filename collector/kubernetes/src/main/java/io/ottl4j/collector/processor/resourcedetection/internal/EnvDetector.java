package io.ottl4j.collector.processor.resourcedetection.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code env}: attributes from {@code OTEL_RESOURCE_ATTRIBUTES} (or the deprecated {@code OTEL_RESOURCE}). */
public final class EnvDetector implements Detector {
    // upstream: ^[ ]*([\x21-\x7e]{1,256})[ ]*=[ ]*([\x21-\x7e]{0,256})[ ]*$ per comma-separated pair, after URL-unescaping the value
    private static final Pattern PAIR = Pattern.compile("^\\s*([\\x21-\\x7e]{1,256}?)\\s*=\\s*([\\x21-\\x7e]{0,256})\\s*$");
    private final UnaryOperator<String> env;

    public EnvDetector(UnaryOperator<String> env) {
        this.env = env;
    }

    @Override
    public Map<String, Object> detect(Duration timeout) {
        String labels = env.apply("OTEL_RESOURCE_ATTRIBUTES");
        if (labels == null || labels.isBlank()) {
            labels = env.apply("OTEL_RESOURCE");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (labels == null || labels.isBlank()) {
            return out;
        }
        for (String pair : labels.trim().split(",")) {
            Matcher m = PAIR.matcher(pair);
            if (!m.matches()) {
                throw new IllegalArgumentException("invalid resource format: \"" + pair + "\"");
            }
            String value;
            try {
                value = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid resource format in attribute: \"" + pair + "\", err: " + e.getMessage(), e);
            }
            out.put(m.group(1).trim(), value);
        }
        return out;
    }
}

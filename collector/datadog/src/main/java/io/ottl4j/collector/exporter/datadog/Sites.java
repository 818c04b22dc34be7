package io.ottl4j.collector.exporter.datadog;

import java.util.List;

/**
 * The Datadog sites and their intake hosts: metrics and the API at {@code https://api.<site>}, traces and
 * stats at {@code https://trace.agent.<site>}, logs at {@code https://http-intake.logs.<site>}. A site not
 * in the list (a new region, a proxy domain) gets the same pattern.
 */
public final class Sites {
    /** Every Datadog site: US1, US3, US5, EU1, AP1, AP2, US1-FED, US2-FED. */
    public static final List<String> ALL = List.of("datadoghq.com", "us3.datadoghq.com", "us5.datadoghq.com", "datadoghq.eu", "ap1.datadoghq.com",
            "ap2.datadoghq.com", "ddog-gov.com", "us2.ddog-gov.com");

    public static final String DEFAULT = "datadoghq.com";

    private Sites() {
    }

    public record Endpoints(String metrics, String traces, String logs) {
    }

    public static Endpoints endpoints(String site) {
        return new Endpoints("https://api." + site, "https://trace.agent." + site, "https://http-intake.logs." + site);
    }

    public static boolean known(String site) {
        return ALL.contains(site);
    }
}

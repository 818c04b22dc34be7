package io.ottl4j.lsp.service;

/**
 * A component ID written in a collector config: its definition (the key under {@code receivers:} ...) or
 * a reference (a pipeline entry, {@code service.extensions}). {@code section} is where the ID is defined
 * ({@code connectors} for a connector used as exporter or receiver).
 */
public record IdRef(String section, String id, int start, int end, boolean definition) {
    public boolean sameComponent(IdRef o) {
        return section.equals(o.section) && id.equals(o.id);
    }
}

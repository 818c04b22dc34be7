package io.ottl4j.cli.testfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One case of an OTTL test file (format: docs/test-files.md). Exactly one of {@code statements},
 * {@code conditions} or {@code expression} carries the OTTL under test.
 */
public record TestCase(
        String name,
        String context,
        JsonNode input,
        List<String> statements,
        List<String> conditions,
        String logic,
        String expression,
        boolean parseOnly,
        String errorMode,
        int record,
        JsonNode expect,
        JsonNode expectMatch,
        String expectError,
        JsonNode expectOutput,
        String skip,
        List<String> featureGates,
        int line,
        JsonNode processors,
        List<String> pipeline) {
    /** A processor-level case: {@code processors} (a collector config's processors section) run in {@code pipeline} order. */
    public boolean processorCase() {
        return processors != null;
    }
}

package io.ottl4j.lsp.service;

import java.util.List;

/**
 * A diagnostic of a document, in char offsets, with the fixes that follow from it ("did you mean").
 *
 * @param code the grammar's, binder's or validator's code ({@code OTTL-E101}, {@code unknown-key}, {@code yaml})
 */
public record Problem(int start, int end, boolean error, String code, String message, List<Fix> fixes) {
    /** A text edit that repairs the problem. */
    public record Fix(String title, int start, int end, String newText) {
    }
}

package io.ottl4j.language;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;

/**
 * A runtime error of an OTTL statement or condition: a type error, a failed conversion, division by
 * zero, an index out of bounds... Under {@code error_mode: propagate} it reaches the caller; under
 * {@code ignore}/{@code silent} the sequence moves on. Extends {@link AbstractTruffleException} so that
 * compiled code can throw it without deoptimising the whole call target.
 */
public class OttlRuntimeException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    /** True for strict-getter type mismatches, which the {@code Is*} converters turn into {@code false}. */
    private final boolean typeError;

    public OttlRuntimeException(String message, Node location) {
        this(message, location, false);
    }

    public OttlRuntimeException(String message, Node location, boolean typeError) {
        super(message, location);
        this.typeError = typeError;
    }

    public boolean isTypeError() {
        return typeError;
    }
}

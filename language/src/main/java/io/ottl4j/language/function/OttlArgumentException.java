package io.ottl4j.language.function;

/**
 * Thrown by a function's constructor when an argument is invalid at parse time (a bad regex, an unknown
 * mode, a negative limit). The binder reports it as a compile error at the argument's position.
 */
public class OttlArgumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    /** @param parameter the parameter at fault, or null for the whole call */
    public OttlArgumentException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}

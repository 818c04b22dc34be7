package io.ottl4j.grammar;

/**
 * The stable diagnostic codes of the grammar module (OTTL-E001 … OTTL-E099; the binder uses E100+).
 * Each one is documented, with an example and its fix, in {@code docs/diagnostics.md}.
 */
public enum SyntaxCode {
    // lexical
    UNEXPECTED_CHARACTER("OTTL-E001", "unexpected character"),
    UNTERMINATED_STRING("OTTL-E002", "unterminated string literal"),
    SINGLE_QUOTED_STRING("OTTL-E003", "string literals use double quotes"),
    INVALID_ESCAPE("OTTL-E004", "invalid escape sequence in a string"),
    // syntax
    UNEXPECTED_TOKEN("OTTL-E005", "syntax error: unexpected token"),
    INT_OUT_OF_RANGE("OTTL-E006", "integer out of range for int64"),
    INVALID_OCTAL("OTTL-E007", "invalid octal integer"),
    OCTAL_LITERAL("OTTL-E008", "integer with a leading zero is octal"),
    FLOAT_OUT_OF_RANGE("OTTL-E009", "float out of range for float64"),
    ODD_HEX_BYTES("OTTL-E010", "hex bytes literal needs an even number of digits"),
    CHAINED_COMPARISON("OTTL-E011", "comparisons cannot be chained"),
    DOUBLE_NOT("OTTL-E012", "`not` can only be applied once"),
    NOT_A_CONDITION("OTTL-E013", "value used where a condition is expected"),
    INVALID_OPERATOR("OTTL-E014", "not a comparison operator"),
    UNARY_SIGN("OTTL-E015", "no unary minus or plus"),
    GLUED_SIGNED_NUMBER("OTTL-E016", "a signed number directly after an operand"),
    MALFORMED_NUMBER("OTTL-E017", "malformed number"),
    KEYWORD_AS_NAME("OTTL-E018", "keyword used as a name"),
    NIL_NOT_ALONE("OTTL-E019", "`nil` must stand alone"),
    INT_KEY_EXPRESSION("OTTL-E020", "an index starting with an integer must be only that integer"),
    DUPLICATE_LAMBDA_PARAMETER("OTTL-E021", "duplicate lambda parameter"),
    BARE_CONVERTER_NAME("OTTL-E022", "mixed-case name used as a value"),
    LIST_MISSING_COMMA("OTTL-E023", "list elements must be separated by commas"),
    // structure (upstream's post-parse "custom errors", §2.4)
    EDITOR_NAME_CASE("OTTL-E030", "editor names must start with a lowercase letter"),
    CONVERTER_NAME_CASE("OTTL-E031", "converter names must start with an uppercase letter"),
    EDITOR_INDEXED("OTTL-E032", "only paths and converters may be indexed"),
    POSITIONAL_AFTER_NAMED("OTTL-E033", "positional argument after a named argument"),
    DUPLICATE_NAMED_ARGUMENT("OTTL-E034", "named argument given twice");

    private final String code;
    private final String summary;

    SyntaxCode(String code, String summary) {
        this.code = code;
        this.summary = summary;
    }

    /** The stable code, e.g. {@code OTTL-E005}. */
    public String code() {
        return code;
    }

    /** A one-line description of the problem class. */
    public String summary() {
        return summary;
    }
}

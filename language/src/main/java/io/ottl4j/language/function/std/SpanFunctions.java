package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.EditorNode;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanId;

/** Functions of the span context: {@code IsRootSpan} and the transform processor's {@code set_semconv_span_name}. */
public final class SpanFunctions {
    private SpanFunctions() {
    }

    @OttlFunction(name = "IsRootSpan", kind = OttlFunction.Kind.CONVERTER, contexts = {ContextKind.SPAN},
            doc = "True when the span has no parent span id.",
            example = "IsRootSpan()")
    public static final class IsRootSpanConverter extends ConverterNode {
        public IsRootSpanConverter() {
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return isRoot(record(frame).span());
        }

        @TruffleBoundary
        private static boolean isRoot(Span span) {
            SpanId parent = span.parentSpanId();
            if (parent == null) {
                return true;
            }
            for (byte b : parent.bytes()) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    @OttlFunction(name = "set_semconv_span_name", kind = OttlFunction.Kind.EDITOR, contexts = {ContextKind.SPAN},
            doc = "Renames the span as the semantic conventions name it (HTTP, RPC, DB, messaging), optionally keeping "
                    + "the old name in an attribute.",
            example = "set_semconv_span_name(\"1.37.0\", \"original_span_name\")")
    public static final class SetSemconvSpanNameEditor extends EditorNode {
        private final String originalSpanNameAttribute;

        public SetSemconvSpanNameEditor(@Param("semconv_version") String semconvVersion,
                @Param(value = "original_span_name_attribute", optional = true, defaultValue = "none: the old name is dropped")
                String originalSpanNameAttribute) {
            if (!SemconvSpanNames.SUPPORTED_VERSIONS.contains(semconvVersion)) {
                throw new OttlArgumentException("semconv_version", "unsupported semconv version: " + semconvVersion
                        + ", supported versions: " + String.join(", ", SemconvSpanNames.SUPPORTED_VERSIONS));
            }
            if (originalSpanNameAttribute != null && originalSpanNameAttribute.isEmpty()) {
                throw new OttlArgumentException("original_span_name_attribute", "originalSpanNameAttribute cannot be an empty string");
            }
            this.originalSpanNameAttribute = originalSpanNameAttribute;
        }

        @Override
        public void execute(VirtualFrame frame) {
            rename(record(frame).span(), originalSpanNameAttribute);
        }

        @TruffleBoundary
        private static void rename(Span span, String originalAttribute) {
            String original = span.name();
            String name = SemconvSpanNames.derive(span);
            span.setName(name);
            if (!original.equals(name) && originalAttribute != null) {
                span.attributes().put(originalAttribute, original);
            }
        }
    }
}

package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;

/** The filter processor's metric-context converters, which look at a metric's data point attributes. */
public final class FilterConverters {
    private FilterConverters() {
    }

    @OttlFunction(name = "HasAttrKeyOnDatapoint", kind = OttlFunction.Kind.CONVERTER, contexts = {ContextKind.METRIC}, conditionsOnly = true,
            doc = "True when a data point of the metric has the attribute key.",
            example = "HasAttrKeyOnDatapoint(\"http.method\")")
    public static final class HasAttrKeyOnDatapointConverter extends ConverterNode {
        private final String key;

        public HasAttrKeyOnDatapointConverter(@Param("key") String key) {
            this.key = key;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return check(record(frame).metric(), key, null, this);
        }
    }

    @OttlFunction(name = "HasAttrOnDatapoint", kind = OttlFunction.Kind.CONVERTER, contexts = {ContextKind.METRIC}, conditionsOnly = true,
            doc = "True when the first data point that has the attribute key has it with the string value "
                    + "(a non-string value compares as \"\").",
            example = "HasAttrOnDatapoint(\"http.method\", \"GET\")")
    public static final class HasAttrOnDatapointConverter extends ConverterNode {
        private final String key;
        private final String expectedVal;

        public HasAttrOnDatapointConverter(@Param("key") String key, @Param("expected_val") String expectedVal) {
            this.key = key;
            this.expectedVal = expectedVal;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return check(record(frame).metric(), key, expectedVal, this);
        }
    }

    /**
     * Upstream decides on the first data point carrying the key: with an expected value, that point's
     * value (its string form for strings only, "" otherwise) must equal it; later points are not looked at.
     */
    @TruffleBoundary
    static boolean check(Metric metric, String key, String expected, Node location) {
        if (metric.type() == null || metric.type() == MetricType.EMPTY) {
            throw new OttlRuntimeException("unknown metric type", location);
        }
        for (DataPoint p : metric.dataPoints()) {
            Object value = p.attributes().get(key);
            if (value != null) {
                return expected == null || expected.equals(value instanceof String s ? s : "");
            }
        }
        return false;
    }
}

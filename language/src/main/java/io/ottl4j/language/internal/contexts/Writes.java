package io.ottl4j.language.internal.contexts;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.std.internal.ProfileIdValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Exemplar;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.SpanLink;
import io.ottl4j.pdata.Status;
import io.ottl4j.pdata.SummaryDataPoint;
import io.ottl4j.pdata.TraceId;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * How setters refuse a value, with upstream's messages: {@code ctxutil.ExpectType}'s {@code expects string but
 * got int64} and {@code ErrSetNil}'s {@code setting a value to nil is not supported}, under the statement's
 * {@link WritePolicy}; at the baseline the value is ignored.
 */
public final class Writes {
    /** Upstream's {@code ctxutil.ErrSetNil}. */
    public static final String SET_NIL = "setting a value to nil is not supported";

    private Writes() {
    }

    /** The one kind of value a typed setter takes, for its message and for compile-time checks of constants. */
    public static class Expect {
        private final Class<?> type;
        private final String goName;

        public Expect(Class<?> type, String goName) {
            this.type = type;
            this.goName = goName;
        }

        /** Go's name of the type, as upstream's messages give it. */
        public String goName() {
            return goName;
        }

        public boolean accepts(Object v) {
            return type.isInstance(v);
        }

        /** Upstream's message for a value of another type. */
        public String rejection(Object v) {
            return "expects " + goName + " but got " + goType(v);
        }
    }

    static final Expect STRING = new Expect(String.class, "string");
    static final Expect INT64 = new Expect(Long.class, "int64");
    static final Expect FLOAT64 = new Expect(Double.class, "float64");
    static final Expect BOOL = new Expect(Boolean.class, "bool");
    static final Expect TIME = new Expect(ZonedDateTime.class, "time.Time");
    static final Expect TRACE_ID = new Expect(TraceId.class, "pcommon.TraceID");
    static final Expect SPAN_ID = new Expect(SpanId.class, "pcommon.SpanID");
    static final Expect STATUS = new Expect(Status.class, "ptrace.Status");

    /**
     * A value the setter cannot store: nil is {@code ErrSetNil} and another type an {@code expects} error when
     * the policy says so, otherwise the write is ignored (the baseline).
     */
    @TruffleBoundary
    static void reject(Expect expected, Object v, Node location) {
        reject(expected.goName(), v, location);
    }

    @TruffleBoundary
    static void reject(String goName, Object v, Node location) {
        WritePolicy p = WritePolicy.at(location);
        if (v == null) {
            if (p.nilChecked()) {
                throw new OttlRuntimeException(SET_NIL, location);
            }
        } else if (p.strictTypes()) {
            throw new OttlRuntimeException("expects " + goName + " but got " + goType(v), location);
        }
    }

    /** A whole map path given something else: upstream's {@code ctxutil.SetMap} error under strict setters. */
    @TruffleBoundary
    static void rejectMap(Object v, Node location) {
        if (v != null && WritePolicy.at(location).strictTypes()) {
            throw new OttlRuntimeException(mapRejection(v), location);
        }
    }

    static String mapRejection(Object v) {
        return "unsupported type provided for setting a pcommon.Map: " + goType(v);
    }

    /** Nil written to a container (map, list) under a policy that empties it. */
    static boolean emptiesOnNil(Object v, Node location) {
        return v == null && WritePolicy.at(location).nilChecked();
    }

    /** Go's {@code %T} of the value as upstream would hold it, for messages that quote upstream's. */
    @TruffleBoundary
    public static String goType(Object v) {
        return switch (v) {
            case null -> "<nil>";
            case Long l -> "int64";
            case Double d -> "float64";
            case String s -> "string";
            case Boolean b -> "bool";
            case byte[] b -> "[]uint8";
            case AttributeMap m -> "pcommon.Map";
            case AttributeList l -> "pcommon.Slice";
            case Map<?, ?> m -> "map[string]interface {}";
            case ZonedDateTime t -> "time.Time";
            case Duration d -> "time.Duration";
            case TraceId t -> "pcommon.TraceID";
            case SpanId s -> "pcommon.SpanID";
            case Status s -> "ptrace.Status";
            case ProfileIdValue p -> "pprofile.ProfileID";
            case ExponentialHistogramDataPoint.Buckets b -> "pmetric.ExponentialHistogramDataPointBuckets";
            case List<?> l -> listType(l);
            default -> v.getClass().getSimpleName();
        };
    }

    /** The pdata slice type a list of records stands for; a list of values is Go's {@code []interface {}}. */
    private static String listType(List<?> l) {
        Object first = l.isEmpty() ? null : l.get(0);
        return switch (first) {
            case SpanEvent e -> "ptrace.SpanEventSlice";
            case SpanLink k -> "ptrace.SpanLinkSlice";
            case Exemplar e -> "pmetric.ExemplarSlice";
            case NumberDataPoint p -> "pmetric.NumberDataPointSlice";
            case HistogramDataPoint p -> "pmetric.HistogramDataPointSlice";
            case ExponentialHistogramDataPoint p -> "pmetric.ExponentialHistogramDataPointSlice";
            case SummaryDataPoint p -> "pmetric.SummaryDataPointSlice";
            case SummaryDataPoint.ValueAtQuantile q -> "pmetric.SummaryDataPointValueAtQuantileSlice";
            case DataPoint p -> "pmetric.DataPointSlice";
            case null, default -> "[]interface {}";
        };
    }
}

package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import io.ottl4j.language.Ottl;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.EditorNode;
import io.ottl4j.language.function.GetSetter;
import io.ottl4j.language.function.Getter;
import io.ottl4j.language.function.IntGetter;
import io.ottl4j.language.function.FeatureGateAware;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.Values;
import io.ottl4j.language.internal.nodes.FieldPathNode;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The editors of single fields and lists: {@code set}, {@code append}, {@code delete_index}. */
public final class CoreEditors {
    private CoreEditors() {
    }

    @OttlFunction(name = "set", kind = OttlFunction.Kind.EDITOR,
            doc = "Sets a field to a value; a nil value leaves the field unchanged, and a value of the wrong type for a typed field "
                    + "is ignored. With the feature gate ottl.set.allowNil (upstream's, stable there since v0.162) nil reaches the "
                    + "target: a map key or the body becomes the empty value (a missing key is created), a whole map or list is "
                    + "cleared, and a typed field (name, ids, times...) is an error (setting a value to nil is not supported). With "
                    + "ottl.contexts.strictSetters a value of the wrong type is an error as in upstream's current setters "
                    + "(expects string but got int64), a constant one when the statement compiles.",
            example = "set(attributes[\"env\"], \"prod\")")
    public static final class SetEditor extends EditorNode implements FeatureGateAware {
        @Child private GetSetter target;
        @Child private Getter value;
        /** ottl.set.allowNil: nil reaches the target (off: the baseline, where a nil value makes set do nothing). */
        @CompilationFinal private boolean allowNil;

        public SetEditor(@Param("target") GetSetter target, @Param("value") Getter value) {
            this.target = target;
            this.value = value;
            if (value.isLiteral() && target.path() instanceof FieldPathNode field) {
                // under ottl.contexts.strictSetters a constant of the wrong type fails on every record: say so now
                String why = field.rejectsConstant(value.literalValue());
                if (why != null) {
                    throw new OttlArgumentException("value", field.describe() + " " + why);
                }
            }
        }

        @Override
        public void featureGates(Set<String> enabled) {
            allowNil = enabled.contains(Ottl.SET_ALLOW_NIL_GATE);
        }

        @Override
        public void execute(VirtualFrame frame) {
            Object v = value.get(frame);
            if (v != null || allowNil) {
                // nil reaches the setter, which decides as upstream's: containers emptied, typed fields refuse it
                target.set(frame, v);
            }
        }
    }

    @OttlFunction(name = "clear", kind = OttlFunction.Kind.EDITOR,
            doc = "Sets the target to the empty value of its current type: \"\", 0, 0.0, false, an empty map or list, a zero "
                    + "trace or span ID, the zero time or duration; a nil or byte-string target is set to nil.",
            example = "clear(attributes[\"http.request.header.authorization\"])")
    public static final class ClearEditor extends EditorNode {
        @Child private GetSetter target;

        public ClearEditor(@Param("target") GetSetter target) {
            this.target = target;
        }

        @Override
        public void execute(VirtualFrame frame) {
            target.set(frame, zero(target.get(frame)));
        }

        @TruffleBoundary
        static Object zero(Object current) {
            return switch (current) {
                case null -> null;
                case String s -> "";
                case Long l -> 0L;
                case Double d -> 0.0;
                case Boolean b -> false;
                case AttributeMap m -> new AttributeMap();
                case AttributeList l -> new AttributeList();
                case List<?> l -> List.of(); // a record list (events, links, data points...): its setter empties it
                case Map<?, ?> m -> new AttributeMap();
                case io.ottl4j.pdata.TraceId t -> io.ottl4j.pdata.TraceId.EMPTY;
                case io.ottl4j.pdata.SpanId t -> io.ottl4j.pdata.SpanId.EMPTY;
                case java.time.ZonedDateTime t -> java.time.ZonedDateTime.ofInstant(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC);
                case java.time.Duration d -> java.time.Duration.ZERO;
                default -> null; // byte strings and anything else: nil, as upstream
            };
        }
    }

    @OttlFunction(name = "append", kind = OttlFunction.Kind.EDITOR,
            doc = "Appends value and then each of values to the list in target, turning a single value into a list "
                    + "and a nil target into a new list. At least one of value and values must be given.",
            example = "append(attributes[\"tags\"], values = [\"a\", \"b\"])")
    public static final class AppendEditor extends EditorNode {
        @Child private GetSetter target;
        @Child private Getter value;
        @Children private final Getter[] values;

        public AppendEditor(@Param("target") GetSetter target,
                @Param(value = "value", optional = true) Getter value,
                @Param(value = "values", optional = true) Getter[] values) {
            if (value == null && values == null) {
                throw new OttlArgumentException(null, "at least one of the optional arguments ('value' or 'values') must be provided");
            }
            this.target = target;
            this.value = value;
            this.values = values == null ? new Getter[0] : values;
        }

        @Override
        public void execute(VirtualFrame frame) {
            AttributeList result = start(target.get(frame), this);
            if (value != null) {
                add(result, value.get(frame), this);
            }
            addAll(frame, result);
            target.set(frame, result);
        }

        @ExplodeLoop
        private void addAll(VirtualFrame frame, AttributeList result) {
            for (Getter g : values) {
                add(result, g.get(frame), this);
            }
        }

        /** The target's current elements: none for nil, the elements of a list, else the value itself. */
        @TruffleBoundary
        private static AttributeList start(Object t, AppendEditor loc) {
            AttributeList out = new AttributeList();
            if (t == null) {
                return out;
            } else if (t instanceof AttributeList l) {
                for (Object e : l) {
                    out.add(AnyValue.deepCopy(e));
                }
            } else if (t instanceof List<?> l) {
                for (Object e : l) {
                    add(out, e, loc);
                }
            } else if (t instanceof AttributeMap || t instanceof Map) {
                // upstream cannot turn a map into a list element
                throw new OttlRuntimeException("append: unsupported type of target field: map", loc);
            } else {
                add(out, t, loc);
            }
            return out;
        }

        @TruffleBoundary
        private static void add(AttributeList out, Object v, AppendEditor loc) {
            if (v instanceof AttributeMap) {
                // upstream builds the new list with pcommon FromRaw, which rejects pdata maps
                throw new OttlRuntimeException("append: <Invalid value type pcommon.Map>", loc);
            }
            Object stored = Values.toStored(v);
            if (stored == Values.UNSTORABLE) {
                throw new OttlRuntimeException("append: <Invalid value type " + Values.typeName(v) + ">", loc);
            }
            out.add(stored);
        }
    }

    @OttlFunction(name = "delete_index", kind = OttlFunction.Kind.EDITOR,
            doc = "Removes the elements from start_index up to, not including, end_index (default start_index + 1) "
                    + "of the list in target.",
            example = "delete_index(attributes[\"tags\"], 0, 2)")
    public static final class DeleteIndexEditor extends EditorNode {
        @Child private GetSetter target;
        @Child private IntGetter startIndex;
        @Child private IntGetter endIndex;

        public DeleteIndexEditor(@Param("target") GetSetter target, @Param("start_index") IntGetter startIndex,
                @Param(value = "end_index", optional = true, defaultValue = "start_index + 1") IntGetter endIndex) {
            this.target = target;
            this.startIndex = startIndex;
            this.endIndex = endIndex;
        }

        @Override
        public void execute(VirtualFrame frame) {
            AttributeList list = slice(target.get(frame), this);
            long start = startIndex.get(frame);
            long end = endIndex == null ? start + 1 : endIndex.get(frame);
            target.set(frame, delete(list, start, end, this));
        }

        @TruffleBoundary
        private static AttributeList slice(Object v, DeleteIndexEditor loc) {
            if (v instanceof AttributeList l) {
                return l;
            } else if (v instanceof List<?>) {
                return (AttributeList) Values.toStored(v);
            }
            throw new OttlRuntimeException("delete_index: expected pcommon.Slice but got " + Values.typeName(v), loc, true);
        }

        @TruffleBoundary
        private static AttributeList delete(AttributeList list, long start, long end, DeleteIndexEditor loc) {
            long len = list.size();
            if (start == 0 && end == len) {
                return new AttributeList();
            }
            if (start < 0 || start >= len) {
                throw new OttlRuntimeException("delete_index: startIndex " + start + " out of bounds for slice of length " + len, loc);
            }
            if (end < start) {
                throw new OttlRuntimeException("delete_index: endIndex " + end + " cannot be less than startIndex " + start, loc);
            }
            if (end > len) {
                throw new OttlRuntimeException("delete_index: deletion range [" + start + ":" + end + "] out of bounds for slice of length " + len, loc);
            }
            for (long i = end - 1; i >= start; i--) {
                list.remove((int) i);
            }
            return list;
        }
    }
}

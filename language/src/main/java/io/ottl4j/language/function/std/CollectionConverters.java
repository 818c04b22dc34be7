package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.Getter;
import io.ottl4j.language.function.MapGetter;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.Values;
import io.ottl4j.language.function.std.internal.GoStrings;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.util.List;
import java.util.Map;

/**
 * Converters over lists and maps: sizes, keys and values, sorting, searching, reshaping a list of maps
 * into a map, and picking the first non-nil value. The list-specific work lives in
 * {@link CollectionConvertersSupport}.
 */
public final class CollectionConverters {
    private CollectionConverters() {
    }

    @OttlFunction(name = "Len", kind = OttlFunction.Kind.CONVERTER,
            doc = "The length of a string (in UTF-8 bytes), bytes, a list or a map, or the number of span events, links, data points...",
            example = "Len(attributes)")
    public static final class LenConverter extends ConverterNode {
        @Child private Getter target;

        public LenConverter(@Param("target") Getter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return length(target.get(frame), this);
        }

        @TruffleBoundary
        private static long length(Object v, Node node) {
            if (v instanceof String s) {
                return GoStrings.utf8Length(s);
            } else if (v instanceof AttributeMap m) {
                return m.size();
            } else if (v instanceof AttributeList l) {
                return l.size();
            } else if (v instanceof List<?> l) {
                // list literals, converter results and pdata object lists (span events, links, data points)
                return l.size();
            } else if (v instanceof Map<?, ?> m) {
                return m.size();
            } else if (v instanceof byte[] b) {
                return b.length;
            }
            throw new OttlRuntimeException("Len: target must be a string, list or map, not " + Values.typeName(v), node);
        }
    }

    /** A converter listing the keys or the values of a map, in the map's order. */
    abstract static class MapToList extends ConverterNode {
        @Child private MapGetter target;
        private final boolean keys;

        MapToList(MapGetter target, boolean keys) {
            this.target = target;
            this.keys = keys;
        }

        @Override
        public final Object executeGeneric(VirtualFrame frame) {
            return list(target.get(frame), keys);
        }

        @TruffleBoundary
        private static AttributeList list(AttributeMap m, boolean keys) {
            AttributeList out = new AttributeList();
            for (int i = 0; i < m.size(); i++) {
                out.add(keys ? m.keyAt(i) : Values.toStored(m.valueAt(i)));
            }
            return out;
        }
    }

    @OttlFunction(name = "Keys", kind = OttlFunction.Kind.CONVERTER,
            doc = "The keys of a map, as a list of strings in the map's order.", example = "Keys(attributes)")
    public static final class KeysConverter extends MapToList {
        public KeysConverter(@Param("target") MapGetter target) {
            super(target, true);
        }
    }

    @OttlFunction(name = "Values", kind = OttlFunction.Kind.CONVERTER,
            doc = "The values of a map, as a list in the map's order.", example = "Values(attributes)")
    public static final class ValuesConverter extends MapToList {
        public ValuesConverter(@Param("target") MapGetter target) {
            super(target, false);
        }
    }

    @OttlFunction(name = "Sort", kind = OttlFunction.Kind.CONVERTER,
            doc = "Sorts a list (asc or desc): numbers numerically, otherwise by string form; elements keep their types.",
            example = "Sort(attributes[\"tags\"], \"desc\")")
    public static final class SortConverter extends ConverterNode {
        @Child private Getter target;
        private final boolean descending;

        public SortConverter(@Param("target") Getter target,
                @Param(value = "order", optional = true, defaultValue = "asc") String order) {
            this.target = target;
            if (order != null && !order.equals("asc") && !order.equals("desc")) {
                throw new OttlArgumentException("order", "invalid arguments: " + order
                        + ". Order should be either \"asc\" or \"desc\"");
            }
            this.descending = "desc".equals(order);
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return CollectionConvertersSupport.sort(target.get(frame), descending, this);
        }
    }

    /** A converter looking for a value in its {@code target}: the target and the value are evaluated in that order. */
    abstract static class Lookup extends ConverterNode {
        /** The search, given the node to report errors at. */
        interface Search {
            Object find(Object target, Object value, Node node);
        }

        @Child private Getter target;
        @Child private Getter value;
        private final Search search;

        Lookup(Getter target, Getter value, Search search) {
            this.target = target;
            this.value = value;
            this.search = search;
        }

        @Override
        public final Object executeGeneric(VirtualFrame frame) {
            Object source = target.get(frame);
            Object item = value.get(frame);
            return find(source, item);
        }

        @TruffleBoundary
        private Object find(Object source, Object item) {
            return search.find(source, item, this);
        }
    }

    @OttlFunction(name = "Index", kind = OttlFunction.Kind.CONVERTER,
            doc = "The position of a substring in a string, or of a value in a list (by OTTL equality); -1 when absent.",
            example = "Index(attributes[\"tags\"], \"prod\")")
    public static final class IndexConverter extends Lookup {
        public IndexConverter(@Param("target") Getter target, @Param("value") Getter value) {
            super(target, value, CollectionConvertersSupport::index);
        }
    }

    @OttlFunction(name = "ContainsValue", kind = OttlFunction.Kind.CONVERTER,
            doc = "True when the list contains the item (ints and doubles compare numerically).",
            example = "ContainsValue(attributes[\"tags\"], \"prod\")")
    public static final class ContainsValueConverter extends Lookup {
        public ContainsValueConverter(@Param("target") Getter target, @Param("item") Getter item) {
            super(target, item, CollectionConvertersSupport::contains);
        }
    }

    @OttlFunction(name = "SliceToMap", kind = OttlFunction.Kind.CONVERTER,
            doc = "Turns a list of maps into a map keyed by the string at key_path (the index when omitted); values are the elements or the value at value_path.",
            example = "SliceToMap(attributes[\"things\"], [\"name\"], [\"value\"])")
    public static final class SliceToMapConverter extends ConverterNode {
        @Child private Getter target;
        private final String[] keyPath;
        private final String[] valuePath;

        public SliceToMapConverter(@Param("target") Getter target,
                @Param(value = "key_path", optional = true) String[] keyPath,
                @Param(value = "value_path", optional = true) String[] valuePath) {
            this.target = target;
            if (keyPath != null && keyPath.length == 0) {
                throw new OttlArgumentException("key_path", "key path must contain at least one element");
            }
            this.keyPath = keyPath;
            this.valuePath = valuePath;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return CollectionConvertersSupport.sliceToMap(target.get(frame), keyPath, valuePath, this);
        }
    }

    @OttlFunction(name = "Coalesce", kind = OttlFunction.Kind.CONVERTER,
            doc = "The first value that is not nil, or nil; later values are not evaluated.",
            example = "Coalesce([attributes[\"user.id\"], attributes[\"client.id\"], \"unknown\"])")
    public static final class CoalesceConverter extends ConverterNode {
        @Children private final Getter[] values;

        public CoalesceConverter(@Param("values") Getter[] values) {
            if (values.length == 0) {
                throw new OttlArgumentException("values", "Coalesce requires at least one argument");
            }
            this.values = values;
        }

        @Override
        @ExplodeLoop
        public Object executeGeneric(VirtualFrame frame) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i].get(frame);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
    }
}

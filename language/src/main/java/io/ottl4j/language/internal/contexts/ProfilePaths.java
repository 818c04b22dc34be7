package io.ottl4j.language.internal.contexts;

import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.TransformContext;
import io.ottl4j.language.function.std.internal.ProfileIdValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.Profile;
import io.ottl4j.pdata.ProfilesDictionary;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The profile context's path table (upstream's {@code ottlprofile}, profiles proto v1development with one dictionary
 * per request): value types resolve their strings through the dictionary's string table, attributes through its
 * attribute table. As upstream's current setters (the context is newer than the baseline, so no gate), a value of
 * the wrong type is an error here ({@code expects int64 but got string}), nil is {@code ErrSetNil} for a scalar and
 * empties a list.
 */
final class ProfilePaths {
    private ProfilePaths() {
    }

    static Map<String, PathDef> table() {
        Map<String, PathDef> m = new LinkedHashMap<>();
        for (PathDef d : List.of(
                valueType("sample_type", "the profile's sample type (type and unit in the string table)", Profile::sampleType,
                        Profile::setSampleType),
                Fields.custom("sample", "samples", "the profile's samples", c -> c.profile().samples(), ProfilePaths::setSamples),
                int64("time_unix_nano", "the profile time in ns since the epoch", c -> c.profile().timeUnixNano(),
                        (c, v, n) -> c.profile().setTimeUnixNano(v)),
                Fields.custom("time", "time", "the profile time", c -> Fields.toTime(c.profile().timeUnixNano()), (c, v, n) -> {
                    if (!(v instanceof ZonedDateTime t)) {
                        throw wrongType("time.Time", v, n);
                    }
                    c.profile().setTimeUnixNano(Fields.toUnixNano(t));
                }),
                int64("duration_unix_nano", "the profile duration in ns", c -> c.profile().durationNano(), ProfilePaths::setDuration),
                int64("duration", "the profile duration in ns (upstream reads it as an int too)", c -> c.profile().durationNano(),
                        ProfilePaths::setDuration),
                valueType("period_type", "the kind of events between sampled occurrences (type and unit in the string table)",
                        Profile::periodType, Profile::setPeriodType),
                int64("period", "the number of events between sampled occurrences", c -> c.profile().period(),
                        (c, v, n) -> c.profile().setPeriod(v)),
                profileId(),
                Fields.custom("attribute_indices", "list", "indices into the dictionary's attribute table",
                        c -> ints(c.profile().attributeIndices().toArray()),
                        (c, v, n) -> c.profile().attributeIndices().setAll(v == null ? new int[0] : toInts(v, n))),
                int64("dropped_attributes_count", "attributes dropped from the profile", c -> Integer.toUnsignedLong(c.profile().droppedAttributesCount()),
                        (c, v, n) -> c.profile().setDroppedAttributesCount((int) v)),
                Fields.custom("original_payload_format", "string", "the format of the original payload (e.g. pprof)",
                        c -> c.profile().originalPayloadFormat(), (c, v, n) -> {
                            if (!(v instanceof String s)) {
                                throw wrongType("string", v, n);
                            }
                            c.profile().setOriginalPayloadFormat(s);
                        }),
                Fields.custom("original_payload", "bytes", "the original payload", c -> c.profile().originalPayload(), (c, v, n) -> {
                    if (!(v instanceof byte[] b)) {
                        throw wrongType("[]uint8", v, n);
                    }
                    c.profile().setOriginalPayload(b);
                }),
                Fields.map("attributes", "the profile attributes (through the dictionary's attribute table)",
                        TransformContext::profileAttributes))) {
            m.put(d.name(), d);
        }
        return m;
    }

    interface LongSetter {
        void set(TransformContext c, long v, Node n);
    }

    private static PathDef int64(String name, String doc, java.util.function.ToLongFunction<TransformContext> get, LongSetter set) {
        return Fields.custom(name, "int", doc, c -> get.applyAsLong(c), (c, v, n) -> {
            if (!(v instanceof Long l)) {
                throw wrongType("int64", v, n);
            }
            set.set(c, l, n);
        });
    }

    private static void setDuration(TransformContext c, long v, Node n) {
        if (v < 0) {
            throw new OttlRuntimeException("duration_unix_nano must be non-negative", n);
        }
        c.profile().setDurationNano(v);
    }

    @SuppressWarnings("unchecked")
    private static void setSamples(TransformContext c, Object v, Node n) {
        if (v == null) {
            c.profile().samples().clear();
            return;
        }
        if (!(v instanceof List<?> list) || !list.stream().allMatch(e -> e instanceof Profile.Sample)) {
            throw wrongType("pprofile.SampleSlice", v, n);
        }
        if (v != c.profile().samples()) {
            List<Profile.Sample> copy = new ArrayList<>((List<Profile.Sample>) list);
            c.profile().samples().clear();
            c.profile().samples().addAll(copy);
        }
    }

    /** {@code sample_type} / {@code period_type}: the value type, and its {@code type} and {@code unit} as strings. */
    private static PathDef valueType(String name, String doc, Function<Profile, Profile.ValueType> get,
            BiConsumer<Profile, Profile.ValueType> set) {
        PathDef def = Fields.custom(name, "value type", doc, c -> get.apply(c.profile()), (c, v, n) -> {
            if (!(v instanceof Profile.ValueType t)) {
                throw new OttlRuntimeException("path \"" + name + "\" " + (v == null ? Writes.SET_NIL : "expects pprofile.ValueType but got "
                        + Writes.goType(v)), n);
            }
            set.accept(c.profile(), t);
        });
        def.child(Fields.custom("type", "string", "the " + name + "'s type, from the string table",
                c -> string(c, name + ".type", get.apply(c.profile()).typeStrindex()), (c, v, n) -> {
                    Profile.ValueType t = get.apply(c.profile());
                    int i = putString(c, name + ".type", t.typeStrindex(), v, n);
                    set.accept(c.profile(), new Profile.ValueType(i, t.unitStrindex(), t.aggregationTemporality()));
                }));
        def.child(Fields.custom("unit", "string", "the " + name + "'s unit, from the string table",
                c -> string(c, name + ".unit", get.apply(c.profile()).unitStrindex()), (c, v, n) -> {
                    Profile.ValueType t = get.apply(c.profile());
                    int i = putString(c, name + ".unit", t.unitStrindex(), v, n);
                    set.accept(c.profile(), new Profile.ValueType(t.typeStrindex(), i, t.aggregationTemporality()));
                }));
        return def;
    }

    private static String string(TransformContext c, String path, int index) {
        String s = c.profile().dictionary().string(index);
        if (s == null) {
            throw new OttlRuntimeException("path \"" + path + "\" with strindex " + index + " is out of range", null);
        }
        return s;
    }

    /** Upstream keeps the index when it already names the string; otherwise finds or appends it. */
    private static int putString(TransformContext c, String path, int current, Object v, Node n) {
        if (!(v instanceof String s)) {
            throw new OttlRuntimeException("path \"" + path + "\" " + (v == null ? Writes.SET_NIL : "expects string but got " + Writes.goType(v)), n);
        }
        ProfilesDictionary d = c.profile().dictionary();
        if (current != 0 && s.equals(d.string(current))) {
            return current;
        }
        return d.putString(s);
    }

    private static PathDef profileId() {
        PathDef def = Fields.custom("profile_id", "profile id", "the profile id", c -> new ProfileIdValue(c.profile().profileId()), (c, v, n) -> {
            if (!(v instanceof ProfileIdValue id)) {
                throw wrongType("pprofile.ProfileID", v, n);
            }
            setId(c, id.bytes(), n);
        });
        return def.child(Fields.custom("string", "string", "the profile id as 32 lowercase hex characters",
                c -> HexFormat.of().formatHex(c.profile().profileId()), (c, v, n) -> {
                    if (!(v instanceof String s)) {
                        throw wrongType("string", v, n);
                    }
                    byte[] id;
                    try {
                        id = HexFormat.of().parseHex(s);
                    } catch (IllegalArgumentException e) {
                        throw new OttlRuntimeException("invalid profile id: " + e.getMessage(), n);
                    }
                    if (id.length != Profile.ID_SIZE) {
                        throw new OttlRuntimeException("profile ids must be 16 bytes", n);
                    }
                    setId(c, id, n);
                }));
    }

    private static void setId(TransformContext c, byte[] id, Node n) {
        boolean empty = true;
        for (byte b : id) {
            empty &= b == 0;
        }
        if (empty) {
            throw new OttlRuntimeException("profile ids must not be empty", n);
        }
        c.profile().setProfileId(id);
    }

    private static AttributeList ints(int[] a) {
        AttributeList l = new AttributeList(a.length);
        for (int i : a) {
            l.add((long) i);
        }
        return l;
    }

    private static int[] toInts(Object v, Node n) {
        List<Object> list = null;
        if (v instanceof AttributeList l) {
            list = new ArrayList<>(l.size());
            for (Object o : l) {
                list.add(o);
            }
        } else if (v instanceof List<?> j) {
            list = new ArrayList<>(j);
        }
        if (list == null) {
            throw wrongType("[]int64", v, n);
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long x) || x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
                throw new OttlRuntimeException("expected a list of int32 values, got " + Writes.goType(list.get(i)) + " at index " + i, n);
            }
            out[i] = (int) (long) x;
        }
        return out;
    }

    /** Upstream's {@code ctxutil.ExpectType} error: {@code ErrSetNil} for nil, {@code expects T but got U} otherwise. */
    private static OttlRuntimeException wrongType(String expected, Object v, Node n) {
        return new OttlRuntimeException(v == null ? Writes.SET_NIL : "expects " + expected + " but got " + Writes.goType(v), n);
    }
}

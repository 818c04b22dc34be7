package io.ottl4j.pdata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch-level dictionary handling for profiles: OTLP carries one dictionary per request, while a batch here may hold
 * profiles of several requests (after batching), each pointing into its own dictionary.
 */
public final class ProfilesDictionaries {
    private ProfilesDictionaries() {}

    /** A deep copy in which profiles that shared a dictionary share one copy of it. */
    public static TelemetryBatch<Profile> deepCopy(TelemetryBatch<Profile> batch) {
        Map<ProfilesDictionary, ProfilesDictionary> copies = new IdentityHashMap<>();
        return copyGroups(batch, p -> p.copyInto(copies.computeIfAbsent(p.dictionary(), ProfilesDictionary::deepCopy)));
    }

    /** A new batch with the resources and scopes of {@code batch} copied and each profile replaced by {@code profile}'s. */
    private static TelemetryBatch<Profile> copyGroups(TelemetryBatch<Profile> batch, java.util.function.UnaryOperator<Profile> profile) {
        TelemetryBatch<Profile> c = TelemetryBatch.profiles();
        for (ResourceGroup<Profile> rg : batch.resources()) {
            ResourceGroup<Profile> rc = c.addResource();
            rc.resource().copyFrom(rg.resource());
            rc.setSchemaUrl(rg.schemaUrl());
            for (ScopeGroup<Profile> sg : rg.scopes()) {
                ScopeGroup<Profile> sc = rc.addScope();
                sc.scope().copyFrom(sg.scope());
                sc.setSchemaUrl(sg.schemaUrl());
                for (Profile p : sg.items()) {
                    sc.items().add(profile.apply(p));
                }
            }
        }
        return c;
    }

    /** The dictionaries the batch's profiles point into, in first-seen order. */
    public static List<ProfilesDictionary> dictionaries(TelemetryBatch<Profile> batch) {
        Map<ProfilesDictionary, Boolean> seen = new IdentityHashMap<>();
        List<ProfilesDictionary> out = new ArrayList<>(1);
        for (ResourceGroup<Profile> rg : batch.resources()) {
            for (ScopeGroup<Profile> sg : rg.scopes()) {
                for (Profile p : sg.items()) {
                    if (seen.put(p.dictionary(), Boolean.TRUE) == null) {
                        out.add(p.dictionary());
                    }
                }
            }
        }
        return out;
    }

    /**
     * The batch with every profile pointing into one dictionary: the batch itself when its profiles already share one
     * (or it has none), otherwise a new batch (the groups' resources and scopes copied) whose profiles are re-indexed
     * into a merged dictionary, equal entries stored once. The batch passed in is not changed.
     */
    public static TelemetryBatch<Profile> unify(TelemetryBatch<Profile> batch) {
        if (dictionaries(batch).size() <= 1) {
            return batch;
        }
        Merger merger = new Merger();
        Map<ProfilesDictionary, Remap> remaps = new IdentityHashMap<>();
        return copyGroups(batch, p -> remaps.computeIfAbsent(p.dictionary(), d -> new Remap(d, merger)).profile(p));
    }

    /** The merged dictionary under construction, each table with its zero entry first and equal entries once. */
    private static final class Merger {
        final ProfilesDictionary target = new ProfilesDictionary();
        final Map<String, Integer> strings = new HashMap<>();
        final Map<List<Object>, Integer> entries = new HashMap<>();

        Merger() {
            string("");
            target.attributeTable().add(new ProfilesDictionary.Attribute(0, AnyValue.EMPTY, 0));
            target.mappingTable().add(new ProfilesDictionary.Mapping(0, 0, 0, 0, new int[0]));
            target.locationTable().add(new ProfilesDictionary.Location(0, 0, List.of(), new int[0]));
            target.functionTable().add(new ProfilesDictionary.Function(0, 0, 0, 0));
            target.linkTable().add(new ProfilesDictionary.Link(TraceId.EMPTY, SpanId.EMPTY));
            target.stackTable().add(new ProfilesDictionary.Stack(new int[0]));
        }

        int string(String s) {
            return strings.computeIfAbsent(s, k -> {
                target.stringTable().add(k);
                return target.stringTable().size() - 1;
            });
        }

        /** The index of an entry of {@code table} with content {@code key}, added when new. */
        <E> int entry(String table, List<E> list, E value, Object... key) { // an all-zero entry is the zero entry, index 0
            List<Object> k = new ArrayList<>(key.length + 1);
            k.add(table);
            for (Object o : key) {
                k.add(o instanceof int[] a ? Arrays.stream(a).boxed().toList() : o);
            }
            Integer i = entries.get(k);
            if (i == null && isZero(table, key)) {
                return 0;
            }
            if (i == null) {
                list.add(value);
                i = list.size() - 1;
                entries.put(k, i);
            }
            return i;
        }

        private static boolean isZero(String table, Object[] key) {
            for (Object o : key) {
                boolean zero = o == null || (o instanceof Number n && n.longValue() == 0) || (o instanceof int[] a && a.length == 0)
                        || (o instanceof List<?> l && l.isEmpty()) || o == AnyValue.EMPTY || (o instanceof TraceId t && t.isEmpty())
                        || (o instanceof SpanId s && s.isEmpty()) || (o instanceof ValueKey v && v.value() == AnyValue.EMPTY);
                if (!zero) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Re-indexes the entries of one source dictionary into the merger's, memoised per source index. */
    private static final class Remap {
        final ProfilesDictionary src;
        final Merger m;
        final Map<Integer, Integer> strings = new HashMap<>();
        final Map<Integer, Integer> attributes = new HashMap<>();
        final Map<Integer, Integer> mappings = new HashMap<>();
        final Map<Integer, Integer> functions = new HashMap<>();
        final Map<Integer, Integer> locations = new HashMap<>();
        final Map<Integer, Integer> stacks = new HashMap<>();
        final Map<Integer, Integer> links = new HashMap<>();

        Remap(ProfilesDictionary src, Merger m) {
            this.src = src;
            this.m = m;
        }

        int string(int i) {
            return strings.computeIfAbsent(i, k -> {
                String s = src.string(k);
                return s == null ? k : m.string(s); // a dangling index stays as it was: the receiver judges it
            });
        }

        int[] strings(int[] a) {
            return each(a, this::string);
        }

        private static int[] each(int[] a, java.util.function.IntUnaryOperator f) {
            int[] r = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = f.applyAsInt(a[i]);
            }
            return r;
        }

        int attribute(int i) {
            return attributes.computeIfAbsent(i, k -> {
                if (k < 0 || k >= src.attributeTable().size()) {
                    return k;
                }
                ProfilesDictionary.Attribute a = src.attributeTable().get(k);
                ProfilesDictionary.Attribute r = new ProfilesDictionary.Attribute(string(a.keyStrindex()), a.value(), string(a.unitStrindex()));
                return m.entry("attribute", m.target.attributeTable(), r, r.keyStrindex(), new ValueKey(r.value()), r.unitStrindex());
            });
        }

        int[] attributes(int[] a) {
            return each(a, this::attribute);
        }

        int mapping(int i) {
            return mappings.computeIfAbsent(i, k -> {
                if (k < 0 || k >= src.mappingTable().size()) {
                    return k;
                }
                ProfilesDictionary.Mapping x = src.mappingTable().get(k);
                ProfilesDictionary.Mapping r = new ProfilesDictionary.Mapping(x.memoryStart(), x.memoryLimit(), x.fileOffset(),
                        string(x.filenameStrindex()), attributes(x.attributeIndices()));
                return m.entry("mapping", m.target.mappingTable(), r, r.memoryStart(), r.memoryLimit(), r.fileOffset(),
                        r.filenameStrindex(), r.attributeIndices());
            });
        }

        int function(int i) {
            return functions.computeIfAbsent(i, k -> {
                if (k < 0 || k >= src.functionTable().size()) {
                    return k;
                }
                ProfilesDictionary.Function x = src.functionTable().get(k);
                ProfilesDictionary.Function r = new ProfilesDictionary.Function(string(x.nameStrindex()), string(x.systemNameStrindex()),
                        string(x.filenameStrindex()), x.startLine());
                return m.entry("function", m.target.functionTable(), r, r.nameStrindex(), r.systemNameStrindex(),
                        r.filenameStrindex(), r.startLine());
            });
        }

        int location(int i) {
            return locations.computeIfAbsent(i, k -> {
                if (k < 0 || k >= src.locationTable().size()) {
                    return k;
                }
                ProfilesDictionary.Location x = src.locationTable().get(k);
                List<ProfilesDictionary.Line> lines = new ArrayList<>(x.lines().size());
                for (ProfilesDictionary.Line l : x.lines()) {
                    lines.add(new ProfilesDictionary.Line(function(l.functionIndex()), l.line(), l.column()));
                }
                ProfilesDictionary.Location r = new ProfilesDictionary.Location(mapping(x.mappingIndex()), x.address(), lines,
                        attributes(x.attributeIndices()));
                return m.entry("location", m.target.locationTable(), r, r.mappingIndex(), r.address(), r.lines(),
                        r.attributeIndices());
            });
        }

        int stack(int i) {
            return stacks.computeIfAbsent(i, k -> {
                if (k < 0 || k >= src.stackTable().size()) {
                    return k;
                }
                int[] r = each(src.stackTable().get(k).locationIndices(), this::location);
                return m.entry("stack", m.target.stackTable(), new ProfilesDictionary.Stack(r), (Object) r);
            });
        }

        int link(int i) {
            return links.computeIfAbsent(i, k -> {
                if (k < 0 || k >= src.linkTable().size()) {
                    return k;
                }
                ProfilesDictionary.Link x = src.linkTable().get(k);
                return m.entry("link", m.target.linkTable(), x, x.traceId(), x.spanId());
            });
        }

        Profile.ValueType valueType(Profile.ValueType v) {
            return new Profile.ValueType(string(v.typeStrindex()), string(v.unitStrindex()), v.aggregationTemporality());
        }

        Profile profile(Profile p) {
            Profile c = p.copyInto(m.target);
            c.setSampleType(valueType(p.sampleType()));
            c.setPeriodType(valueType(p.periodType()));
            c.commentStrindices().setAll(strings(p.commentStrindices().toArray()));
            c.attributeIndices().setAll(attributes(p.attributeIndices().toArray()));
            c.samples().clear();
            for (Profile.Sample s : p.samples()) {
                c.samples().add(new Profile.Sample(stack(s.stackIndex()), s.values(), attributes(s.attributeIndices()),
                        link(s.linkIndex()), s.timestampsUnixNano()));
            }
            return c;
        }
    }

    /** A stored value compared by content, as a map key. */
    private record ValueKey(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ValueKey k && AnyValue.deepEquals(value, k.value);
        }

        @Override
        public int hashCode() {
            return AnyValue.deepHashCode(value);
        }
    }
}

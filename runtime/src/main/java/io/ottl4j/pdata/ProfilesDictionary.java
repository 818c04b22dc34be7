package io.ottl4j.pdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lookup tables that OTLP profiles share (proto {@code ProfilesDictionary}): every profile of one request points
 * into one dictionary by index. The tables are mutable lists; entries other than attributes and strings are immutable
 * records (OTTL's profile context reads and writes the string and attribute tables only).
 *
 * <p>A {@link Profile} keeps a reference to its dictionary, so a batch may hold profiles of several requests (each with
 * its own dictionary); {@link ProfilesDictionaries#unify} merges them into one when a batch is encoded.
 */
public final class ProfilesDictionary {
    /** A mapping of an executable or library into memory (proto {@code Mapping}). */
    public record Mapping(long memoryStart, long memoryLimit, long fileOffset, int filenameStrindex, int[] attributeIndices) {}

    /** A line of source within a location (proto {@code Line}). */
    public record Line(int functionIndex, long line, long column) {}

    /** A code location: an address and the inlined lines at it (proto {@code Location}). */
    public record Location(int mappingIndex, long address, List<Line> lines, int[] attributeIndices) {
        public Location {
            lines = List.copyOf(lines);
        }
    }

    /** A function (proto {@code Function}); names and file are string-table indices. */
    public record Function(int nameStrindex, int systemNameStrindex, int filenameStrindex, long startLine) {}

    /** A link from samples to a span (proto {@code Link}). */
    public record Link(TraceId traceId, SpanId spanId) {
        public Link {
            Objects.requireNonNull(traceId, "traceId");
            Objects.requireNonNull(spanId, "spanId");
        }
    }

    /** A call stack, leaf first (proto {@code Stack}). */
    public record Stack(int[] locationIndices) {}

    /** An attribute-table entry (proto {@code KeyValueAndUnit}): the key and unit are string-table indices. */
    public record Attribute(int keyStrindex, Object value, int unitStrindex) {
        public Attribute {
            value = AnyValue.checkStored(value);
        }
    }

    private final List<Mapping> mappings = new ArrayList<>();
    private final List<Location> locations = new ArrayList<>();
    private final List<Function> functions = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<String> strings = new ArrayList<>();
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<Stack> stacks = new ArrayList<>();

    public List<Mapping> mappingTable() {
        return mappings;
    }

    public List<Location> locationTable() {
        return locations;
    }

    public List<Function> functionTable() {
        return functions;
    }

    public List<Link> linkTable() {
        return links;
    }

    public List<String> stringTable() {
        return strings;
    }

    public List<Attribute> attributeTable() {
        return attributes;
    }

    public List<Stack> stackTable() {
        return stacks;
    }

    /** The string at {@code index}, or null when the index is outside the table. */
    public String string(int index) {
        return index >= 0 && index < strings.size() ? strings.get(index) : null;
    }

    /**
     * The index of {@code s} in the string table, appending it when absent (upstream's {@code pprofile.SetString}).
     * An empty table first gets the empty string at index 0, as the proto requires.
     */
    public int putString(String s) {
        Objects.requireNonNull(s, "s");
        if (strings.isEmpty()) {
            strings.add("");
        }
        int i = strings.indexOf(s);
        if (i >= 0) {
            return i;
        }
        strings.add(s);
        return strings.size() - 1;
    }

    /**
     * The index of an attribute-table entry equal to {@code a}, appending it when absent (upstream's
     * {@code pprofile.SetAttribute}). An empty table first gets the zero entry at index 0.
     */
    public int putAttribute(Attribute a) {
        if (attributes.isEmpty()) {
            attributes.add(new Attribute(0, AnyValue.EMPTY, 0));
        }
        for (int i = 0; i < attributes.size(); i++) {
            Attribute e = attributes.get(i);
            if (e.keyStrindex == a.keyStrindex && e.unitStrindex == a.unitStrindex && AnyValue.deepEquals(e.value, a.value)) {
                return i;
            }
        }
        attributes.add(a);
        return attributes.size() - 1;
    }

    /** The attributes that {@code indices} point at, as a new map (the first of duplicate keys wins, as upstream). */
    public AttributeMap attributes(IntList indices) {
        AttributeMap m = new AttributeMap();
        for (int k = 0; k < indices.size(); k++) {
            int i = indices.get(k);
            if (i < 0 || i >= attributes.size()) {
                continue;
            }
            Attribute a = attributes.get(i);
            String key = string(a.keyStrindex);
            if (key != null) {
                m.putIfAbsent(key, AnyValue.deepCopy(a.value));
            }
        }
        return m;
    }

    public ProfilesDictionary deepCopy() {
        ProfilesDictionary c = new ProfilesDictionary();
        c.mappings.addAll(mappings);
        c.locations.addAll(locations);
        c.functions.addAll(functions);
        c.links.addAll(links);
        c.strings.addAll(strings);
        for (Attribute a : attributes) {
            c.attributes.add(new Attribute(a.keyStrindex, AnyValue.deepCopy(a.value), a.unitStrindex));
        }
        c.stacks.addAll(stacks);
        return c;
    }

    @Override
    public String toString() {
        return "ProfilesDictionary{strings=" + strings.size() + ", attributes=" + attributes.size() + ", locations="
                + locations.size() + ", stacks=" + stacks.size() + "}";
    }
}

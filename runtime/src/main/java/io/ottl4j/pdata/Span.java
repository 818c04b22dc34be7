package io.ottl4j.pdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A span (OTLP {@code Span}). Times are unsigned nanoseconds since the epoch held in a {@code long}. */
public final class Span extends TraceContextElement implements TelemetryItem<Span> {
    public static final int KIND_UNSPECIFIED = 0;
    public static final int KIND_INTERNAL = 1;
    public static final int KIND_SERVER = 2;
    public static final int KIND_CLIENT = 3;
    public static final int KIND_PRODUCER = 4;
    public static final int KIND_CONSUMER = 5;

    private String traceState = "";
    private SpanId parentSpanId = SpanId.EMPTY;
    private String name = "";
    private int kind;
    private long startTimeUnixNano;
    private long endTimeUnixNano;
    private final ArrayList<SpanEvent> events = new ArrayList<>(0);
    private int droppedEventsCount;
    private final ArrayList<SpanLink> links = new ArrayList<>(0);
    private int droppedLinksCount;
    private Status status = new Status();

    /** The W3C tracestate header text. */
    public String traceState() {
        return traceState;
    }

    public void setTraceState(String traceState) {
        this.traceState = Objects.requireNonNull(traceState, "traceState");
    }

    /** {@link SpanId#EMPTY} for a root span. */
    public SpanId parentSpanId() {
        return parentSpanId;
    }

    public void setParentSpanId(SpanId parentSpanId) {
        this.parentSpanId = Objects.requireNonNull(parentSpanId, "parentSpanId");
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The proto {@code SpanKind} number ({@link #KIND_SERVER} etc.). */
    public int kind() {
        return kind;
    }

    public void setKind(int kind) {
        this.kind = kind;
    }

    public long startTimeUnixNano() {
        return startTimeUnixNano;
    }

    public void setStartTimeUnixNano(long startTimeUnixNano) {
        this.startTimeUnixNano = startTimeUnixNano;
    }

    public long endTimeUnixNano() {
        return endTimeUnixNano;
    }

    public void setEndTimeUnixNano(long endTimeUnixNano) {
        this.endTimeUnixNano = endTimeUnixNano;
    }

    /** The events; a mutable list. */
    public List<SpanEvent> events() {
        return events;
    }

    /** An OTLP uint32. */
    public int droppedEventsCount() {
        return droppedEventsCount;
    }

    public void setDroppedEventsCount(int count) {
        this.droppedEventsCount = count;
    }

    /** The links; a mutable list. */
    public List<SpanLink> links() {
        return links;
    }

    /** An OTLP uint32. */
    public int droppedLinksCount() {
        return droppedLinksCount;
    }

    public void setDroppedLinksCount(int count) {
        this.droppedLinksCount = count;
    }

    /** The status, mutable in place. */
    public Status status() {
        return status;
    }

    /** Replaces the status object (not copied). */
    public void setStatus(Status status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public Span deepCopy() {
        Span c = new Span();
        c.copyTraceContextFrom(this);
        c.traceState = traceState;
        c.parentSpanId = parentSpanId;
        c.name = name;
        c.kind = kind;
        c.startTimeUnixNano = startTimeUnixNano;
        c.endTimeUnixNano = endTimeUnixNano;
        c.events.ensureCapacity(events.size());
        for (SpanEvent e : events) {
            c.events.add(e.deepCopy());
        }
        c.droppedEventsCount = droppedEventsCount;
        c.links.ensureCapacity(links.size());
        for (SpanLink l : links) {
            c.links.add(l.deepCopy());
        }
        c.droppedLinksCount = droppedLinksCount;
        c.status = status.deepCopy();
        return c;
    }

    @Override
    public String toString() {
        return "Span{" + name + ", " + traceId() + "/" + spanId() + "}";
    }
}

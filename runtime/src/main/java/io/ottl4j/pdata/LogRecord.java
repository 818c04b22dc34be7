package io.ottl4j.pdata;

import java.util.Objects;

/** A log record (OTLP {@code LogRecord}). */
public final class LogRecord extends TraceContextElement implements TelemetryItem<LogRecord> {
    private long timeUnixNano;
    private long observedTimeUnixNano;
    private int severityNumber;
    private String severityText = "";
    private Object body = AnyValue.EMPTY;
    private String eventName = "";

    public long timeUnixNano() {
        return timeUnixNano;
    }

    public void setTimeUnixNano(long timeUnixNano) {
        this.timeUnixNano = timeUnixNano;
    }

    public long observedTimeUnixNano() {
        return observedTimeUnixNano;
    }

    public void setObservedTimeUnixNano(long observedTimeUnixNano) {
        this.observedTimeUnixNano = observedTimeUnixNano;
    }

    /** The proto {@code SeverityNumber} (0 unspecified, 1–24 TRACE … FATAL4). */
    public int severityNumber() {
        return severityNumber;
    }

    public void setSeverityNumber(int severityNumber) {
        this.severityNumber = severityNumber;
    }

    public String severityText() {
        return severityText;
    }

    public void setSeverityText(String severityText) {
        this.severityText = Objects.requireNonNull(severityText, "severityText");
    }

    /** A stored value ({@link AnyValue#EMPTY} when absent); a map or list body is live. */
    public Object body() {
        return body;
    }

    /** Sets a stored value (not copied). */
    public void setBody(Object body) {
        this.body = AnyValue.checkStored(body);
    }

    public String eventName() {
        return eventName;
    }

    public void setEventName(String eventName) {
        this.eventName = Objects.requireNonNull(eventName, "eventName");
    }

    @Override
    public LogRecord deepCopy() {
        LogRecord c = new LogRecord();
        c.timeUnixNano = timeUnixNano;
        c.observedTimeUnixNano = observedTimeUnixNano;
        c.severityNumber = severityNumber;
        c.severityText = severityText;
        c.body = AnyValue.deepCopy(body);
        c.copyTraceContextFrom(this);
        c.eventName = eventName;
        return c;
    }

    @Override
    public String toString() {
        return "LogRecord{" + AnyValue.toDebugJson(body) + ", " + attributes() + "}";
    }
}

package io.ottl4j.collector.datadog.mapping;

import java.util.HashMap;
import java.util.Map;

/**
 * A span in Datadog's terms, before it is encoded (protobuf for the intake) or aggregated (stats). Mutable
 * and unsynchronized: one is built per OTel span by {@link SpanMapper}.
 */
public final class DdSpan {
    public static final String TOP_LEVEL = "_top_level";
    public static final String MEASURED = "_dd.measured";
    public static final String SPAN_KIND = "span.kind";
    public static final String HTTP_STATUS = "http.status_code";

    public String service = "";
    public String name = "";
    public String resource = "";
    public String type = "";
    public long traceId;
    public long traceIdHigh;
    public long spanId;
    public long parentId;
    public long start;
    public long duration;
    public int error;
    /** The OTel span kind (Span.KIND_*). */
    public int kind;
    public final Map<String, String> meta;
    public final Map<String, Double> metrics = new HashMap<>(4);

    /** Payload-level facts taken from the span and its resource. */
    public String env = "";
    public String version = "";
    public String containerId = "";
    public String hostname = "";
    public String gitCommitSha = "";
    /** Container tags (resource_attributes_as_container_tags), "key:value" joined by commas. */
    public String containerTags = "";

    /** The encoder's cached protobuf size of this span (-1: not computed); the span must not change after. */
    public int encodedSize = -1;
    /** {@code _top_level} and {@code _dd.measured} as flags too: the concentrator asks for every span. */
    private boolean top;
    private boolean measuredFlag;
    /** {@code span.kind} and the HTTP status as fields too, for the same reason. */
    public String spanKindName = "";
    public int httpStatusCode;

    public DdSpan(int metaCapacity) {
        this.meta = new HashMap<>(metaCapacity);
    }

    public boolean topLevel() {
        return top;
    }

    public boolean measured() {
        return measuredFlag;
    }

    public void setTopLevel(boolean v) {
        top = v;
        if (v) {
            metrics.put(TOP_LEVEL, 1.0);
        } else {
            metrics.remove(TOP_LEVEL);
        }
    }

    /** Top-level as a flag only: the stats path, whose spans are never encoded. */
    public void setTopLevelFlag(boolean v) {
        top = v;
    }

    public void setMeasured() {
        measuredFlag = true;
        metrics.put(MEASURED, 1.0);
    }

    /** Re-reads the flags from {@code metrics} after attributes were copied into it. */
    public void syncFlags() {
        top = metrics.getOrDefault(TOP_LEVEL, 0.0) == 1.0;
        measuredFlag = metrics.getOrDefault(MEASURED, 0.0) == 1.0;
    }

    public int httpStatus() {
        return httpStatusCode;
    }

    @Override
    public String toString() {
        return "DdSpan{service=" + service + ", name=" + name + ", resource=" + resource + ", type=" + type + ", error=" + error + ", meta="
                + meta + ", metrics=" + metrics + "}";
    }
}

package io.ottl4j.collector.component;

/**
 * Upstream's component status model (componentstatus): what a component reports about itself. Health
 * checks answer non-200 while any component is in {@link #PERMANENT_ERROR} or {@link #FATAL_ERROR}, so a
 * supervisor restarts a collector that cannot go on.
 */
public enum ComponentStatus {
    STARTING, OK, RECOVERABLE_ERROR, PERMANENT_ERROR, FATAL_ERROR, STOPPING, STOPPED;

    /** Whether this status means the component cannot do its work until the process is restarted. */
    public boolean unhealthy() {
        return this == PERMANENT_ERROR || this == FATAL_ERROR;
    }
}

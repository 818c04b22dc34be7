package io.ottl4j.language.inspect;

/**
 * One path a context accepts, as completion and {@code :explain} show it.
 *
 * @param path  the path as written, e.g. {@code status.code}, {@code resource.attributes}
 * @param level the level (table) it reads: {@code span}, {@code resource}, {@code instrumentation_scope}...
 * @param type  the value type: string, int, double, bool, map, time, any...
 * @param doc   one line of documentation
 * @param keyed whether it takes keys ({@code attributes["k"]}, {@code body["k"]}, {@code trace_state["k"]})
 */
public record PathInfo(String path, String level, String type, String doc, boolean keyed) {
}

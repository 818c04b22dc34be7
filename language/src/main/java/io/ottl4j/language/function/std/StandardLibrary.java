package io.ottl4j.language.function.std;

import java.util.List;

/**
 * The holder classes of the standard function library, one per theme. Each holder's nested classes
 * annotated with {@code @OttlFunction} are the functions; add a holder here to register its functions.
 */
public final class StandardLibrary {
    private StandardLibrary() {
    }

    public static List<Class<?>> holders() {
        return List.of(
                CoreEditors.class, MapEditors.class, ReplaceEditors.class,
                StringConverters.class, TypeConverters.class, CollectionConverters.class, EncodingConverters.class,
                TimeConverters.class, HashConverters.class, IdConverters.class, MiscConverters.class,
                ParseConverters.class, LogParsers.class, XmlFunctions.class, PatternConverters.class, WebConverters.class,
                MetricFunctions.class, MetricSummaries.class, MetricPercentiles.class, DataPointFunctions.class, FilterConverters.class, SpanFunctions.class, LambdaConverters.class);
    }
}

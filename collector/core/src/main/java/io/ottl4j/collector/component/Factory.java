package io.ottl4j.collector.component;

import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.collector.config.Location;
import io.ottl4j.collector.config.Problems;
import io.ottl4j.pdata.Signal;
import java.util.List;
import java.util.Map;

/**
 * Creates components of one type. {@code C} is the component's config record; {@link #decode} reads it from
 * YAML, reporting every problem (with key path and location) to the {@link Conf}'s problem list.
 */
public interface Factory<C> {
    String type();

    /** Older (deprecated) names of the type that configs may still use. */
    default List<String> aliases() {
        return List.of();
    }

    Kind kind();

    /** Stability per signal (extensions: any key). */
    Map<Signal, Stability> stability();

    /** A one-line description for {@code ottl components}. */
    default String description() {
        return "";
    }

    /** Decodes a config; unread keys are reported by the caller (upstream rejects unknown keys). */
    C decode(Conf conf);

    /** The config used for {@code type:} with no settings. */
    default C defaultConfig() {
        Problems p = new Problems();
        Conf c = new Conf(ConfigNode.MapNode.empty(Location.UNKNOWN), "", p);
        return decode(c);
    }
}

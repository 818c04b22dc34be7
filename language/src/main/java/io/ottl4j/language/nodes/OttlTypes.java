package io.ottl4j.language.nodes;

import com.oracle.truffle.api.dsl.TypeSystem;

/**
 * The types the DSL specialises on. OTTL values are otherwise plain Java objects: {@code null} is nil,
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code byte[]}, pdata maps and lists,
 * native lists, ids, times and durations.
 */
@TypeSystem({long.class, double.class, boolean.class, String.class})
public abstract class OttlTypes {
}

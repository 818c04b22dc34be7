package io.ottl4j.language.function;

import java.util.Set;

/**
 * A function whose behaviour (not its signature) depends on feature gates, e.g. {@code set} with
 * {@code ottl.set.allowNil}. The binder calls {@link #featureGates} once, right after the constructor and
 * before the node is adopted or run, with the gates the statement is compiled under.
 */
public interface FeatureGateAware {
    void featureGates(Set<String> enabled);
}

package io.ottl4j.collector.processor.filter;

import io.ottl4j.collector.processor.internal.MatchProperties;
import io.ottl4j.pdata.InstrumentationScope;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.Resource;

/**
 * One signal's legacy {@code include}/{@code exclude} pair of the {@code filter} processor (upstream's
 * "skip expression"): an item is dropped when it fails {@code include} or matches {@code exclude}, include
 * checked first. Metrics follow upstream's split: the resource attributes decide at the resource level and
 * the metric names at the metric level, each part only when it is set.
 */
record LegacyMatch(MatchProperties include, MatchProperties exclude, boolean metrics) {
    static LegacyMatch of(MatchProperties include, MatchProperties exclude, boolean metrics) {
        return include == null && exclude == null ? null : new LegacyMatch(include, exclude, metrics);
    }

    boolean skipResource(Resource r) {
        if (!metrics) {
            return false;
        }
        return include != null && include.hasResources() && !include.matchesResource(r)
                || exclude != null && exclude.hasResources() && exclude.matchesResource(r);
    }

    boolean skipItem(Resource r, InstrumentationScope scope, Object item) {
        if (metrics) {
            Metric m = (Metric) item;
            return include != null && include.hasMetricNames() && !include.matchesMetricName(m)
                    || exclude != null && exclude.hasMetricNames() && exclude.matchesMetricName(m);
        }
        return include != null && !include.matches(r, scope, item) || exclude != null && exclude.matches(r, scope, item);
    }
}

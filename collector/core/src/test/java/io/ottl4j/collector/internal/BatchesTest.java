package io.ottl4j.collector.internal;

import static io.ottl4j.collector.testing.Data.spanNames;
import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.testing.Data;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import org.junit.jupiter.api.Test;

/** Splitting as upstream's batch processor does: exactly {@code max} items, resource and scope copied where cut. */
class BatchesTest {
    @Test
    void splitTakesWholeGroupsThenCutsInsideAScopeCopyingResourceAndScope() {
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        ResourceGroup<Span> r1 = Data.spans(b, "one", "s1", "a", "b");
        Data.addScope(r1, "s2", "c");
        ResourceGroup<Span> r2 = Data.spans(b, "two", "s3", "d", "e", "f");
        r2.resource().attributes().put("k8s.node.name", "n1");
        ScopeGroup<Span> s3 = r2.scopes().get(0);

        TelemetryBatch<Span> out = Batches.split(b, 4);

        assertThat(spanNames(out)).containsExactly("a", "b", "c", "d");
        assertThat(spanNames(b)).containsExactly("e", "f");
        assertThat(out.resources().get(0)).isSameAs(r1); // fits whole: moved, not copied
        ResourceGroup<Span> cut = out.resources().get(1);
        assertThat(cut).isNotSameAs(r2);
        assertThat(cut.resource().attributes()).isEqualTo(r2.resource().attributes());
        assertThat(cut.schemaUrl()).isEqualTo("https://schema/two");
        ScopeGroup<Span> cutScope = cut.scopes().get(0);
        assertThat(cutScope).isNotSameAs(s3);
        assertThat(cutScope.scope().name()).isEqualTo("s3");
        assertThat(cutScope.scope().version()).isEqualTo("1.0");
        assertThat(cutScope.schemaUrl()).isEqualTo("https://scope/s3");
        // the remainder keeps its own resource and scope objects
        assertThat(b.resources()).containsExactly(r2);
        assertThat(r2.scopes()).containsExactly(s3);
    }

    @Test
    void splitAtAScopeBoundaryMovesTheWholeScope() {
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        ResourceGroup<Span> r1 = Data.spans(b, "one", "s1", "a", "b");
        ScopeGroup<Span> s1 = r1.scopes().get(0);
        Data.addScope(r1, "s2", "c", "d");

        TelemetryBatch<Span> out = Batches.split(b, 2);

        assertThat(out.resources()).hasSize(1);
        assertThat(out.resources().get(0)).isNotSameAs(r1);
        assertThat(out.resources().get(0).scopes()).containsExactly(s1);
        assertThat(spanNames(b)).containsExactly("c", "d");
        assertThat(r1.scopes()).hasSize(1);
    }

    @Test
    void metricsSplitAtDataPointsKeepingTheMetricDescription() {
        TelemetryBatch<Metric> b = TelemetryBatch.metrics();
        ScopeGroup<Metric> sg = b.addResource().addScope();
        Data.gauge(sg, "m1", 1);
        Metric m2 = Data.gauge(sg, "m2", 10, 20, 30);

        TelemetryBatch<Metric> out = Batches.split(b, 3);

        assertThat(Batches.count(out)).isEqualTo(3);
        assertThat(Batches.count(b)).isEqualTo(1);
        Metric part = out.resources().get(0).scopes().get(0).items().get(1);
        assertThat(part).isNotSameAs(m2);
        assertThat(part.name()).isEqualTo("m2");
        assertThat(part.unit()).isEqualTo("1");
        assertThat(part.type()).isEqualTo(m2.type());
        assertThat(part.dataPoints()).extracting(DataPoint::attributes).extracting(a -> a.get("i")).containsExactly(0L, 1L);
        assertThat(m2.dataPoints()).extracting(DataPoint::attributes).extracting(a -> a.get("i")).containsExactly(2L);
    }

    @Test
    void pruneRemovesEmptyScopesAndResources() {
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        ResourceGroup<Span> r1 = Data.spans(b, "one", "s1");
        Data.addScope(r1, "s2", "x");
        Data.spans(b, "two", "s3");
        Batches.prune(b);
        assertThat(b.resources()).containsExactly(r1);
        assertThat(r1.scopes()).extracting(s -> s.scope().name()).containsExactly("s2");
    }
}

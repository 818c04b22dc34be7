package io.ottl4j.collector.processor.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.config.ConfigException;
import io.ottl4j.collector.processor.internal.OttlConfig;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Sink;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Upstream's per-group {@code shared_cache} and {@code flatten}, processor-level {@code flatten_data}, and their gates. */
class TransformGroupOptionsTest {
    private static final Set<String> FLATTEN = Set.of(TransformProcessorFactory.FLATTEN_LOGS_GATE);

    private final TransformProcessorFactory factory = new TransformProcessorFactory();
    private final Sink next = new Sink();

    private TransformProcessorFactory.Config decode(Set<String> gates, String yaml) throws ConfigException {
        return OttlConfig.withFeatureGates(gates, () -> TestComponents.decode(factory, yaml));
    }

    private List<String> problems(Set<String> gates, String yaml) {
        return OttlConfig.withFeatureGates(gates, () -> TestComponents.problems(factory, yaml));
    }

    private ProcessorFactory.Processor create(TransformProcessorFactory.Config cfg, Signal signal) {
        return factory.create(TestComponents.settings(Kind.PROCESSOR, "transform"), cfg, signal, next);
    }

    /** Two resources: "a" with scope s1 holding logs one and two, "b" with one log three. */
    private static TelemetryBatch<LogRecord> logs() {
        TelemetryBatch<LogRecord> b = TelemetryBatch.logs();
        ResourceGroup<LogRecord> a = b.addResource();
        a.resource().attributes().put("service.name", "a");
        ScopeGroup<LogRecord> s1 = a.addScope();
        s1.scope().setName("s1");
        Data.log(s1, "one", 9);
        Data.log(s1, "two", 9);
        ResourceGroup<LogRecord> c = b.addResource();
        c.resource().attributes().put("service.name", "b");
        Data.log(c.addScope(), "three", 9);
        return b;
    }

    private static List<String> bodies(ResourceGroup<LogRecord> rg) {
        return rg.scopes().stream().flatMap(s -> s.items().stream()).map(l -> (String) l.body()).toList();
    }

    @Test
    void sharedCacheGroupsOfOneContextSeeEachOthersEntries() throws Exception {
        var cfg = decode(Set.of(), """
                log_statements:
                  - context: log
                    shared_cache: true
                    statements: ['set(cache["seen"], log.body) where log.body == "two"']
                  - context: log
                    shared_cache: true
                    statements: ['set(log.attributes["seen"], cache["seen"])']
                  - context: log
                    statements: ['set(log.attributes["own"], cache["seen"])']
                """);
        assertThat(cfg.groups().get(Signal.LOGS)).extracting(TransformProcessorFactory.Group::sharedCache).containsExactly(true, true, false);
        TelemetryBatch<LogRecord> b = logs();
        create(cfg, Signal.LOGS).consume(b);
        List<LogRecord> all = b.resources().stream().flatMap(r -> r.scopes().stream()).flatMap(s -> s.items().stream()).toList();
        assertThat(all).extracting(l -> l.attributes().get("seen")).containsExactly("two", "two", "two");
        assertThat(all).extracting(l -> l.attributes().get("own")).containsExactly(null, null, null);
        // a new batch starts with an empty shared cache
        TelemetryBatch<LogRecord> again = TelemetryBatch.logs();
        Data.log(again.addResource().addScope(), "other", 9);
        create(cfg, Signal.LOGS).consume(again);
        assertThat(again.resources().get(0).scopes().get(0).items().get(0).attributes().get("seen")).isNull();
    }

    @Test
    void sharedCacheOfAnotherContextIsAnotherMap() throws Exception {
        var cfg = decode(Set.of(), """
                log_statements:
                  - context: resource
                    shared_cache: true
                    statements: ['set(cache["r"], "from resource")']
                  - context: log
                    shared_cache: true
                    statements: ['set(log.attributes["r"], cache["r"])']
                """);
        TelemetryBatch<LogRecord> b = logs();
        create(cfg, Signal.LOGS).consume(b);
        assertThat(b.resources().get(0).scopes().get(0).items().get(0).attributes().get("r")).isNull();
    }

    @Test
    void flattenGivesEachLogItsOwnResourceAndRegroupsAfterwards() throws Exception {
        var cfg = decode(FLATTEN, """
                log_statements:
                  - context: log
                    flatten: true
                    statements: ['set(resource.attributes["body"], log.body) where log.body == "one"']
                """);
        TelemetryBatch<LogRecord> b = logs();
        create(cfg, Signal.LOGS).consume(b);
        // "one" moved to its own resource; "two" stays with an unchanged copy of resource "a"
        assertThat(b.resources()).hasSize(3);
        assertThat(b.resources()).extracting(r -> r.resource().attributes().get("body")).containsExactly("one", null, null);
        assertThat(bodies(b.resources().get(0))).containsExactly("one");
        assertThat(bodies(b.resources().get(1))).containsExactly("two");
        assertThat(b.resources().get(1).scopes().get(0).scope().name()).isEqualTo("s1");
        assertThat(bodies(b.resources().get(2))).containsExactly("three");
    }

    @Test
    void withoutFlattenAResourceWriteReachesItsNeighbours() throws Exception {
        var cfg = decode(Set.of(), """
                log_statements:
                  - context: log
                    statements: ['set(resource.attributes["body"], log.body) where log.body == "one"']
                """);
        TelemetryBatch<LogRecord> b = logs();
        create(cfg, Signal.LOGS).consume(b);
        assertThat(b.resources()).hasSize(2);
        assertThat(bodies(b.resources().get(0))).containsExactly("one", "two");
    }

    @Test
    void flattenDataRegroupsEqualResourcesAfterEveryGroup() throws Exception {
        var cfg = decode(FLATTEN, """
                flatten_data: true
                log_statements:
                  - context: log
                    statements: ['set(resource.attributes["service.name"], "merged")']
                """);
        assertThat(cfg.flattenData()).isTrue();
        TelemetryBatch<LogRecord> b = logs();
        create(cfg, Signal.LOGS).consume(b);
        // all three now share one resource; scopes "s1" and "" stay apart
        assertThat(b.resources()).hasSize(1);
        assertThat(b.resources().get(0).scopes()).extracting(s -> s.scope().name()).containsExactly("s1", "");
        assertThat(bodies(b.resources().get(0))).containsExactly("one", "two", "three");
    }

    @Test
    void flattenDataLeavesOtherSignalsAlone() throws Exception {
        var cfg = decode(FLATTEN, """
                flatten_data: true
                trace_statements: ['set(span.attributes["x"], 1)']
                """);
        var b = Data.traces("a", "b");
        create(cfg, Signal.TRACES).consume(b);
        assertThat(b.resources()).hasSize(1);
    }

    @Test
    void flattenNeedsTheGateAndALogGroup() {
        assertThat(problems(Set.of(), """
                flatten_data: true
                """)).singleElement().asString().contains("'flatten_data' requires the 'transform.flatten.logs' feature gate to be enabled");
        assertThat(problems(Set.of("-transform.flatten.logs"), """
                log_statements:
                  - context: log
                    flatten: true
                    statements: ['set(log.attributes["x"], 1)']
                """)).singleElement().asString().contains("'flatten' requires the 'transform.flatten.logs' feature gate to be enabled");
        assertThat(problems(FLATTEN, """
                log_statements:
                  - context: resource
                    flatten: true
                    statements: ['set(attributes["x"], 1)']
                """)).singleElement().asString().contains("'flatten' is only supported for log context groups");
        assertThat(problems(FLATTEN, """
                metric_statements:
                  - context: datapoint
                    flatten: true
                    statements: ['set(attributes["x"], 1)']
                """)).singleElement().asString().contains("'flatten' is only supported for log context groups");
        // an inferred log group may flatten
        assertThat(problems(FLATTEN, """
                log_statements:
                  - flatten: true
                    statements: ['set(log.attributes["x"], 1)']
                """)).isEmpty();
    }

    @Test
    void groupOptionsAreBooleans() {
        assertThat(problems(Set.of(), """
                log_statements:
                  - context: log
                    shared_cache: yes please
                    statements: ['set(log.attributes["x"], 1)']
                """)).singleElement().asString().contains("shared_cache").contains("expected true or false");
    }

    @Test
    void statementsAndGroupsDoNotMix() {
        assertThat(problems(Set.of(), """
                log_statements:
                  - set(log.attributes["x"], 1)
                  - context: log
                    statements: ['set(log.attributes["y"], 1)']
                """)).singleElement().asString().contains("configuring multiple configuration styles is not supported");
    }

    @Test
    void theDefaultErrorModeIgnoreGateChangesTheDefault() throws Exception {
        assertThat(decode(Set.of(), "log_statements: ['set(log.attributes[\"x\"], 1)']").errorMode()).isEqualTo(ErrorMode.PROPAGATE);
        assertThat(decode(Set.of(TransformProcessorFactory.DEFAULT_IGNORE_GATE), "log_statements: ['set(log.attributes[\"x\"], 1)']")
                .errorMode()).isEqualTo(ErrorMode.IGNORE);
        assertThat(decode(Set.of(TransformProcessorFactory.DEFAULT_IGNORE_GATE), """
                error_mode: propagate
                log_statements: ['set(log.attributes["x"], 1)']
                """).errorMode()).isEqualTo(ErrorMode.PROPAGATE);
    }
}

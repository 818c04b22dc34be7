package io.ottl4j.collector.processor.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Sink;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import org.junit.jupiter.api.Test;

class ResourceProcessorTest {
    private final ResourceProcessorFactory factory = new ResourceProcessorFactory();

    @Test
    void actionsApplyToEveryResourceAndNotToSpans() throws Exception {
        Sink next = new Sink();
        var p = factory.create(TestComponents.settings(Kind.PROCESSOR, "resource"), TestComponents.decode(factory, """
                attributes:
                  - {key: deployment.environment.name, value: production, action: upsert}
                  - {key: git.commit.sha, from_attribute: vcs.repository.ref.revision, action: insert}
                  - {key: k8s.pod.uid, action: hash}
                  - {key: temp, action: delete}
                """), Signal.TRACES, next);
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        AttributeMap r1 = Data.spans(b, "one", "s", "a").resource().attributes();
        r1.put("vcs.repository.ref.revision", "abc");
        r1.put("temp", 1L);
        r1.put("k8s.pod.uid", "u");
        AttributeMap r2 = Data.spans(b, "two", "s", "b").resource().attributes();
        Span span = b.resources().get(0).scopes().get(0).items().get(0);
        span.attributes().put("temp", 1L);
        p.consume(b);
        assertThat(next.only()).isSameAs(b);
        assertThat(r1.get("deployment.environment.name")).isEqualTo("production");
        assertThat(r2.get("deployment.environment.name")).isEqualTo("production");
        assertThat(r1.get("git.commit.sha")).isEqualTo("abc");
        assertThat(r2.containsKey("git.commit.sha")).isFalse();
        assertThat(r1.containsKey("temp")).isFalse();
        assertThat((String) r1.get("k8s.pod.uid")).hasSize(64);
        assertThat(span.attributes().get("temp")).isEqualTo(1L);
        assertThat(p.mutatesData()).isTrue();
    }

    @Test
    void attributesAreRequired() {
        assertThat(TestComponents.problems(factory, "{}")).singleElement().asString().contains("attributes");
    }
}

package io.ottl4j.language.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.language.ContextKind;
import io.ottl4j.language.Ottl;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectTest {
    @Test
    void pathCatalogListsOwnAndPrefixedPathsAsTheBinderResolvesThem() {
        PathCatalog span = PathCatalog.of(ContextKind.SPAN);
        assertThat(span.ownPaths()).extracting(PathInfo::path).contains("name", "attributes", "status.code", "cache");
        assertThat(span.allPaths()).extracting(PathInfo::path).contains("resource.attributes", "instrumentation_scope.name",
                "span.name");
        assertThat(span.enums()).containsEntry("SPAN_KIND_SERVER", 2L);
        assertThat(span.resolve(List.of("resource", "attributes"))).isEqualTo(
                new PathInfo("resource.attributes", "resource", "map", "the resource attributes", true));
        assertThat(span.resolve(List.of("status", "code")).type()).isEqualTo("int");
        assertThat(span.resolve(List.of("nope"))).isNull();
        assertThat(PathCatalog.of(ContextKind.SPANEVENT).allPaths()).extracting(PathInfo::path).contains("span.attributes");
    }

    @Test
    void explainNamesTheLevelOfEachPathAndTheParameterOfEachArgument() {
        Explanation e = Explainer.explain(Ottl.create(), ContextKind.SPAN,
                "set(attributes[\"x\"], resource.attributes[\"service.name\"]) where kind == SPAN_KIND_SERVER");
        assertThat(e.ok()).isTrue();
        assertThat(e.kind()).isEqualTo("statement");
        assertThat(e.lines()).extracting(Explanation.Line::role).containsExactly("editor", "target", "value", "where", "left", "right");
        assertThat(e.lines().get(2).meaning()).contains("resource level").contains("passed as any");
        assertThat(e.lines().get(5).meaning()).isEqualTo("enum = 2 (int)");
    }

    @Test
    void explainReportsTheCompilersProblems() {
        Explanation e = Explainer.explain(Ottl.create(), ContextKind.LOG, "set(bdy, 1)");
        assertThat(e.ok()).isFalse();
        assertThat(e.problems().get(0).suggestion()).contains("body");
        Explanation broken = Explainer.explain(Ottl.create(), ContextKind.LOG, "set(body,");
        assertThat(broken.lines()).isEmpty();
        assertThat(broken.problems()).isNotEmpty();
    }
}

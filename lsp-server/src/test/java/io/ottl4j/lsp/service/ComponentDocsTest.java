package io.ottl4j.lsp.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.component.Components;
import io.ottl4j.collector.component.Factory;
import io.ottl4j.collector.component.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys of nested settings maps, found by asking each component's own decoder. */
class ComponentDocsTest {
    private static final Components COMPONENTS = Builtins.components();

    private static Factory<?> find(Kind kind, String type) {
        return COMPONENTS.find(kind, type);
    }

    @Test
    void keysOfNestedMapsComeFromTheDecoder() {
        assertThat(ComponentDocs.keysAt(find(Kind.RECEIVER, "otlp"), List.of("protocols"))).contains("grpc", "http");
        assertThat(ComponentDocs.keysAt(find(Kind.RECEIVER, "otlp"), List.of("protocols", "grpc")))
                .contains("endpoint", "max_recv_msg_size_mib").doesNotContain("cors");
        assertThat(ComponentDocs.keysAt(find(Kind.RECEIVER, "otlp"), List.of("protocols", "http"))).contains("endpoint", "cors");
        assertThat(ComponentDocs.keysAt(find(Kind.EXPORTER, "otlp_grpc"), List.of("sending_queue"))).contains("enabled", "queue_size");
    }

    @Test
    void unknownNestedPathsHaveNoKeys() {
        assertThat(ComponentDocs.keysAt(find(Kind.PROCESSOR, "batch"), List.of("no_such_map"))).isEmpty();
        assertThat(ComponentDocs.keysAt(find(Kind.RECEIVER, "otlp"), List.of("protocols", "gr\"pc\\"))).isEmpty();
    }
}

package io.ottl4j.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.grammar.ast.Node;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParserConcurrencyTest {

    private static final List<String> STATEMENTS = List.of(
            "set(attributes[\"k8s.node.name\"], Concat([attributes[\"k8s.node.name\"], \"k8s-1\"], \"-\"))",
            "set(span.attributes[\"x\"], resource.attributes[\"a\"][\"b\"][0]) where name == \"fido\" and kind != 2",
            "replace_pattern(attributes[\"message\"], \"device=*\", attributes[\"device_name\"], SHA256)",
            "flatten(attributes, prefix = \"k8s\", resolve_conflicts = true) where IsMatch(name, \"a.*\") or not x < 1",
            "set(attributes[\"l\"], Filter(attributes[\"list\"], (k, v) => v != nil and k < 3))",
            "delete_key(attributes, \"x\") where (1 + 2) * 3 == 9 and attributes[\"n\"] < -1.5");

    @Test
    void parsesFromManyThreadsGiveTheSameTrees() throws Exception {
        List<String> expected = STATEMENTS.stream().map(ParserConcurrencyTest::dump).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<List<String>>> futures = IntStream.range(0, 16).mapToObj(i -> pool.submit(
                    () -> IntStream.range(0, 50).boxed().flatMap(n -> STATEMENTS.stream())
                            .map(ParserConcurrencyTest::dump).distinct().toList())).toList();
            for (Future<List<String>> future : futures) {
                assertThat(future.get()).containsExactlyElementsOf(expected);
            }
        }
    }

    private static String dump(String statement) {
        ParseResult<? extends Node> result = OttlParser.parseStatement(statement);
        assertThat(result.ok()).as(statement).isTrue();
        return AstPrinter.print(result.tree());
    }
}

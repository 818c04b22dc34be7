package io.ottl4j.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's semantics on hand-built records: paths, writes, nil, math, comparisons, error modes. */
class EngineTest {
    private final Ottl ottl = Ottl.create();
    private TelemetryBatch<Span> batch;
    private Span span;
    private ResourceGroup<Span> resource;

    @BeforeEach
    void setUp() {
        batch = TelemetryBatch.traces();
        resource = new ResourceGroup<>();
        resource.resource().attributes().put("host.name", "web-1");
        ScopeGroup<Span> scope = new ScopeGroup<>();
        scope.scope().setName("rack");
        span = new Span();
        span.setName("GET /");
        span.attributes().put("http.status_code", 200L);
        span.attributes().put("ratio", 0.5);
        SpanEvent event = new SpanEvent();
        event.setName("exception");
        span.events().add(event);
        scope.items().add(span);
        resource.scopes().add(scope);
        batch.resources().add(resource);
    }

    private void run(ContextKind ctx, String... statements) throws OttlCompileException {
        ottl.compileStatements(ctx, List.of(statements), ErrorMode.PROPAGATE).execute(batch);
    }

    private Object eval(String expression) throws OttlCompileException {
        return ottl.compileExpression(ContextKind.SPAN, expression).evaluate(Records.list(ContextKind.SPAN, batch).get(0));
    }

    @Test
    void setWritesAttributesAndFields() throws Exception {
        run(ContextKind.SPAN, "set(attributes[\"a\"], \"x\")", "set(name, \"renamed\")", "set(status.code, STATUS_CODE_ERROR)");
        assertThat(span.attributes().get("a")).isEqualTo("x");
        assertThat(span.name()).isEqualTo("renamed");
        assertThat(span.status().code()).isEqualTo(2);
    }

    @Test
    void setWithNilOrWrongTypeDoesNothing() throws Exception {
        // the baseline (spec §5): a nil value makes set do nothing
        run(ContextKind.SPAN, "set(attributes[\"a\"], attributes[\"missing\"])", "set(name, 1)", "set(name, nil)", "set(events, nil)");
        assertThat(span.attributes().containsKey("a")).isFalse();
        assertThat(span.name()).isEqualTo("GET /");
        assertThat(span.events()).hasSize(1);
    }

    @Test
    void setWithNilEmptiesUnderAllowNilGate() throws Exception {
        // upstream's ottl.set.allowNil: nil reaches the setter, which creates a missing key empty and clears a whole list
        Ottl allowNil = Ottl.builder().enableFeatureGate(Ottl.SET_ALLOW_NIL_GATE).build();
        // typed fields refuse nil (upstream's ErrSetNil): under error_mode ignore the statement is skipped
        // error_mode ignore logs the refused statement: captured and checked here instead of printed
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("io.ottl4j.language");
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                warnings.add(java.text.MessageFormat.format(r.getMessage(), r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = log.getUseParentHandlers();
        log.addHandler(capture);
        log.setUseParentHandlers(false);
        try {
            allowNil.compileStatements(ContextKind.SPAN, List.of("set(attributes[\"a\"], attributes[\"missing\"])", "set(name, 1)",
                    "set(name, nil)", "set(events, nil)"), ErrorMode.IGNORE).execute(batch);
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(parents);
        }
        assertThat(String.join("\n", warnings)).contains("setting a value to nil is not supported");
        assertThat(span.attributes().containsKey("a")).isTrue();
        assertThat(span.attributes().get("a")).isEqualTo(AnyValue.EMPTY);
        assertThat(span.name()).isEqualTo("GET /");
        assertThat(span.events()).isEmpty();
    }

    @Test
    void intOfAnUnparsableStringIsNilUnderEveryGate() throws Exception {
        // upstream's current Int (IntLikeGetter, func_int_test "not a number string") still gives nil, not an error
        for (Ottl o : List.of(ottl, Ottl.builder().enableFeatureGate(Ottl.CURRENT_SIGNATURES_GATE)
                .enableFeatureGate(Ottl.STRICT_SETTERS_GATE).build())) {
            Object v = o.compileExpression(ContextKind.SPAN, "Int(\"abc\")").evaluate(Records.list(ContextKind.SPAN, batch).get(0));
            assertThat(v).isNull();
        }
    }

    @Test
    void whereClauseGuardsTheEditor() throws Exception {
        run(ContextKind.SPAN, "set(attributes[\"hit\"], true) where attributes[\"http.status_code\"] >= 500",
                "set(attributes[\"ok\"], true) where attributes[\"http.status_code\"] == 200 and name == \"GET /\"");
        assertThat(span.attributes().containsKey("hit")).isFalse();
        assertThat(span.attributes().get("ok")).isEqualTo(true);
    }

    @Test
    void nestedKeysCreateMapsAndLists() throws Exception {
        run(ContextKind.SPAN, "set(attributes[\"m\"][\"k\"], 1)", "set(attributes[\"l\"][1], \"b\")");
        assertThat(((AttributeMap) span.attributes().get("m")).get("k")).isEqualTo(1L);
        AttributeList l = (AttributeList) span.attributes().get("l");
        assertThat(l.size()).isEqualTo(2);
        assertThat(l.get(1)).isEqualTo("b");
        assertThat(eval("attributes[\"m\"][\"k\"]")).isEqualTo(1L);
        assertThat(eval("attributes[\"m\"][\"missing\"]")).isNull();
    }

    @Test
    void higherContextsAreReachableAndShared() throws Exception {
        run(ContextKind.SPANEVENT, "set(span.attributes[\"saw\"], name)", "set(resource.attributes[\"r\"], instrumentation_scope.name)");
        assertThat(span.attributes().get("saw")).isEqualTo("exception");
        assertThat(resource.resource().attributes().get("r")).isEqualTo("rack");
    }

    @Test
    void mathFollowsGoInt64AndFloatRules() throws Exception {
        assertThat(eval("-7 / 2")).isEqualTo(-3L);
        assertThat(eval("9223372036854775807 + 9223372036854775807")).isEqualTo(-2L);
        assertThat(eval("4 / 2.0")).isEqualTo(2.0);
        assertThat(eval("(1 + 2) * 3")).isEqualTo(9L);
        assertThat(eval("attributes[\"http.status_code\"] * 2")).isEqualTo(400L);
        assertThatThrownBy(() -> eval("1 / 0")).isInstanceOf(OttlRuntimeException.class).hasMessageContaining("divide by 0");
    }

    @Test
    void comparisonsAcrossTypesNeverFail() throws Exception {
        CompiledConditions c = ottl.compileConditions(ContextKind.SPAN, List.of(
                "\"1\" == 1", "attributes[\"ratio\"] < 1", "attributes[\"missing\"] == nil", "name != 3"), LogicOperation.AND,
                ErrorMode.PROPAGATE);
        TransformContext r = Records.list(ContextKind.SPAN, batch).get(0);
        assertThat(c.test(r)).isFalse();
        assertThat(ottl.compileConditions(ContextKind.SPAN, List.of("attributes[\"ratio\"] < 1", "attributes[\"missing\"] == nil",
                "name != 3"), LogicOperation.AND, ErrorMode.PROPAGATE).test(r)).isTrue();
    }

    @Test
    void errorModesDecideWhatARuntimeErrorDoes() throws Exception {
        List<String> statements = List.of("set(attributes[\"x\"], 1 / 0)", "set(attributes[\"after\"], true)");
        assertThatThrownBy(() -> ottl.compileStatements(ContextKind.SPAN, statements, ErrorMode.PROPAGATE).execute(batch))
                .isInstanceOf(OttlRuntimeException.class).hasMessageContaining("failed to execute statement");
        assertThat(span.attributes().containsKey("after")).isFalse();
        ottl.compileStatements(ContextKind.SPAN, statements, ErrorMode.SILENT).execute(batch);
        assertThat(span.attributes().get("after")).isEqualTo(true);
    }

    @Test
    void runtimeTypeErrorsNameTheFunctionAndArgument() {
        assertThatThrownBy(() -> run(ContextKind.SPAN, "set(attributes[\"x\"], Substring(attributes[\"http.status_code\"], 0, 1))"))
                .isInstanceOf(OttlRuntimeException.class)
                .hasMessageContaining("Substring's argument target: expected string but got int");
        assertThatThrownBy(() -> run(ContextKind.SPAN, "set(attributes[\"x\"], Double(\"abc\"))"))
                .isInstanceOf(OttlRuntimeException.class)
                .hasMessageContaining("Double's argument target: could not convert \"abc\" to a double");
    }

    @Test
    void compileErrorsAreAllReportedWithCodesAndSuggestions() {
        assertThatThrownBy(() -> ottl.compileStatements(ContextKind.SPAN,
                List.of("set(atributes[\"x\"], 1)", "set(name, Concatt([\"a\"], \"\"))"), ErrorMode.PROPAGATE))
                .isInstanceOfSatisfying(OttlCompileException.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems().get(0).diagnostic().code()).isEqualTo("OTTL-E100");
                    assertThat(e.problems().get(0).diagnostic().suggestion()).contains("attributes");
                    assertThat(e.problems().get(1).index()).isEqualTo(1);
                    assertThat(e.problems().get(1).diagnostic().code()).isEqualTo("OTTL-E104");
                    assertThat(e.stage()).isEqualTo(OttlCompileException.Stage.COMPILE);
                });
    }

    @Test
    void relaxedArgumentsNeedTheCurrentSignaturesGate() throws Exception {
        // baseline: Split's delimiter is a string literal; an expression there names the gate that accepts it
        assertThatThrownBy(() -> run(ContextKind.SPAN, "set(attributes[\"x\"], Split(name, attributes[\"d\"]))"))
                .isInstanceOfSatisfying(OttlCompileException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).diagnostic().code()).isEqualTo("OTTL-E111");
                    assertThat(e.problems().get(0).diagnostic().message())
                            .isEqualTo("argument delimiter of Split must be a string literal, got a path");
                    assertThat(e.problems().get(0).diagnostic().suggestion()).contains("--feature-gates=ottl.functions.currentSignatures");
                });
        // a literal of the wrong kind gets no gate suggestion (the gate would not make it right)
        assertThatThrownBy(() -> run(ContextKind.SPAN, "set(attributes[\"x\"], Concat(\"a\", \"-\"))"))
                .isInstanceOfSatisfying(OttlCompileException.class,
                        e -> assertThat(e.problems().get(0).diagnostic().suggestion()).isNull());
        run(ContextKind.SPAN, "set(attributes[\"parts\"], Split(name, \" \"))", "set(attributes[\"tid\"], TraceID(bytes = 0x0102030405060708090a0b0c0d0e0f10))");
        assertThat(span.attributes().containsKey("tid")).isTrue();

        Ottl current = Ottl.builder().enableFeatureGate(Ottl.CURRENT_SIGNATURES_GATE).build();
        span.attributes().put("d", " ");
        current.compileStatements(ContextKind.SPAN, List.of("set(attributes[\"x\"], Concat(Split(name, attributes[\"d\"]), \"+\"))",
                "set(attributes[\"t2\"], TraceID(target = \"0102030405060708090a0b0c0d0e0f10\"))"), ErrorMode.PROPAGATE).execute(batch);
        assertThat(span.attributes().get("x")).isEqualTo("GET+/");
        assertThat(span.attributes().get("t2")).isEqualTo(span.attributes().get("tid"));
    }

    @Test
    void prefixedModeRequiresContextNames() throws Exception {
        assertThatThrownBy(() -> ottl.compileGroup(ContextKind.SPAN, List.of(), List.of("set(attributes[\"x\"], name)"), ErrorMode.PROPAGATE,
                PathMode.PREFIXED)).isInstanceOfSatisfying(OttlCompileException.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems().get(0).diagnostic().code()).isEqualTo("OTTL-E117");
                    assertThat(e.problems().get(0).diagnostic().suggestion()).isEqualTo("write span.attributes[\"x\"]");
                });
        ottl.compileGroup(ContextKind.SPAN, List.of(), List.of("set(span.attributes[\"x\"], resource.attributes[\"host.name\"])"),
                ErrorMode.PROPAGATE, PathMode.PREFIXED).execute(batch);
        assertThat(span.attributes().get("x")).isEqualTo("web-1");
    }

    @Test
    void cacheIsPerRecordAndOwnContextOnly() throws Exception {
        run(ContextKind.SPAN, "set(cache[\"n\"], name)", "set(attributes[\"copy\"], cache[\"n\"])");
        assertThat(span.attributes().get("copy")).isEqualTo("GET /");
        assertThatThrownBy(() -> ottl.compileStatements(ContextKind.SPAN, List.of("set(resource.cache[\"x\"], 1)"), ErrorMode.PROPAGATE))
                .isInstanceOf(OttlCompileException.class).hasMessageContaining("OTTL-E103");
    }

    @Test
    void compiledStatementsAreThreadSafe() throws Exception {
        CompiledStatements s = ottl.compileStatements(ContextKind.SPAN, List.of("set(attributes[\"n\"], attributes[\"http.status_code\"] + 1)"),
                ErrorMode.PROPAGATE);
        List<Thread> threads = new java.util.ArrayList<>();
        List<Span> spans = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2000; i++) {
                    TelemetryBatch<Span> b = batch.deepCopy();
                    s.execute(b);
                    spans.add(b.resources().get(0).scopes().get(0).items().get(0));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(spans).hasSize(8000).allSatisfy(sp -> assertThat(sp.attributes().get("n")).isEqualTo(201L));
    }
}

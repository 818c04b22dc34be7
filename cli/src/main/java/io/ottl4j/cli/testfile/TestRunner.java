package io.ottl4j.cli.testfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ottl4j.cli.process.OfflinePipeline;
import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.component.PipelineId;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.config.ConfigException;
import io.ottl4j.collector.config.Configs;
import io.ottl4j.grammar.OttlParser;
import io.ottl4j.grammar.ParseResult;
import io.ottl4j.language.CompiledConditions;
import io.ottl4j.language.CompiledExpression;
import io.ottl4j.language.CompiledStatements;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.LogicOperation;
import io.ottl4j.language.Ottl;
import io.ottl4j.language.OttlCompileException;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.Records;
import io.ottl4j.language.TransformContext;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the cases of test files through the same embedding API the collector uses. */
public final class TestRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Ottl base;
    private final Map<java.util.Set<String>, Ottl> withGates = new java.util.HashMap<>();
    private Ottl ottl;

    public TestRunner(Ottl ottl) {
        this.base = ottl;
        this.ottl = ottl;
    }

    /** The engine for a case: the runner's, plus the feature gates the case turns on. */
    private Ottl engineFor(TestCase c) {
        if (c.featureGates().isEmpty()) {
            return base;
        }
        java.util.Set<String> gates = new java.util.TreeSet<>(base.featureGates());
        gates.addAll(c.featureGates());
        return withGates.computeIfAbsent(gates, g -> Ottl.builder().featureGates(g).build());
    }

    public List<CaseResult> run(TestFile file) {
        List<CaseResult> out = new ArrayList<>();
        for (TestCase c : file.cases()) {
            out.add(run(file, c));
        }
        return out;
    }

    public CaseResult run(TestFile file, TestCase c) {
        if (c.skip() != null) {
            return CaseResult.skip(c.name(), c.skip());
        }
        ottl = engineFor(c);
        try {
            return c.parseOnly() ? parseOnly(c) : c.processorCase() ? processors(file, c) : execute(file, c);
        } catch (CaseFailure f) {
            return CaseResult.fail(c.name(), f.getMessage());
        } catch (RuntimeException e) {
            return CaseResult.fail(c.name(), "internal error: " + e);
        }
    }

    /** A case-level failure with its message. */
    private static final class CaseFailure extends Exception {
        private static final long serialVersionUID = 1L;

        CaseFailure(String message) {
            super(message);
        }
    }

    private CaseResult parseOnly(TestCase c) {
        List<String> problems = new ArrayList<>();
        if (c.statements() != null) {
            for (String s : c.statements()) {
                collect(problems, s, OttlParser.parseStatement(s));
            }
        }
        if (c.conditions() != null) {
            for (String s : c.conditions()) {
                collect(problems, s, OttlParser.parseCondition(s));
            }
        }
        if (c.expression() != null) {
            collect(problems, c.expression(), OttlParser.parseValueExpression(c.expression()));
        }
        boolean wantError = "parse".equals(c.expectError());
        if (problems.isEmpty()) {
            return wantError ? CaseResult.fail(c.name(), "expected a parse error, but it parsed") : CaseResult.pass(c.name());
        }
        return wantError ? CaseResult.pass(c.name()) : CaseResult.fail(c.name(), "parse error: " + String.join("; ", problems));
    }

    private static void collect(List<String> problems, String text, ParseResult<?> r) {
        if (!r.ok()) {
            r.diagnostics().forEach(d -> problems.add(d.code() + " " + d.span() + " " + d.message()));
        }
    }

    private CaseResult execute(TestFile file, TestCase c) throws CaseFailure {
        ContextKind context;
        ErrorMode mode;
        try {
            context = ContextKind.parse(c.context());
            mode = ErrorMode.parse(c.errorMode());
        } catch (IllegalArgumentException e) {
            throw new CaseFailure(e.getMessage());
        }
        TelemetryBatch<?> batch = input(file, c);
        String want = c.expectError();
        try {
            CompiledStatements statements = c.statements() == null ? null : ottl.compileStatements(context, c.statements(), mode);
            CompiledConditions conditions = c.conditions() == null ? null
                    : ottl.compileConditions(context, c.conditions(), LogicOperation.parse(c.logic()), mode);
            CompiledExpression expression = c.expression() == null ? null : ottl.compileExpression(context, c.expression());
            if ("parse".equals(want) || "compile".equals(want)) {
                return CaseResult.fail(c.name(), "expected a " + want + " error, but it compiled");
            }
            List<Boolean> matches = null;
            try {
                if (statements != null) {
                    statements.execute(batch);
                }
                if (conditions != null) {
                    matches = conditions.evaluate(batch);
                }
                if (expression != null) {
                    List<TransformContext> records = Records.list(context, batch);
                    for (TransformContext r : records) {
                        expression.evaluate(r);
                    }
                }
            } catch (OttlRuntimeException e) {
                if ("runtime".equals(want)) {
                    return CaseResult.pass(c.name());
                }
                return CaseResult.fail(c.name(), "runtime error: " + e.getMessage());
            }
            if ("runtime".equals(want)) {
                return CaseResult.fail(c.name(), "expected a runtime error, but it ran");
            }
            if (want != null) {
                return CaseResult.fail(c.name(), "unknown expect_error stage '" + want + "': use parse, compile or runtime");
            }
            checkMatches(c, matches);
            checkExpect(c, context, batch);
            checkOutput(c, batch);
            return CaseResult.pass(c.name());
        } catch (OttlCompileException e) {
            if ("compile".equals(want) || ("parse".equals(want) && e.stage() == OttlCompileException.Stage.PARSE)) {
                return CaseResult.pass(c.name());
            }
            String stage = e.stage() == OttlCompileException.Stage.PARSE ? "parse" : "compile";
            return CaseResult.fail(c.name(), (want == null ? "" : "expected a " + want + " error, got a ") + stage + " error: " + e.getMessage());
        }
    }

    /**
     * A processor-level case: the processors are configured as in a collector config, chained in {@code pipeline}
     * order on the input's signal, and run offline ({@code ottl process}); {@code expect_output} is compared, and
     * {@code expect_error: compile} expects the configuration to be rejected, {@code runtime} the run to fail.
     */
    private CaseResult processors(TestFile file, TestCase c) throws CaseFailure {
        TelemetryBatch<?> batch = input(file, c);
        String signal = PipelineId.signalName(batch.signal());
        ObjectNode root = JSON.createObjectNode();
        root.putObject("receivers").putObject("nop");
        root.putObject("exporters").putObject("nop");
        root.set("processors", c.processors());
        ObjectNode pipe = root.putObject("service").putObject("pipelines").putObject(signal);
        pipe.putArray("receivers").add("nop");
        ArrayNode procs = pipe.putArray("processors");
        c.pipeline().forEach(procs::add);
        pipe.putArray("exporters").add("nop");
        String want = c.expectError();
        CollectorConfig config;
        Set<String> gates = new HashSet<>(base.featureGates()); // ottl test --feature-gates, as for OTTL cases
        gates.addAll(c.featureGates());
        try {
            Path tmp = Files.createTempFile("ottl-case", ".yaml");
            try {
                Files.writeString(tmp, JSON.writeValueAsString(root)); // JSON is YAML
                config = Configs.load(List.of(tmp.toString()), List.of(), Map.of(),
                        Builtins.components(), gates);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (ConfigException e) {
            return "compile".equals(want) ? CaseResult.pass(c.name()) : CaseResult.fail(c.name(), "configuration rejected: " + e.getMessage().strip());
        } catch (IOException e) {
            throw new CaseFailure(e.getMessage());
        }
        if ("compile".equals(want)) {
            return CaseResult.fail(c.name(), "expected the configuration to be rejected, but it was accepted");
        }
        TelemetryBatch<?> out;
        try {
            out = OfflinePipeline.run(config, new PipelineId(batch.signal(), ""), batch, gates);
        } catch (Exception e) {
            return "runtime".equals(want) ? CaseResult.pass(c.name()) : CaseResult.fail(c.name(), "the pipeline failed: " + e.getMessage());
        }
        if ("runtime".equals(want)) {
            return CaseResult.fail(c.name(), "expected the pipeline to fail, but it ran");
        }
        checkOutput(c, out);
        return CaseResult.pass(c.name());
    }

    private TelemetryBatch<?> input(TestFile file, TestCase c) throws CaseFailure {
        JsonNode in = c.input();
        if (in == null) {
            throw new CaseFailure("no input");
        }
        if (in.isTextual()) {
            JsonNode fixture = file.fixtures().get(in.asText());
            if (fixture == null) {
                throw new CaseFailure("no fixture named '" + in.asText() + "' (fixtures: " + file.fixtures().keySet() + ")");
            }
            in = fixture;
        }
        try {
            return OtlpJson.read(JSON.writeValueAsBytes(in));
        } catch (Exception e) {
            throw new CaseFailure("input is not an OTLP/JSON document: " + e.getMessage());
        }
    }

    private static void checkMatches(TestCase c, List<Boolean> matches) throws CaseFailure {
        if (c.expectMatch() == null) {
            return;
        }
        if (matches == null) {
            throw new CaseFailure("expect_match needs condition or conditions");
        }
        List<Boolean> want = new ArrayList<>();
        c.expectMatch().forEach(n -> want.add(n.asBoolean()));
        if (!want.equals(matches)) {
            throw new CaseFailure("expected matches " + want + ", got " + matches);
        }
    }

    private void checkExpect(TestCase c, ContextKind context, TelemetryBatch<?> batch) throws CaseFailure {
        if (c.expect() == null) {
            return;
        }
        List<TransformContext> records = Records.list(context, batch);
        if (c.record() >= records.size()) {
            throw new CaseFailure("record " + c.record() + " does not exist: the input has " + records.size() + " " + context + " records");
        }
        TransformContext record = records.get(c.record());
        for (Iterator<Map.Entry<String, JsonNode>> it = c.expect().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Object actual;
            try {
                actual = ottl.compileExpression(context, e.getKey()).evaluate(record);
            } catch (OttlCompileException ex) {
                throw new CaseFailure("expect key '" + e.getKey() + "' does not compile: " + ex.getMessage());
            } catch (OttlRuntimeException ex) {
                throw new CaseFailure("expect key '" + e.getKey() + "' failed: " + ex.getMessage());
            }
            if (!ExpectedValues.matches(e.getValue(), actual)) {
                throw new CaseFailure(e.getKey() + ": expected " + ExpectedValues.describe(e.getValue()) + ", got "
                        + ExpectedValues.describe(actual));
            }
        }
    }

    private static void checkOutput(TestCase c, TelemetryBatch<?> batch) throws CaseFailure {
        if (c.expectOutput() == null) {
            return;
        }
        try {
            JsonNode want = normalize(JSON.readTree(OtlpJson.writeString(OtlpJson.read(JSON.writeValueAsBytes(c.expectOutput())), false)));
            JsonNode got = normalize(JSON.readTree(OtlpJson.writeString(batch, false)));
            if (!want.equals(got)) {
                throw new CaseFailure("output differs:\n  expected " + want + "\n  got      " + got);
            }
        } catch (java.io.IOException | io.ottl4j.otlp.OtlpDecodeException e) {
            throw new CaseFailure("expect_output is not an OTLP/JSON document: " + e.getMessage());
        }
    }

    /** Sorts every attribute list by key, since attribute order does not matter in expectations. */
    private static JsonNode normalize(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String f : names) {
                o.set(f, normalize(o.get(f)));
            }
            return o;
        } else if (n.isArray()) {
            ArrayNode a = (ArrayNode) n;
            List<JsonNode> items = new ArrayList<>();
            a.forEach(e -> items.add(normalize(e)));
            if (!items.isEmpty() && items.stream().allMatch(e -> e.isObject() && e.has("key") && e.size() <= 2)) {
                items.sort((x, y) -> x.get("key").asText().compareTo(y.get("key").asText()));
            }
            ArrayNode out = JSON.createArrayNode();
            items.forEach(out::add);
            return out;
        }
        return n;
    }
}

package io.ottl4j.language;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.frame.FrameDescriptor;
import io.ottl4j.grammar.OttlParser;
import io.ottl4j.grammar.ParseResult;
import io.ottl4j.grammar.ast.Condition;
import io.ottl4j.grammar.ast.Statement;
import io.ottl4j.grammar.ast.ValueExpression;
import io.ottl4j.language.catalog.FunctionCatalog;
import io.ottl4j.language.internal.binder.Binder;
import io.ottl4j.language.internal.nodes.ConditionsNode;
import io.ottl4j.language.internal.nodes.ConditionsRoot;
import io.ottl4j.language.internal.nodes.ExpressionRoot;
import io.ottl4j.language.internal.nodes.StatementNode;
import io.ottl4j.language.internal.nodes.StatementsRoot;
import io.ottl4j.language.nodes.BoolNode;
import io.ottl4j.language.nodes.ExprNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The embedding API: compile OTTL once for a context, then run it on any number of records from any
 * number of threads. Compiled objects are immutable and thread-safe; each call gets its own frame.
 *
 * <pre>{@code
 * Ottl ottl = Ottl.create();
 * CompiledStatements s = ottl.compileStatements(ContextKind.SPAN,
 *         List.of("set(attributes[\"env\"], \"prod\") where name == \"GET /\""), ErrorMode.PROPAGATE);
 * s.execute(traces);
 * }</pre>
 */
public final class Ottl {
    /** The feature gate of the lambda converters (All, Any, Filter, ...), as upstream. */
    public static final String LAMBDA_GATE = "ottl.functions.enableLambda";

    /**
     * Post-baseline upstream signatures (a project gate): the parameters upstream relaxed after the spec's
     * baseline from literals to expressions (Split's delimiter, IsMatch's pattern, TraceID of a hex string,
     * Concat of any list expression, ...; see {@link io.ottl4j.language.function.Baseline}). Off: the baseline's
     * literal forms, and a non-literal argument there is a compile error naming this gate.
     */
    public static final String CURRENT_SIGNATURES_GATE = "ottl.functions.currentSignatures";

    /** Upstream's gate for {@code set(target, nil)} reaching the target (off: a nil value makes set do nothing, as the baseline). */
    public static final String SET_ALLOW_NIL_GATE = "ottl.set.allowNil";

    /**
     * Upstream's current typed setters (a project gate: upstream changed them without one): writing a value of the
     * wrong type to a typed field ({@code set(name, 1)}) is an error ({@code expects string but got int64}), and
     * nil reaching a scalar or struct field is {@code setting a value to nil is not supported}. Off: the baseline,
     * where such writes are silently ignored.
     */
    public static final String STRICT_SETTERS_GATE = "ottl.contexts.strictSetters";

    /**
     * Upstream's gate of the {@code otelcol} context ({@code otelcol.client.addr}, {@code otelcol.client.metadata[...]}, ...;
     * see {@link RequestInfo}). Upstream turned it on by default (beta); here it stays opt-in, as the baseline has no
     * such paths. Off: an {@code otelcol} path is a compile error naming the gate.
     */
    public static final String OTELCOL_CONTEXT_GATE = "ottl.contexts.enableOTelColContext";

    private final FunctionCatalog catalog;
    private final Set<String> featureGates;

    private Ottl(FunctionCatalog catalog, Set<String> featureGates) {
        this.catalog = catalog;
        this.featureGates = Set.copyOf(featureGates);
    }

    public static Ottl create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public FunctionCatalog catalog() {
        return catalog;
    }

    public Set<String> featureGates() {
        return featureGates;
    }

    /** Statements run in order on each record, with {@code errorMode} deciding what a runtime error does. */
    public CompiledStatements compileStatements(ContextKind context, List<String> statements, ErrorMode errorMode)
            throws OttlCompileException {
        return compileGroup(context, List.of(), statements, errorMode);
    }

    /**
     * A transform-processor group: the statements run on a record only when one of {@code conditions}
     * holds (none means always).
     */
    public CompiledStatements compileGroup(ContextKind context, List<String> conditions, List<String> statements, ErrorMode errorMode)
            throws OttlCompileException {
        return compileGroup(context, conditions, statements, errorMode, PathMode.LEGACY);
    }

    /** As {@link #compileGroup(ContextKind, List, List, ErrorMode)}, with paths bound per {@code pathMode}. */
    public CompiledStatements compileGroup(ContextKind context, List<String> conditions, List<String> statements, ErrorMode errorMode,
            PathMode pathMode) throws OttlCompileException {
        Binder binder = new Binder(context, catalog, featureGates, pathMode);
        List<OttlCompileException.Problem> problems = new ArrayList<>();
        ConditionsNode guard = conditions.isEmpty() ? null : conditionsNode(binder, conditions, LogicOperation.OR, errorMode, problems, 0);
        StatementNode[] nodes = new StatementNode[statements.size()];
        int offset = conditions.size();
        for (int i = 0; i < nodes.length; i++) {
            String text = statements.get(i);
            ParseResult<Statement> parsed = OttlParser.parseStatement(text);
            if (!parsed.ok()) {
                addAll(problems, offset + i, text, parsed.diagnostics());
                continue;
            }
            int mark = binder.mark();
            nodes[i] = binder.statement(parsed.tree(), text);
            addAll(problems, offset + i, text, binder.diagnostics().subList(mark, binder.diagnostics().size()));
        }
        if (!problems.isEmpty()) {
            throw new OttlCompileException(problems);
        }
        FrameDescriptor frame = binder.frameDescriptor();
        CallTarget target = new StatementsRoot(frame, guard, nodes, errorMode).getCallTarget();
        return new CompiledStatements(context, List.copyOf(conditions), List.copyOf(statements), target);
    }

    /** Conditions combined with {@code logic}; an erroring condition is handled per {@code errorMode}. */
    public CompiledConditions compileConditions(ContextKind context, List<String> conditions, LogicOperation logic, ErrorMode errorMode)
            throws OttlCompileException {
        return compileConditions(context, conditions, logic, errorMode, PathMode.LEGACY);
    }

    /** As {@link #compileConditions(ContextKind, List, LogicOperation, ErrorMode)}, with paths bound per {@code pathMode}. */
    public CompiledConditions compileConditions(ContextKind context, List<String> conditions, LogicOperation logic, ErrorMode errorMode,
            PathMode pathMode) throws OttlCompileException {
        Binder binder = new Binder(context, catalog, featureGates, pathMode);
        List<OttlCompileException.Problem> problems = new ArrayList<>();
        ConditionsNode node = conditionsNode(binder, conditions, logic, errorMode, problems, 0);
        if (!problems.isEmpty()) {
            throw new OttlCompileException(problems);
        }
        CallTarget target = new ConditionsRoot(binder.frameDescriptor(), node).getCallTarget();
        return new CompiledConditions(context, List.copyOf(conditions), target);
    }

    /** A value expression, e.g. {@code attributes["http.route"]} or {@code Len(body)}. */
    public CompiledExpression compileExpression(ContextKind context, String expression) throws OttlCompileException {
        Binder binder = new Binder(context, catalog, featureGates, PathMode.LEGACY);
        ParseResult<ValueExpression> parsed = OttlParser.parseValueExpression(expression);
        List<OttlCompileException.Problem> problems = new ArrayList<>();
        if (!parsed.ok()) {
            addAll(problems, 0, expression, parsed.diagnostics());
            throw new OttlCompileException(problems);
        }
        ExprNode node = binder.value(parsed.tree().value());
        addAll(problems, 0, expression, binder.diagnostics());
        if (!problems.isEmpty()) {
            throw new OttlCompileException(problems);
        }
        CallTarget target = new ExpressionRoot(binder.frameDescriptor(), node).getCallTarget();
        return new CompiledExpression(context, expression, target);
    }

    private static ConditionsNode conditionsNode(Binder binder, List<String> conditions, LogicOperation logic, ErrorMode errorMode,
            List<OttlCompileException.Problem> problems, int offset) {
        BoolNode[] nodes = new BoolNode[conditions.size()];
        for (int i = 0; i < nodes.length; i++) {
            String text = conditions.get(i);
            ParseResult<Condition> parsed = OttlParser.parseCondition(text);
            if (!parsed.ok()) {
                addAll(problems, offset + i, text, parsed.diagnostics());
                continue;
            }
            int mark = binder.mark();
            nodes[i] = binder.standaloneCondition(parsed.tree().expr());
            addAll(problems, offset + i, text, binder.diagnostics().subList(mark, binder.diagnostics().size()));
        }
        return new ConditionsNode(nodes, conditions.toArray(String[]::new), logic, errorMode);
    }

    private static void addAll(List<OttlCompileException.Problem> problems, int index, String text,
            List<io.ottl4j.grammar.Diagnostic> diagnostics) {
        for (io.ottl4j.grammar.Diagnostic d : diagnostics) {
            problems.add(new OttlCompileException.Problem(index, text, d));
        }
    }

    /** Options: feature gates and extra functions. */
    public static final class Builder {
        private FunctionCatalog catalog = FunctionCatalog.standard();
        private final Set<String> gates = new LinkedHashSet<>();

        public Builder enableFeatureGate(String gate) {
            gates.add(gate);
            return this;
        }

        public Builder featureGates(Iterable<String> enabled) {
            enabled.forEach(gates::add);
            return this;
        }

        /** Adds function holder classes (nested {@code @OttlFunction} classes) to the standard library. */
        public Builder functions(List<Class<?>> holders) {
            catalog = catalog.with(holders);
            return this;
        }

        public Ottl build() {
            return new Ottl(catalog, gates);
        }
    }
}

package io.ottl4j.language.internal.binder;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import io.ottl4j.grammar.Diagnostic;
import io.ottl4j.grammar.ast.AndExpr;
import io.ottl4j.grammar.ast.BoolExpr;
import io.ottl4j.grammar.ast.BoolLiteral;
import io.ottl4j.grammar.ast.BytesLiteral;
import io.ottl4j.grammar.ast.Call;
import io.ottl4j.grammar.ast.CompareOp;
import io.ottl4j.grammar.ast.Comparison;
import io.ottl4j.grammar.ast.ConverterCondition;
import io.ottl4j.grammar.ast.EnumSymbol;
import io.ottl4j.grammar.ast.ExprKey;
import io.ottl4j.grammar.ast.FloatLiteral;
import io.ottl4j.grammar.ast.FunctionRef;
import io.ottl4j.grammar.ast.IntKey;
import io.ottl4j.grammar.ast.IntLiteral;
import io.ottl4j.grammar.ast.Key;
import io.ottl4j.grammar.ast.Lambda;
import io.ottl4j.grammar.ast.ListLiteral;
import io.ottl4j.grammar.ast.MapEntry;
import io.ottl4j.grammar.ast.MapLiteral;
import io.ottl4j.grammar.ast.MathExpr;
import io.ottl4j.grammar.ast.NilLiteral;
import io.ottl4j.grammar.ast.Node;
import io.ottl4j.grammar.ast.NotExpr;
import io.ottl4j.grammar.ast.OrExpr;
import io.ottl4j.grammar.ast.PathExpr;
import io.ottl4j.grammar.ast.SourceSpan;
import io.ottl4j.grammar.ast.Statement;
import io.ottl4j.grammar.ast.StringKey;
import io.ottl4j.grammar.ast.StringLiteral;
import io.ottl4j.grammar.ast.Value;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.catalog.FunctionCatalog;
import io.ottl4j.language.catalog.FunctionDef;
import io.ottl4j.language.function.EditorNode;
import io.ottl4j.language.internal.nodes.CompareNodeGen;
import io.ottl4j.language.internal.nodes.IndexNode;
import io.ottl4j.language.internal.nodes.ListLiteralNode;
import io.ottl4j.language.internal.nodes.LiteralNode;
import io.ottl4j.language.internal.nodes.LocalReadNode;
import io.ottl4j.language.internal.nodes.LogicNodes;
import io.ottl4j.language.internal.nodes.MapLiteralNode;
import io.ottl4j.language.internal.nodes.MathNodeGen;
import io.ottl4j.language.internal.nodes.NilCheckNode;
import io.ottl4j.language.internal.nodes.StatementNode;
import io.ottl4j.language.internal.contexts.ContextPaths;
import io.ottl4j.language.nodes.BoolNode;
import io.ottl4j.language.nodes.ExprNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a syntax tree into Truffle nodes for one context, checking everything that can be checked
 * before running: paths, functions, arity, argument forms, enums. It keeps going after an error so
 * that one compile reports every problem; the nodes of a tree with errors are never run.
 */
public final class Binder {
    private final ContextPaths paths;
    private final FunctionCatalog catalog;
    private final Set<String> featureGates;
    private final FrameDescriptor.Builder frame = FrameDescriptor.newBuilder();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Deque<Map<String, Integer>> lambdaScopes = new ArrayDeque<>();
    private final PathBinder pathBinder;
    private final CallBinder callBinder;
    /** True while binding conditions, where condition-only functions (filter's HasAttrOnDatapoint) exist. */
    private boolean inConditions;

    private final io.ottl4j.language.PathMode pathMode;

    public Binder(ContextKind context, FunctionCatalog catalog, Set<String> featureGates, io.ottl4j.language.PathMode pathMode) {
        this.pathMode = pathMode;
        this.paths = ContextPaths.of(context);
        this.catalog = catalog;
        this.featureGates = featureGates;
        this.pathBinder = new PathBinder(paths, this);
        this.callBinder = new CallBinder(this);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Diagnostics added since {@code mark}; used to attribute errors to one statement of a list. */
    public int mark() {
        return diagnostics.size();
    }

    public FrameDescriptor frameDescriptor() {
        return frame.build();
    }

    ContextKind context() {
        return paths.kind();
    }

    FunctionCatalog catalog() {
        return catalog;
    }

    Set<String> featureGates() {
        return featureGates;
    }

    void error(BinderCode code, SourceSpan span, String message, String suggestion) {
        diagnostics.add(code.diagnostic(span, message, suggestion));
    }

    int newSlot(String name) {
        return frame.addSlot(FrameSlotKind.Object, name, null);
    }

    // ------------------------------------------------------------------ statements and conditions

    /** Binds a standalone condition (filter processor, group conditions), where condition-only functions exist. */
    public BoolNode standaloneCondition(BoolExpr e) {
        inConditions = true;
        try {
            return condition(e);
        } finally {
            inConditions = false;
        }
    }

    boolean requiresPrefixes() {
        return pathMode == io.ottl4j.language.PathMode.PREFIXED;
    }

    boolean inConditions() {
        return inConditions;
    }

    public StatementNode statement(Statement s, String text) {
        Call invocation = s.invocation();
        EditorNode editor = callBinder.editor(invocation);
        BoolNode where = s.where() == null ? null : condition(s.where());
        return new StatementNode(editor, where, text);
    }

    public BoolNode condition(BoolExpr e) {
        BoolNode n = switch (e) {
            case OrExpr or -> new LogicNodes.Or(conditions(or.terms()));
            case AndExpr and -> new LogicNodes.And(conditions(and.terms()));
            case NotExpr not -> new LogicNodes.Not(condition(not.operand()));
            case BoolLiteral b -> new LogicNodes.Constant(b.value());
            case ConverterCondition cc -> new LogicNodes.FromConverter(converter(cc.call()));
            case Comparison c -> comparison(c);
        };
        return n.at(e.span());
    }

    private BoolNode[] conditions(List<BoolExpr> terms) {
        BoolNode[] out = new BoolNode[terms.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = condition(terms.get(i));
        }
        return out;
    }

    private BoolNode comparison(Comparison c) {
        boolean leftNil = c.left() instanceof NilLiteral;
        boolean rightNil = c.right() instanceof NilLiteral;
        if ((leftNil || rightNil) && (c.op() == CompareOp.EQ || c.op() == CompareOp.NE)) {
            Value other = leftNil ? c.right() : c.left();
            return new NilCheckNode(value(other), c.op() == CompareOp.EQ);
        }
        return CompareNodeGen.create(value(c.left()), value(c.right()), c.op());
    }

    // ------------------------------------------------------------------ values

    public ExprNode value(Value v) {
        ExprNode n = switch (v) {
            case NilLiteral nil -> new LiteralNode(null);
            case StringLiteral s -> new LiteralNode(s.value());
            case IntLiteral i -> new LiteralNode(i.value());
            case FloatLiteral f -> new LiteralNode(f.value());
            case BoolLiteral b -> new LiteralNode(b.value());
            case BytesLiteral b -> new LiteralNode(b.value());
            case EnumSymbol e -> new LiteralNode(enumValue(e));
            case PathExpr p -> path(p);
            case Call c -> converter(c);
            case MathExpr m -> MathNodeGen.create(value(m.left()), value(m.right()), m.op());
            case ListLiteral l -> new ListLiteralNode(values(l.elements()));
            case MapLiteral m -> mapLiteral(m);
            case FunctionRef f -> {
                error(BinderCode.MISPLACED_FUNCTION_REF, f.span(), "'" + f.name() + "' without parentheses names a function, "
                        + "which only a function-typed parameter accepts", "call it: " + f.name() + "(...)");
                yield new LiteralNode(null);
            }
            case Lambda l -> {
                error(BinderCode.MISPLACED_LAMBDA, l.span(), "a lambda is only accepted as the argument of a lambda converter"
                        + " (All, Any, Filter, Find, MapEach, MapKeys, Reduce, When)", null);
                yield new LiteralNode(null);
            }
        };
        return n.at(v.span());
    }

    ExprNode[] values(List<Value> list) {
        ExprNode[] out = new ExprNode[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(list.get(i));
        }
        return out;
    }

    private ExprNode mapLiteral(MapLiteral m) {
        String[] keys = new String[m.entries().size()];
        ExprNode[] vals = new ExprNode[keys.length];
        for (int i = 0; i < keys.length; i++) {
            MapEntry e = m.entries().get(i);
            keys[i] = e.key();
            vals[i] = value(e.value());
        }
        return new MapLiteralNode(keys, vals);
    }

    ExprNode converter(Call c) {
        ExprNode call = callBinder.converter(c);
        if (c.keys().isEmpty()) {
            return call;
        }
        return new IndexNode(call.at(c.span()), keys(c.keys()));
    }

    ExprNode[] keys(List<Key> keys) {
        ExprNode[] out = new ExprNode[keys.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = key(keys.get(i));
        }
        return out;
    }

    private ExprNode key(Key k) {
        ExprNode n = switch (k) {
            case StringKey s -> new LiteralNode(s.value());
            case IntKey i -> new LiteralNode(i.value());
            case ExprKey e -> value(e.expr());
        };
        return n.at(k.span());
    }

    Long enumValue(EnumSymbol e) {
        Long v = paths.enums().get(e.name());
        if (v != null) {
            return v;
        }
        if (paths.enums().isEmpty()) {
            error(BinderCode.UNKNOWN_ENUM, e.span(), "enums aren't supported in the " + paths.kind() + " context, so "
                    + e.name() + " means nothing here", null);
        } else {
            error(BinderCode.UNKNOWN_ENUM, e.span(), "unknown enum symbol " + e.name() + " in the " + paths.kind() + " context",
                    hint(Suggestions.closest(e.name(), paths.enums().keySet())));
        }
        return 0L;
    }

    static String hint(String candidate) {
        return candidate == null ? null : "did you mean " + candidate + "?";
    }

    // ------------------------------------------------------------------ paths and lambda parameters

    ExprNode path(PathExpr p) {
        var fields = p.path().fields();
        if (fields.size() == 1 && !lambdaScopes.isEmpty()) {
            Integer slot = lookupLambdaParam(fields.get(0).name());
            if (slot != null) {
                ExprNode read = new LocalReadNode(slot).at(p.span());
                return fields.get(0).keys().isEmpty() ? read : new IndexNode(read, keys(fields.get(0).keys()));
            }
        }
        return pathBinder.path(p.path());
    }

    io.ottl4j.language.nodes.PathNode writablePath(PathExpr p) {
        return pathBinder.path(p.path());
    }

    private Integer lookupLambdaParam(String name) {
        for (Map<String, Integer> scope : lambdaScopes) {
            Integer slot = scope.get(name);
            if (slot != null) {
                return slot;
            }
        }
        return null;
    }

    /** Binds a lambda body with its parameters in scope; returns the slots in parameter order. */
    int[] lambda(Lambda l, java.util.function.Consumer<Node> bodyBinder) {
        Map<String, Integer> scope = new HashMap<>();
        int[] slots = new int[l.params().size()];
        for (int i = 0; i < slots.length; i++) {
            String name = l.params().get(i);
            slots[i] = newSlot("lambda:" + name);
            if (!name.equals("_")) {
                scope.put(name, slots[i]);
            }
        }
        lambdaScopes.push(scope);
        try {
            bodyBinder.accept(l.body());
        } finally {
            lambdaScopes.pop();
        }
        return slots;
    }

    /** The function as it binds under this compile's feature gates (baseline or current parameter forms). */
    FunctionDef lookupFunction(String name) {
        FunctionDef def = catalog.find(name);
        return def == null ? null : def.under(featureGates);
    }
}

package io.ottl4j.language.inspect;

import io.ottl4j.grammar.Diagnostic;
import io.ottl4j.grammar.OttlParser;
import io.ottl4j.grammar.ParseResult;
import io.ottl4j.grammar.ast.AndExpr;
import io.ottl4j.grammar.ast.Argument;
import io.ottl4j.grammar.ast.BoolExpr;
import io.ottl4j.grammar.ast.BoolLiteral;
import io.ottl4j.grammar.ast.BytesLiteral;
import io.ottl4j.grammar.ast.Call;
import io.ottl4j.grammar.ast.Comparison;
import io.ottl4j.grammar.ast.Condition;
import io.ottl4j.grammar.ast.ConverterCondition;
import io.ottl4j.grammar.ast.EnumSymbol;
import io.ottl4j.grammar.ast.ExprKey;
import io.ottl4j.grammar.ast.Field;
import io.ottl4j.grammar.ast.FloatLiteral;
import io.ottl4j.grammar.ast.FunctionRef;
import io.ottl4j.grammar.ast.IntLiteral;
import io.ottl4j.grammar.ast.Key;
import io.ottl4j.grammar.ast.Lambda;
import io.ottl4j.grammar.ast.ListLiteral;
import io.ottl4j.grammar.ast.MapEntry;
import io.ottl4j.grammar.ast.MapLiteral;
import io.ottl4j.grammar.ast.MathExpr;
import io.ottl4j.grammar.ast.NilLiteral;
import io.ottl4j.grammar.ast.NotExpr;
import io.ottl4j.grammar.ast.OrExpr;
import io.ottl4j.grammar.ast.PathExpr;
import io.ottl4j.grammar.ast.SourceSpan;
import io.ottl4j.grammar.ast.Statement;
import io.ottl4j.grammar.ast.StringLiteral;
import io.ottl4j.grammar.ast.Value;
import io.ottl4j.grammar.ast.ValueExpression;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.Ottl;
import io.ottl4j.language.OttlCompileException;
import io.ottl4j.language.LogicOperation;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.catalog.FunctionCatalog;
import io.ottl4j.language.catalog.FunctionDef;
import io.ottl4j.language.catalog.ParamDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Explains OTTL text in a context: which level every path resolves to and its type, which function each
 * call names with its signature, which parameter every argument fills and in what form the function
 * receives it. Reads the syntax tree and the catalogs; it never runs anything. Problems are those of the
 * engine's own compile, so the explanation and the compiler never disagree.
 */
public final class Explainer {
    private final Ottl ottl;
    private final ContextKind context;
    private final PathCatalog paths;
    private final FunctionCatalog functions;
    private final List<Explanation.Line> lines = new ArrayList<>();
    private final Set<String> lambdaParams = new HashSet<>();
    private String text;

    private Explainer(Ottl ottl, ContextKind context) {
        this.ottl = ottl;
        this.context = context;
        this.paths = PathCatalog.of(context);
        this.functions = ottl.catalog();
    }

    /** Explains a statement, or else a condition, or else a value expression (the first that parses). */
    public static Explanation explain(Ottl ottl, ContextKind context, String text) {
        return new Explainer(ottl, context).run(text);
    }

    private Explanation run(String source) {
        this.text = source;
        ParseResult<Statement> st = OttlParser.parseStatement(source);
        if (st.ok()) {
            statement(st.tree());
            return done("statement", () -> ottl.compileStatements(context, List.of(source), ErrorMode.PROPAGATE));
        }
        ParseResult<Condition> cond = OttlParser.parseCondition(source);
        if (cond.ok()) {
            bool(0, "condition", cond.tree().expr());
            return done("condition", () -> ottl.compileConditions(context, List.of(source), LogicOperation.OR, ErrorMode.PROPAGATE));
        }
        ParseResult<ValueExpression> val = OttlParser.parseValueExpression(source);
        if (val.ok()) {
            value(0, "expression", val.tree().value(), null);
            return done("expression", () -> ottl.compileExpression(context, source));
        }
        ParseResult<?> best = furthest(st, cond, val);
        return new Explanation(best == st ? "statement" : best == cond ? "condition" : "expression", List.of(), best.errors());
    }

    /** The parse that got furthest before its first error is the likeliest reading of broken text. */
    public static ParseResult<?> furthest(ParseResult<?>... results) {
        ParseResult<?> best = results[0];
        for (ParseResult<?> r : results) {
            if (firstError(r) > firstError(best)) {
                best = r;
            }
        }
        return best;
    }

    private static int firstError(ParseResult<?> r) {
        List<Diagnostic> errors = r.errors();
        return errors.isEmpty() ? Integer.MAX_VALUE : errors.get(0).span().start();
    }

    private interface Compile {
        Object run() throws OttlCompileException;
    }

    private Explanation done(String kind, Compile compile) {
        List<Diagnostic> problems = new ArrayList<>();
        try {
            compile.run();
        } catch (OttlCompileException e) {
            e.problems().forEach(p -> problems.add(p.diagnostic()));
        }
        return new Explanation(kind, List.copyOf(lines), problems);
    }

    private String src(SourceSpan span) {
        return text.substring(span.start(), span.end());
    }

    private void line(int depth, String role, SourceSpan span, String meaning) {
        lines.add(new Explanation.Line(depth, role, src(span), meaning));
    }

    // ------------------------------------------------------------------ statements and conditions

    private void statement(Statement s) {
        call(0, "editor", s.invocation(), null);
        if (s.where() != null) {
            bool(0, "where", s.where());
        } else {
            lines.add(new Explanation.Line(0, "where", "", "none: runs on every " + context + " record"));
        }
    }

    private void bool(int depth, String role, BoolExpr e) {
        switch (e) {
            case OrExpr or -> {
                line(depth, role, or.span(), "true when any term is true (left to right, stops at the first true)");
                or.terms().forEach(t -> bool(depth + 1, "or", t));
            }
            case AndExpr and -> {
                line(depth, role, and.span(), "true when every term is true (left to right, stops at the first false)");
                and.terms().forEach(t -> bool(depth + 1, "and", t));
            }
            case NotExpr not -> {
                line(depth, role, not.span(), "negation");
                bool(depth + 1, "not", not.operand());
            }
            case BoolLiteral b -> line(depth, role, b.span(), "the constant " + b.value());
            case ConverterCondition cc -> call(depth, role, cc.call(), "must return a bool");
            case Comparison c -> {
                line(depth, role, c.span(), "comparison " + c.op().symbol() + " (values of different types are unequal; nil equals only nil)");
                value(depth + 1, "left", c.left(), null);
                value(depth + 1, "right", c.right(), null);
            }
        }
    }

    // ------------------------------------------------------------------ values

    private void value(int depth, String role, Value v, String form) {
        String as = form == null ? "" : " → passed as " + form;
        switch (v) {
            case NilLiteral n -> line(depth, role, n.span(), "nil" + as);
            case StringLiteral s -> line(depth, role, s.span(), "string literal" + as);
            case IntLiteral i -> line(depth, role, i.span(), "int literal" + as);
            case FloatLiteral f -> line(depth, role, f.span(), "double literal" + as);
            case BoolLiteral b -> line(depth, role, b.span(), "bool literal" + as);
            case BytesLiteral b -> line(depth, role, b.span(), "bytes literal" + as);
            case EnumSymbol e -> {
                Long n = paths.enums().get(e.name());
                FunctionDef f = functions.find(e.name());
                String meaning = n != null ? "enum = " + n + " (int)"
                        : f != null ? "function reference to " + f.signature()
                        : "unknown enum in the " + context + " context";
                line(depth, role, e.span(), meaning + as);
            }
            case FunctionRef f -> {
                FunctionDef def = functions.find(f.name());
                line(depth, role, f.span(), (def == null ? "unknown function " + f.name() : "function reference to " + def.signature()) + as);
            }
            case PathExpr p -> path(depth, role, p, as);
            case Call c -> call(depth, role, c, form);
            case MathExpr m -> {
                line(depth, role, m.span(), "arithmetic " + m.op().symbol() + " (int op int is an int; a double makes it a double)" + as);
                value(depth + 1, "left", m.left(), null);
                value(depth + 1, "right", m.right(), null);
            }
            case ListLiteral l -> {
                line(depth, role, l.span(), "list of " + l.elements().size() + as);
                for (int i = 0; i < l.elements().size(); i++) {
                    value(depth + 1, "[" + i + "]", l.elements().get(i), null);
                }
            }
            case MapLiteral m -> {
                line(depth, role, m.span(), "map of " + m.entries().size() + as);
                for (MapEntry e : m.entries()) {
                    value(depth + 1, "\"" + e.key() + "\"", e.value(), null);
                }
            }
            case Lambda l -> {
                line(depth, role, l.span(), "lambda with parameters " + l.params() + as);
                lambdaParams.addAll(l.params());
                if (l.body() instanceof Value body) {
                    value(depth + 1, "body", body, null);
                } else if (l.body() instanceof BoolExpr body) {
                    bool(depth + 1, "body", body);
                }
            }
        }
    }

    private void path(int depth, String role, PathExpr p, String as) {
        List<Field> fields = p.path().fields();
        if (fields.size() == 1 && lambdaParams.contains(fields.get(0).name())) {
            line(depth, role, p.span(), "lambda parameter" + as);
            return;
        }
        List<String> names = new ArrayList<>();
        for (Field f : fields) {
            names.add(f.name());
        }
        // keys only follow the last named segment that the table knows; resolve the longest known prefix
        PathInfo info = null;
        int used = names.size();
        while (used > 0 && (info = paths.resolve(names.subList(0, used))) == null) {
            used--;
        }
        if (info == null) {
            line(depth, role, p.span(), "unknown path in the " + context + " context" + as);
            return;
        }
        String prefix = p.path().contextCandidate();
        String where = prefix != null && paths.levelOfPrefix(prefix) != null && used >= 2
                ? "the " + info.level() + " level, reached from the " + context + " context"
                : "the " + context + " context";
        StringBuilder meaning = new StringBuilder("path ").append(info.path()).append(" (").append(info.type()).append(") of ")
                .append(where).append(": ").append(info.doc());
        List<Key> keys = fields.get(Math.max(0, used - 1)).keys();
        if (!keys.isEmpty()) {
            meaning.append("; indexed by ").append(keys.size()).append(keys.size() == 1 ? " key" : " keys");
        }
        line(depth, role, p.span(), meaning + as);
        for (Key k : keys) {
            if (k instanceof ExprKey ek) {
                value(depth + 1, "key", ek.expr(), null);
            }
        }
    }

    private void call(int depth, String role, Call c, String note) {
        FunctionDef found = functions.find(c.name());
        if (found == null) {
            line(depth, role, c.span(), "unknown function " + c.name());
            return;
        }
        FunctionDef def = found.under(ottl.featureGates());
        String what = (def.isEditor() ? "editor " : "converter ") + def.signature();
        if (note != null) {
            what += (def.isEditor() ? "" : " → " + note);
        }
        if (!def.featureGate().isEmpty()) {
            what += " [feature gate " + def.featureGate() + "]";
        }
        line(depth, role, c.span(), what + (def.doc().isEmpty() ? "" : ": " + def.doc()));
        List<ParamDef> params = def.params();
        int positional = 0;
        for (Argument a : c.args()) {
            ParamDef p = null;
            if (a.name() == null) {
                p = positional < params.size() ? params.get(positional) : null;
                positional++;
            } else {
                for (ParamDef candidate : params) {
                    if (normal(candidate.name()).equals(normal(a.name()))) {
                        p = candidate;
                    }
                }
            }
            if (p == null) {
                value(depth + 1, a.name() == null ? "extra argument" : a.name() + " (no such parameter)", a.value(), null);
            } else {
                value(depth + 1, p.name(), a.value(), p.kind().description());
            }
        }
        for (int i = 0; i < c.keys().size(); i++) {
            if (c.keys().get(i) instanceof ExprKey ek) {
                value(depth + 1, "key", ek.expr(), null);
            }
        }
    }

    private static String normal(String name) {
        return name.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }
}

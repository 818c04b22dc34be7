package io.ottl4j.language.internal.binder;

import io.ottl4j.grammar.ast.Argument;
import io.ottl4j.grammar.ast.BoolExpr;
import io.ottl4j.grammar.ast.BoolLiteral;
import io.ottl4j.grammar.ast.BytesLiteral;
import io.ottl4j.grammar.ast.Call;
import io.ottl4j.grammar.ast.EnumSymbol;
import io.ottl4j.grammar.ast.FloatLiteral;
import io.ottl4j.grammar.ast.FunctionRef;
import io.ottl4j.grammar.ast.IntLiteral;
import io.ottl4j.grammar.ast.Lambda;
import io.ottl4j.grammar.ast.ListLiteral;
import io.ottl4j.grammar.ast.MapLiteral;
import io.ottl4j.grammar.ast.NilLiteral;
import io.ottl4j.grammar.ast.PathExpr;
import io.ottl4j.grammar.ast.SourceSpan;
import io.ottl4j.grammar.ast.StringLiteral;
import io.ottl4j.grammar.ast.Value;
import io.ottl4j.language.Ottl;
import io.ottl4j.language.catalog.FunctionDef;
import io.ottl4j.language.catalog.ParamDef;
import io.ottl4j.language.catalog.ParamKind;
import io.ottl4j.language.function.BoolGetter;
import io.ottl4j.language.function.BoolLikeGetter;
import io.ottl4j.language.function.ByteSliceLikeGetter;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.DurationGetter;
import io.ottl4j.language.function.EditorNode;
import io.ottl4j.language.function.FloatGetter;
import io.ottl4j.language.function.FloatLikeGetter;
import io.ottl4j.language.function.FunctionGetter;
import io.ottl4j.language.function.GetSetter;
import io.ottl4j.language.function.Getter;
import io.ottl4j.language.function.IntGetter;
import io.ottl4j.language.function.IntLikeGetter;
import io.ottl4j.language.function.LambdaGetter;
import io.ottl4j.language.function.MapGetter;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.StringLikeGetter;
import io.ottl4j.language.function.StringLikeSliceGetter;
import io.ottl4j.language.function.StringSliceGetter;
import io.ottl4j.language.function.TimeGetter;
import io.ottl4j.language.internal.nodes.LiteralNode;
import io.ottl4j.language.internal.nodes.LocalReadNode;
import io.ottl4j.language.internal.nodes.LogicNodes;
import io.ottl4j.language.nodes.ExprNode;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Binds a function call: looks the function up, matches positional and named arguments to its
 * parameters, converts each argument into the form the parameter's type asks for, and runs the
 * function's constructor, whose validation failures become compile errors at the argument.
 */
final class CallBinder {
    private final Binder binder;

    CallBinder(Binder binder) {
        this.binder = binder;
    }

    /** A placeholder for calls that failed to bind; never run, since the compile reports errors. */
    private static final class Unbound extends EditorNode {
        @Override
        public void execute(com.oracle.truffle.api.frame.VirtualFrame frame) {
            throw new IllegalStateException("unbound OTTL call executed");
        }
    }

    EditorNode editor(Call c) {
        FunctionDef def = lookup(c, true);
        if (def == null) {
            return new Unbound();
        }
        Object node = instantiate(def, c);
        return node instanceof EditorNode e ? e.at(c.span()) : new Unbound();
    }

    ExprNode converter(Call c) {
        FunctionDef def = lookup(c, false);
        if (def == null) {
            return new LiteralNode(null);
        }
        Object node = instantiate(def, c);
        return node instanceof ConverterNode n ? n.at(c.span()) : new LiteralNode(null);
    }

    private FunctionDef lookup(Call c, boolean wantEditor) {
        FunctionDef def = binder.lookupFunction(c.name());
        if (def == null) {
            List<String> names = binder.catalog().all().stream()
                    .filter(d -> d.isEditor() == wantEditor && d.availableIn(binder.context())).map(FunctionDef::name).toList();
            binder.error(BinderCode.UNKNOWN_FUNCTION, c.nameSpan(), "undefined function \"" + c.name() + "\"",
                    Binder.hint(Suggestions.closest(c.name(), names)));
            return null;
        }
        if (def.isEditor() != wantEditor) {
            binder.error(BinderCode.WRONG_FUNCTION_KIND, c.nameSpan(), def.isEditor()
                    ? def.name() + " is an editor: it changes data and can only start a statement"
                    : def.name() + " is a converter: it returns a value, and a statement must start with an editor",
                    def.isEditor() ? null : "wrap it in an editor, e.g. set(attributes[\"x\"], " + def.name() + "(...))");
            return null;
        }
        if (!def.availableIn(binder.context())) {
            binder.error(BinderCode.FUNCTION_NOT_IN_CONTEXT, c.nameSpan(), def.name() + " is not available in the "
                    + binder.context() + " context (only in " + def.contexts() + ")", null);
            return null;
        }
        if (def.conditionsOnly() && !binder.inConditions()) {
            binder.error(BinderCode.FUNCTION_NOT_IN_CONTEXT, c.nameSpan(), def.name()
                    + " is only available in conditions (such as the filter processor's), not in statements", null);
            return null;
        }
        if (!def.featureGate().isEmpty() && !binder.featureGates().contains(def.featureGate())) {
            binder.error(BinderCode.FEATURE_GATE_REQUIRED, c.nameSpan(), "function " + def.name()
                    + " is experimental and requires the feature gate " + def.featureGate(),
                    "enable it with --feature-gates=" + def.featureGate());
            return null;
        }
        return def;
    }

    /** Binds the arguments and constructs the function node; null after reporting an error. */
    private Object instantiate(FunctionDef def, Call c) {
        List<ParamDef> params = def.params();
        Argument[] byParam = new Argument[params.size()];
        boolean ok = true;
        int positional = 0;
        for (Argument a : c.args()) {
            if (a.name() == null) {
                if (positional >= params.size()) {
                    binder.error(BinderCode.ARGUMENT_COUNT, a.span(), "too many arguments for " + def.signature()
                            + ": expected at most " + params.size() + ", got " + c.args().size(), null);
                    return null;
                }
                byParam[positional++] = a;
                continue;
            }
            int idx = paramIndex(params, a.name());
            if (idx < 0) {
                binder.error(BinderCode.UNKNOWN_PARAMETER, a.nameSpan() != null ? a.nameSpan() : a.span(), "no such parameter: " + a.name()
                        + " (" + def.signature() + ")", Binder.hint(Suggestions.closest(a.name(), params.stream().map(ParamDef::name).toList())));
                ok = false;
            } else if (byParam[idx] != null) {
                binder.error(BinderCode.DUPLICATE_ARGUMENT, a.span(), "parameter " + params.get(idx).name() + " is given twice", null);
                ok = false;
            } else {
                byParam[idx] = a;
            }
        }
        for (int i = 0; i < params.size(); i++) {
            if (byParam[i] == null && !params.get(i).optional()) {
                binder.error(BinderCode.ARGUMENT_COUNT, c.span(), "incorrect number of arguments for " + def.signature() + ": missing "
                        + params.get(i).name() + " (expected " + (def.requiredParams() == params.size() ? "" : "at least ")
                        + def.requiredParams() + ", got " + c.args().size() + ")", null);
                return null;
            }
        }
        if (!ok) {
            return null;
        }
        Object[] values = new Object[params.size()];
        for (int i = 0; i < values.length; i++) {
            if (byParam[i] != null) {
                int before = binder.mark();
                values[i] = argument(params.get(i), byParam[i].value(), def);
                ok &= binder.mark() == before;
            }
        }
        if (!ok) {
            return null;
        }
        return construct(def, values, byParam, c.span());
    }

    /** Upstream matches a named argument to the field whose UpperCamelCase form equals the name's. */
    private static int paramIndex(List<ParamDef> params, String name) {
        String wanted = upperCamel(name);
        for (int i = 0; i < params.size(); i++) {
            if (upperCamel(params.get(i).name()).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    static String upperCamel(String name) {
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (char ch : name.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return sb.toString();
    }

    private Object construct(FunctionDef def, Object[] values, Argument[] byParam, SourceSpan callSpan) {
        try {
            Object node = def.constructor().newInstance(values);
            if (node instanceof io.ottl4j.language.function.FeatureGateAware aware) {
                aware.featureGates(binder.featureGates());
            }
            return node;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            SourceSpan at = callSpan;
            if (cause instanceof OttlArgumentException ae && ae.parameter() != null) {
                for (int i = 0; i < byParam.length; i++) {
                    if (byParam[i] != null && def.params().get(i).name().equals(ae.parameter())) {
                        at = byParam[i].value().span();
                    }
                }
            }
            binder.error(BinderCode.INVALID_ARGUMENT, at, "invalid arguments for " + def.name() + ": " + cause.getMessage(), null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct OTTL function " + def.name(), e);
        }
        return null;
    }

    // ------------------------------------------------------------------ argument forms

    private Object argument(ParamDef p, Value v, FunctionDef def) {
        Object bound;
        if (p.relaxed() != null) {
            // the gate for upstream's current signature is off: the baseline form only, passed on in the current form
            Value wrong = notBaseline(p.kind(), v);
            if (wrong != null) {
                return baselineMismatch(p, wrong, def);
            }
            bound = bindArgument(p.relaxed(), v, def);
        } else {
            bound = bindArgument(p, v, def);
        }
        if (bound instanceof io.ottl4j.language.function.ArgumentGetter g) {
            g.describeAs(def.name(), p.name());
        } else if (bound instanceof io.ottl4j.language.function.SliceGetter<?> slice) {
            slice.describeAs(def.name(), p.name());
        } else if (bound instanceof io.ottl4j.language.function.ArgumentGetter[] list) {
            for (int i = 0; i < list.length; i++) {
                list[i].describeAs(def.name(), p.name() + "[" + i + "]");
            }
        }
        return bound;
    }

    private Object bindArgument(ParamDef p, Value v, FunctionDef def) {
        ParamKind kind = p.kind();
        return switch (kind) {
            case GETTER -> new Getter(binder.value(v));
            case STRING_GETTER -> new StringGetter(binder.value(v));
            case STRING_LIKE_GETTER -> new StringLikeGetter(binder.value(v));
            case INT_GETTER -> new IntGetter(binder.value(v));
            case INT_LIKE_GETTER -> new IntLikeGetter(binder.value(v));
            case FLOAT_GETTER -> new FloatGetter(binder.value(v));
            case FLOAT_LIKE_GETTER -> new FloatLikeGetter(binder.value(v));
            case BOOL_GETTER -> new BoolGetter(binder.value(v));
            case BOOL_LIKE_GETTER -> new BoolLikeGetter(binder.value(v));
            case BYTES_LIKE_GETTER -> new ByteSliceLikeGetter(binder.value(v));
            case MAP_GETTER -> new MapGetter(binder.value(v));
            case TIME_GETTER -> new TimeGetter(binder.value(v));
            case DURATION_GETTER -> new DurationGetter(binder.value(v));
            case PATH -> path(p, v, def);
            case FUNCTION -> functionRef(p, v, def);
            case LAMBDA -> lambda(p, v, def);
            case STRING_LITERAL -> v instanceof StringLiteral s ? s.value() : mismatch(p, v, def);
            case INT_LITERAL -> v instanceof IntLiteral i ? (Object) i.value() : mismatch(p, v, def);
            case FLOAT_LITERAL -> v instanceof FloatLiteral f ? (Object) f.value() : mismatch(p, v, def);
            case BOOL_LITERAL -> v instanceof BoolLiteral b ? (Object) b.value() : mismatch(p, v, def);
            case BYTES_LITERAL -> v instanceof BytesLiteral b ? b.value() : mismatch(p, v, def);
            case STRING_LIST_LITERAL -> literalList(p, v, def, String.class, e -> e instanceof StringLiteral s ? s.value() : null);
            case INT_LIST_LITERAL -> literalList(p, v, def, long.class, e -> e instanceof IntLiteral i ? i.value() : null);
            case FLOAT_LIST_LITERAL -> literalList(p, v, def, double.class, e -> e instanceof FloatLiteral f ? f.value() : null);
            case GETTER_LIST -> getterList(p, v, def, Getter.class, Getter::new);
            case STRING_GETTER_LIST -> getterList(p, v, def, StringGetter.class, StringGetter::new);
            case STRING_LIKE_GETTER_LIST -> getterList(p, v, def, StringLikeGetter.class, StringLikeGetter::new);
            case INT_GETTER_LIST -> getterList(p, v, def, IntGetter.class, IntGetter::new);
            case FLOAT_GETTER_LIST -> getterList(p, v, def, FloatGetter.class, FloatGetter::new);
            case MAP_GETTER_LIST -> getterList(p, v, def, MapGetter.class, MapGetter::new);
            case STRING_LIKE_SLICE -> v instanceof ListLiteral
                    ? new StringLikeSliceGetter((StringLikeGetter[]) getterList(p, v, def, StringLikeGetter.class, StringLikeGetter::new), null)
                    : new StringLikeSliceGetter(null, binder.value(v));
            case STRING_SLICE -> v instanceof ListLiteral
                    ? new StringSliceGetter((StringGetter[]) getterList(p, v, def, StringGetter.class, StringGetter::new), null)
                    : new StringSliceGetter(null, binder.value(v));
        };
    }

    /** The part of {@code v} that does not have the baseline form {@code kind}, or null when it has it. */
    private static Value notBaseline(ParamKind kind, Value v) {
        return switch (kind) {
            case STRING_LITERAL -> v instanceof StringLiteral ? null : v;
            case BYTES_LITERAL -> v instanceof BytesLiteral ? null : v;
            case STRING_LIST_LITERAL -> v instanceof ListLiteral l
                    ? l.elements().stream().filter(e -> !(e instanceof StringLiteral)).findFirst().orElse(null) : v;
            case GETTER_LIST, STRING_GETTER_LIST, STRING_LIKE_GETTER_LIST, INT_GETTER_LIST, FLOAT_GETTER_LIST, MAP_GETTER_LIST ->
                    v instanceof ListLiteral ? null : v;
            default -> throw new IllegalStateException("no baseline check for parameter kind " + kind);
        };
    }

    /** The baseline's form error; for an expression where a literal was required, the gate that accepts it. */
    private Object baselineMismatch(ParamDef p, Value wrong, FunctionDef def) {
        String suggestion = isLiteral(wrong) ? null
                : "expressions are accepted here by upstream's post-baseline signature (" + p.relaxed().name() + ": "
                        + p.relaxed().kind().description() + "): enable it with --feature-gates=" + Ottl.CURRENT_SIGNATURES_GATE;
        binder.error(BinderCode.ARGUMENT_FORM, wrong.span(), "argument " + p.name() + " of " + def.name() + " must be a "
                + p.kind().description() + ", got " + describe(wrong), suggestion);
        return null;
    }

    private static boolean isLiteral(Value v) {
        return v instanceof StringLiteral || v instanceof BytesLiteral || v instanceof IntLiteral || v instanceof FloatLiteral
                || v instanceof BoolLiteral || v instanceof ListLiteral || v instanceof NilLiteral || v instanceof MapLiteral;
    }

    private Object mismatch(ParamDef p, Value v, FunctionDef def) {
        binder.error(BinderCode.ARGUMENT_FORM, v.span(), "argument " + p.name() + " of " + def.name() + " must be a "
                + p.kind().description() + ", got " + describe(v), null);
        return null;
    }

    private static String describe(Value v) {
        String simple = v.getClass().getSimpleName();
        return switch (simple) {
            case "PathExpr" -> "a path";
            case "Call" -> "a function call";
            case "MathExpr" -> "a math expression";
            case "ListLiteral" -> "a list";
            case "MapLiteral" -> "a map";
            case "NilLiteral" -> "nil";
            case "EnumSymbol" -> "an enum";
            default -> "a " + simple.replace("Literal", "").toLowerCase(Locale.ROOT) + " literal";
        };
    }

    private Object path(ParamDef p, Value v, FunctionDef def) {
        if (v instanceof PathExpr pe) {
            return new GetSetter(binder.writablePath(pe));
        }
        return mismatch(p, v, def);
    }

    private Object literalList(ParamDef p, Value v, FunctionDef def, Class<?> elementType, Function<Value, Object> literal) {
        if (!(v instanceof ListLiteral l)) {
            return mismatch(p, v, def);
        }
        Object out = Array.newInstance(elementType, l.elements().size());
        for (int i = 0; i < l.elements().size(); i++) {
            Object e = literal.apply(l.elements().get(i));
            if (e == null) {
                return mismatch(p, l.elements().get(i), def);
            }
            Array.set(out, i, e);
        }
        return out;
    }

    private <T> Object getterList(ParamDef p, Value v, FunctionDef def, Class<T> type, Function<ExprNode, T> wrap) {
        if (!(v instanceof ListLiteral l)) {
            return mismatch(p, v, def);
        }
        @SuppressWarnings("unchecked")
        T[] out = (T[]) Array.newInstance(type, l.elements().size());
        for (int i = 0; i < out.length; i++) {
            out[i] = wrap.apply(binder.value(l.elements().get(i)));
        }
        return out;
    }

    /** {@code SHA256} or {@code Sha256} as an argument: a converter applied later to one value. */
    private Object functionRef(ParamDef p, Value v, FunctionDef def) {
        String name;
        if (v instanceof FunctionRef f) {
            name = f.name();
        } else if (v instanceof EnumSymbol e) {
            name = e.name();
        } else {
            return mismatch(p, v, def);
        }
        FunctionDef target = binder.lookupFunction(name);
        if (target == null || target.isEditor()) {
            binder.error(BinderCode.UNKNOWN_FUNCTION, v.span(), "undefined function " + name, null);
            return null;
        }
        if (target.params().isEmpty() || target.requiredParams() > 1) {
            binder.error(BinderCode.BAD_FUNCTION_REF, v.span(), name + " cannot be used as " + p.name() + " of " + def.name()
                    + ": it must take exactly one argument", null);
            return null;
        }
        int slot = binder.newSlot("fn:" + name);
        Object[] args = new Object[target.params().size()];
        ExprNode read = new LocalReadNode(slot).at(v.span());
        args[0] = switch (target.params().get(0).kind()) {
            case GETTER -> new Getter(read);
            case STRING_GETTER -> new StringGetter(read);
            case STRING_LIKE_GETTER -> new StringLikeGetter(read);
            case BYTES_LIKE_GETTER -> new ByteSliceLikeGetter(read);
            default -> null;
        };
        if (args[0] == null) {
            binder.error(BinderCode.BAD_FUNCTION_REF, v.span(), name + " cannot be used as " + p.name() + " of " + def.name()
                    + ": it must take a string", null);
            return null;
        }
        Object node = construct(target, args, new Argument[args.length], v.span());
        if (!(node instanceof ConverterNode converter)) {
            return null;
        }
        return new FunctionGetter(name, slot, converter.at(v.span()));
    }

    private Object lambda(ParamDef p, Value v, FunctionDef def) {
        if (!(v instanceof Lambda l)) {
            return mismatch(p, v, def);
        }
        ExprNode[] body = new ExprNode[1];
        int[] slots = binder.lambda(l, node -> body[0] = switch (node) {
            case BoolExpr b when !(b instanceof BoolLiteral) -> new LogicNodes.AsValue(binder.condition(b));
            case Value value -> binder.value(value);
            default -> throw new IllegalStateException("lambda body " + node);
        });
        return new LambdaGetter(slots, body[0]);
    }
}

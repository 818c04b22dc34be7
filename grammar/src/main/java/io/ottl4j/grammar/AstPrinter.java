package io.ottl4j.grammar;

import io.ottl4j.grammar.ast.AndExpr;
import io.ottl4j.grammar.ast.Argument;
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
import io.ottl4j.grammar.ast.IntKey;
import io.ottl4j.grammar.ast.IntLiteral;
import io.ottl4j.grammar.ast.Lambda;
import io.ottl4j.grammar.ast.ListLiteral;
import io.ottl4j.grammar.ast.MapEntry;
import io.ottl4j.grammar.ast.MapLiteral;
import io.ottl4j.grammar.ast.MathExpr;
import io.ottl4j.grammar.ast.NilLiteral;
import io.ottl4j.grammar.ast.Node;
import io.ottl4j.grammar.ast.NotExpr;
import io.ottl4j.grammar.ast.OrExpr;
import io.ottl4j.grammar.ast.Path;
import io.ottl4j.grammar.ast.PathExpr;
import io.ottl4j.grammar.ast.Statement;
import io.ottl4j.grammar.ast.StringKey;
import io.ottl4j.grammar.ast.StringLiteral;
import io.ottl4j.grammar.ast.ValueExpression;
import java.util.List;

/**
 * A stable, indented text form of a syntax tree: one node per line, {@code role: Type details @span},
 * children indented by two spaces. Used by golden tests and handy in a debugger.
 */
public final class AstPrinter {

    private final StringBuilder out = new StringBuilder();

    private AstPrinter() {
    }

    public static String print(Node node) {
        AstPrinter printer = new AstPrinter();
        printer.node(null, node, 0);
        return printer.out.toString();
    }

    private void node(String role, Node node, int depth) {
        switch (node) {
            case Statement s -> {
                line(role, "Statement", s, depth);
                node("invocation", s.invocation(), depth + 1);
                if (s.where() != null) {
                    node("where", s.where(), depth + 1);
                }
            }
            case Condition c -> {
                line(role, "Condition", c, depth);
                node(null, c.expr(), depth + 1);
            }
            case ValueExpression v -> {
                line(role, "ValueExpression", v, depth);
                node(null, v.value(), depth + 1);
            }
            case OrExpr o -> {
                line(role, "OrExpr", o, depth);
                list("term", o.terms(), depth + 1);
            }
            case AndExpr a -> {
                line(role, "AndExpr", a, depth);
                list("term", a.terms(), depth + 1);
            }
            case NotExpr n -> {
                line(role, "NotExpr", n, depth);
                node("operand", n.operand(), depth + 1);
            }
            case Comparison c -> {
                line(role, "Comparison " + c.op().symbol(), c, depth);
                node("left", c.left(), depth + 1);
                node("right", c.right(), depth + 1);
            }
            case ConverterCondition c -> {
                line(role, "ConverterCondition", c, depth);
                node("call", c.call(), depth + 1);
            }
            case BoolLiteral b -> line(role, "BoolLiteral " + b.value(), b, depth);
            case NilLiteral n -> line(role, "NilLiteral", n, depth);
            case StringLiteral s -> line(role, "StringLiteral " + quote(s.value()), s, depth);
            case IntLiteral i -> line(role, "IntLiteral " + i.value(), i, depth);
            case FloatLiteral f -> line(role, "FloatLiteral " + f.value(), f, depth);
            case BytesLiteral b -> line(role, "BytesLiteral 0x" + b.hex(), b, depth);
            case EnumSymbol e -> line(role, "EnumSymbol " + e.name(), e, depth);
            case FunctionRef f -> line(role, "FunctionRef " + f.name(), f, depth);
            case PathExpr p -> {
                line(role, "PathExpr", p, depth);
                node(null, p.path(), depth + 1);
            }
            case Path p -> {
                line(role, "Path" + (p.hasContextCandidate() ? " context?=" + p.contextCandidate() : ""), p, depth);
                for (Field field : p.fields()) {
                    node(null, field, depth + 1);
                }
            }
            case Field f -> {
                line(role, "Field " + f.name(), f, depth);
                list("key", f.keys(), depth + 1);
            }
            case StringKey k -> line(role, "StringKey " + quote(k.value()), k, depth);
            case IntKey k -> line(role, "IntKey " + k.value(), k, depth);
            case ExprKey k -> {
                line(role, "ExprKey", k, depth);
                node(null, k.expr(), depth + 1);
            }
            case Call c -> {
                line(role, "Call " + c.name() + (c.isEditorName() ? " (editor)" : " (converter)")
                        + " name@" + c.nameSpan(), c, depth);
                list("arg", c.args(), depth + 1);
                list("key", c.keys(), depth + 1);
            }
            case Argument a -> {
                line(role, "Argument" + (a.isNamed() ? " " + a.name() + "= name@" + a.nameSpan() : ""), a, depth);
                node(null, a.value(), depth + 1);
            }
            case MathExpr m -> {
                line(role, "MathExpr " + m.op().symbol(), m, depth);
                node("left", m.left(), depth + 1);
                node("right", m.right(), depth + 1);
            }
            case ListLiteral l -> {
                line(role, "ListLiteral", l, depth);
                list("", l.elements(), depth + 1);
            }
            case MapLiteral m -> {
                line(role, "MapLiteral", m, depth);
                for (MapEntry entry : m.entries()) {
                    node(null, entry, depth + 1);
                }
            }
            case MapEntry e -> {
                line(role, "MapEntry " + quote(e.key()), e, depth);
                node(null, e.value(), depth + 1);
            }
            case Lambda l -> {
                line(role, "Lambda (" + String.join(", ", l.params()) + ")", l, depth);
                node("body", l.body(), depth + 1);
            }
        }
    }

    private void list(String role, List<? extends Node> nodes, int depth) {
        for (int i = 0; i < nodes.size(); i++) {
            node(role + "[" + i + "]", nodes.get(i), depth);
        }
    }

    private void line(String role, String text, Node node, int depth) {
        out.append("  ".repeat(depth));
        if (role != null) {
            out.append(role).append(": ");
        }
        out.append(text).append(" @").append(node.span()).append('\n');
    }

    /** Double-quoted with Java-style escapes, so every printed string is on one line and unambiguous. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        quoted.append(String.format("\\u%04x", cp));
                    } else {
                        quoted.appendCodePoint(cp);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}

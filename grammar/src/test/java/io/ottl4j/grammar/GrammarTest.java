package io.ottl4j.grammar;

import static io.ottl4j.grammar.Parsing.condition;
import static io.ottl4j.grammar.Parsing.conditionErrors;
import static io.ottl4j.grammar.Parsing.statement;
import static io.ottl4j.grammar.Parsing.statementErrors;
import static io.ottl4j.grammar.Parsing.value;
import static io.ottl4j.grammar.Parsing.valueErrors;
import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.grammar.ast.AndExpr;
import io.ottl4j.grammar.ast.BoolLiteral;
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
import io.ottl4j.grammar.ast.ListLiteral;
import io.ottl4j.grammar.ast.MapLiteral;
import io.ottl4j.grammar.ast.MathExpr;
import io.ottl4j.grammar.ast.MathOp;
import io.ottl4j.grammar.ast.NilLiteral;
import io.ottl4j.grammar.ast.NotExpr;
import io.ottl4j.grammar.ast.OrExpr;
import io.ottl4j.grammar.ast.Path;
import io.ottl4j.grammar.ast.PathExpr;
import io.ottl4j.grammar.ast.StringKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §2: the productions, their ordering and look-ahead semantics, and §2.4's validation. */
class GrammarTest {

    @Test
    void pathsKeepEverySegmentAndMarkTheContextCandidate() {
        Path prefixed = ((PathExpr) value("resource.attributes[\"a\"][\"b\"][0]")).path();
        assertThat(prefixed.fields()).extracting(f -> f.name()).containsExactly("resource", "attributes");
        assertThat(prefixed.fields().get(1).keys()).hasSize(3);
        assertThat(prefixed.hasContextCandidate()).isTrue();
        assertThat(prefixed.contextCandidate()).isEqualTo("resource");

        Path plain = ((PathExpr) value("attributes[\"x\"]")).path();
        assertThat(plain.hasContextCandidate()).isFalse();
        assertThat(plain.contextCandidate()).isNull();

        assertThat(((PathExpr) value("a[\"k\"].b")).path().hasContextCandidate()).isFalse();
        assertThat(((PathExpr) value("name")).path().hasContextCandidate()).isFalse();
        assertThat(((PathExpr) value("span.name")).path().contextCandidate()).isEqualTo("span");
    }

    @Test
    void keys() {
        Path path = ((PathExpr) value("a[\"s\"][-1][x.y][Len(z) - 1][1.5][(1 + 2)][nil]")).path();
        var keys = path.fields().get(0).keys();
        assertThat(keys.get(0)).isInstanceOfSatisfying(StringKey.class, k -> assertThat(k.value()).isEqualTo("s"));
        assertThat(keys.get(1)).isInstanceOfSatisfying(IntKey.class, k -> assertThat(k.value()).isEqualTo(-1));
        assertThat(((ExprKey) keys.get(2)).expr()).isInstanceOf(PathExpr.class);
        assertThat(((ExprKey) keys.get(3)).expr()).isInstanceOf(MathExpr.class);
        assertThat(((ExprKey) keys.get(4)).expr()).isInstanceOf(FloatLiteral.class);
        assertThat(((ExprKey) keys.get(5)).expr()).isInstanceOf(MathExpr.class);
        // upstream reads `nil` inside brackets as a path segment
        assertThat(((ExprKey) keys.get(6)).expr()).isInstanceOf(PathExpr.class);
    }

    @Test
    void keysThatUpstreamRejects() {
        // upstream commits to the integer alternative and then needs `]`
        assertThat(valueErrors("a[1 + 2]")).containsExactly("OTTL-E020");
        assertThat(valueErrors("a[true]")).containsExactly("OTTL-E005");
        assertThat(valueErrors("a[SOME_ENUM]")).containsExactly("OTTL-E005");
        assertThat(valueErrors("a[\"x\" + y]")).startsWith("OTTL-E005");
    }

    @Test
    void mathPrecedenceAndAssociativity() {
        MathExpr sum = (MathExpr) value("1 + 2 * 3");
        assertThat(sum.op()).isEqualTo(MathOp.ADD);
        assertThat(((MathExpr) sum.right()).op()).isEqualTo(MathOp.MUL);

        MathExpr chain = (MathExpr) value("a - b - c");
        assertThat(chain.left()).isInstanceOfSatisfying(MathExpr.class, m -> assertThat(m.op()).isEqualTo(MathOp.SUB));
        assertThat(chain.right()).isInstanceOf(PathExpr.class);

        MathExpr grouped = (MathExpr) value("(1 + 2) * 3");
        assertThat(grouped.op()).isEqualTo(MathOp.MUL);
        assertThat(grouped.left().span().toString()).isEqualTo("1:2-1:7"); // the inner span, without parentheses
        assertThat(grouped.span().toString()).isEqualTo("1:1-1:12");
    }

    @Test
    void signsBelongToNumbers() {
        assertThat(value("-1")).isInstanceOfSatisfying(IntLiteral.class, i -> assertThat(i.value()).isEqualTo(-1));
        assertThat(value("3 - 1")).isInstanceOf(MathExpr.class);
        assertThat(valueErrors("3-1")).containsExactly("OTTL-E016");
        assertThat(valueErrors("-x")).containsExactly("OTTL-E015");
        assertThat(valueErrors("-(1)")).containsExactly("OTTL-E015");
    }

    @Test
    void comparisonComesBeforeParenthesisedCondition() {
        assertThat(condition("(1 + 2) * 3 == 9")).isInstanceOf(Comparison.class);
        assertThat(condition("(true)")).isInstanceOf(BoolLiteral.class);
        assertThat(condition("(x) == 1")).isInstanceOf(Comparison.class);
        assertThat(condition("(x == 1)")).isInstanceOf(Comparison.class);
        assertThat(condition("(IsMatch(x, \"a\"))")).isInstanceOf(ConverterCondition.class);
    }

    @Test
    void booleanPrecedence() {
        OrExpr or = (OrExpr) condition("a == 1 or not b == 2 and c == 3");
        assertThat(or.terms()).hasSize(2);
        AndExpr and = (AndExpr) or.terms().get(1);
        assertThat(and.terms().get(0)).isInstanceOfSatisfying(NotExpr.class,
                n -> assertThat(((Comparison) n.operand()).op()).isEqualTo(CompareOp.EQ));
        assertThat(condition("not (a == 1 or b == 2)")).isInstanceOfSatisfying(NotExpr.class,
                n -> assertThat(n.operand()).isInstanceOf(OrExpr.class));
    }

    @Test
    void whatIsNotACondition() {
        assertThat(conditionErrors("not not x == 1")).containsExactly("OTTL-E012");
        assertThat(conditionErrors("a == b == c")).containsExactly("OTTL-E011");
        assertThat(conditionErrors("name")).containsExactly("OTTL-E013");
        assertThat(conditionErrors("name and \"x\"")).containsExactly("OTTL-E013", "OTTL-E013");
        assertThat(statementErrors("set(\"foo\") where name")).containsExactly("OTTL-E013");
        assertThat(conditionErrors("1 + 1")).containsExactly("OTTL-E013");
        assertThat(conditionErrors("(x)")).containsExactly("OTTL-E013");
        assertThat(conditionErrors("nil")).containsExactly("OTTL-E013");
        // a lowercase call is an editor, which is not a converter condition
        assertThat(conditionErrors("foo()")).containsExactly("OTTL-E031");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a = 1", "a => 1", "a =< 1", "a <> 1", "a === 1"})
    void operatorsThatDoNotExist(String text) {
        assertThat(conditionErrors(text)).containsExactly("OTTL-E014");
    }

    @Test
    void whitespaceIsDroppedEvenInsideNames() {
        assertThat(statement("set (x, 1)").name()).isEqualTo("set");
        Call call = ((ConverterCondition) condition("Is Match(x, \"a\")")).call();
        assertThat(call.name()).isEqualTo("IsMatch");
        assertThat(call.nameSpan().toString()).isEqualTo("1:1-1:9");
    }

    @Test
    void enumsAndFunctionReferences() {
        Call call = statement("f(SHA256, Sha256, S, ToLowerCase, A_B)");
        assertThat(call.args().get(0).value()).isEqualTo(new EnumSymbol("SHA256", call.args().get(0).span()));
        assertThat(call.args().get(1).value()).isInstanceOfSatisfying(FunctionRef.class,
                f -> assertThat(f.name()).isEqualTo("Sha256"));
        assertThat(call.args().get(2).value()).isInstanceOf(EnumSymbol.class);
        assertThat(call.args().get(3).value()).isInstanceOfSatisfying(FunctionRef.class,
                f -> assertThat(f.name()).isEqualTo("ToLowerCase"));
        assertThat(call.args().get(4).value()).isInstanceOf(EnumSymbol.class);
        // a bare mixed-case name is only a function reference as a whole argument
        assertThat(valueErrors("Sha256")).containsExactly("OTTL-E022");
        assertThat(statementErrors("f([Sha256])")).containsExactly("OTTL-E022");
        assertThat(statementErrors("f(FOO BAR)")).startsWith("OTTL-E005");
    }

    @Test
    void namedArguments() {
        Call call = statement("flatten(attributes, prefix = \"k8s\", resolveConflicts = true)");
        assertThat(call.args()).extracting(a -> a.name()).containsExactly(null, "prefix", "resolveConflicts");
        assertThat(call.args().get(1).nameSpan().toString()).isEqualTo("1:21-1:27");
        assertThat(statementErrors("f(a = 1, 2)")).containsExactly("OTTL-E033");
        // upstream binds both spellings to the same parameter
        assertThat(statementErrors("f(resolve_conflicts = 1, resolveConflicts = 2)")).containsExactly("OTTL-E034");
        assertThat(statementErrors("f(Name = 1)")).containsExactly("OTTL-E005");
    }

    @Test
    void editorsAndConverters() {
        assertThat(statementErrors("Set(x, 1)")).containsExactly("OTTL-E030");
        assertThat(statementErrors("set(int())")).containsExactly("OTTL-E031");
        assertThat(statementErrors("set(int() + 1)")).containsExactly("OTTL-E031");
        assertThat(statementErrors("set() where 1 == int()")).containsExactly("OTTL-E031");
        assertThat(statementErrors("set(x)[\"k\"]")).containsExactly("OTTL-E032");
        assertThat(statementErrors("set(x, foo()[0])")).containsExactly("OTTL-E031", "OTTL-E032");
        assertThat(valueErrors("test(\"foo\")")).containsExactly("OTTL-E031");
        Call split = (Call) value("Split(x, \",\")[0]");
        assertThat(split.keys()).singleElement().isInstanceOf(IntKey.class);
        assertThat(split.isEditorName()).isFalse();
    }

    @Test
    void nilStandsAlone() {
        assertThat(value("nil")).isInstanceOf(NilLiteral.class);
        assertThat(valueErrors("nil.x")).containsExactly("OTTL-E019");
        assertThat(valueErrors("nil + 1")).containsExactly("OTTL-E019");
        // after the first operand upstream reads it as a path segment
        assertThat(((MathExpr) value("1 + nil")).right()).isInstanceOf(PathExpr.class);
        assertThat(((PathExpr) value("a.nil")).path().fields()).hasSize(2);
    }

    @Test
    void listsAndMaps() {
        assertThat(((ListLiteral) value("[1, [2, 3], {}]")).elements()).hasSize(3);
        assertThat(((ListLiteral) value("[]")).elements()).isEmpty();
        // upstream quirk kept: a leading comma
        assertThat(((ListLiteral) value("[, 1]")).elements()).hasSize(1);
        assertThat(valueErrors("[1,]")).containsExactly("OTTL-E005");
        // upstream quirk not kept: elements without commas (spec §2.2 "do not rely on it")
        assertThat(valueErrors("[1 2, 3]")).containsExactly("OTTL-E023");
        assertThat(valueErrors("[1, 2 3]")).containsExactly("OTTL-E023");
        // as upstream: a bracket right after a path indexes it
        assertThat(((ListLiteral) value("[a [1]]")).elements()).singleElement().isInstanceOf(PathExpr.class);
        assertThat(((MapLiteral) value("{\"a\": 1 \"b\": 2,}")).entries()).extracting(e -> e.key())
                .containsExactly("a", "b");
        assertThat(((MapLiteral) value("{}")).entries()).isEmpty();
        assertThat(valueErrors("{,}")).containsExactly("OTTL-E005");
        assertThat(valueErrors("{a: 1}")).containsExactly("OTTL-E005");
        assertThat(valueErrors("[A b]")).containsExactly("OTTL-E005");
        assertThat(valueErrors("[A 1]")).containsExactly("OTTL-E023");
        assertThat(valueErrors("[Ab]")).containsExactly("OTTL-E022");
    }

    @Test
    void keywordsAreNotNames() {
        assertThat(statementErrors("set(attributes.and, 1)")).containsExactly("OTTL-E018");
        assertThat(condition("android == oreo")).isInstanceOf(Comparison.class);
        assertThat(((PathExpr) value("where")).path().fields().get(0).name()).isEqualTo("where");
    }

    @Test
    void statementShapes() {
        assertThat(OttlParser.parseStatement("set(x, 1) where").ok()).isFalse();
        assertThat(statementErrors("(\"foo\")")).containsExactly("OTTL-E005");
        assertThat(statementErrors("")).containsExactly("OTTL-E005");
        assertThat(statementErrors("set(x, 1,)")).containsExactly("OTTL-E005");
        assertThat(OttlParser.parseStatement("set(x, 1) where true").tree().where()).isInstanceOf(BoolLiteral.class);
        assertThat(OttlParser.parseStatement("set(x, 1)").tree().where()).isNull();
    }

    @Test
    void deepNestingParsesAndAbsurdNestingIsReportedNotThrown() {
        assertThat(condition("(".repeat(500) + "x == 1" + ")".repeat(500))).isInstanceOf(Comparison.class);
        ParseResult<?> absurd = OttlParser.parseCondition("(".repeat(10_000) + "x == 1" + ")".repeat(10_000));
        assertThat(absurd.ok()).isFalse();
        assertThat(absurd.diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("nested too deeply"));
    }
}

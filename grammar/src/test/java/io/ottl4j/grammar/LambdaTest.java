package io.ottl4j.grammar;

import static io.ottl4j.grammar.Parsing.statementErrors;
import static io.ottl4j.grammar.Parsing.value;
import static io.ottl4j.grammar.Parsing.valueErrors;
import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.grammar.ast.AndExpr;
import io.ottl4j.grammar.ast.BoolLiteral;
import io.ottl4j.grammar.ast.Call;
import io.ottl4j.grammar.ast.Comparison;
import io.ottl4j.grammar.ast.Lambda;
import io.ottl4j.grammar.ast.MathExpr;
import io.ottl4j.grammar.ast.PathExpr;
import org.junit.jupiter.api.Test;

/** Spec §2.6 (post-baseline): lambdas as arguments. */
class LambdaTest {

    private static Lambda lambda(String argument) {
        Call call = (Call) value("F(" + argument + ")");
        return (Lambda) call.args().get(0).value();
    }

    @Test
    void parametersAndBodies() {
        Lambda filter = lambda("(k, v) => v != nil and k < 3");
        assertThat(filter.params()).containsExactly("k", "v");
        assertThat(filter.body()).isInstanceOf(AndExpr.class);
        assertThat(filter.span().toString()).isEqualTo("1:3-1:31");

        assertThat(lambda("() => true").params()).isEmpty();
        assertThat(lambda("() => true").body()).isInstanceOf(BoolLiteral.class);
        assertThat(lambda("(acc, _, v) => acc + v").body()).isInstanceOf(MathExpr.class);
        assertThat(lambda("(_, _) => 1").params()).containsExactly("_", "_");
        assertThat(lambda("(x) => x").body()).isInstanceOf(PathExpr.class);
        assertThat(lambda("(x) => (x)").body()).isInstanceOf(PathExpr.class);
        assertThat(lambda("(x) => x == 1").body()).isInstanceOf(Comparison.class);
        // a converter call body stays a value; the binder decides whether it must be a bool
        assertThat(lambda("(x) => IsMatch(x, \"a\")").body()).isInstanceOf(Call.class);
    }

    @Test
    void namedLambdaArgument() {
        Call call = (Call) value("Find(list, predicate = (k, v) => v == 1)");
        assertThat(call.args().get(1).name()).isEqualTo("predicate");
        assertThat(call.args().get(1).value()).isInstanceOf(Lambda.class);
    }

    @Test
    void lambdasOnlyAsArguments() {
        assertThat(valueErrors("(a) => a")).containsExactly("OTTL-E005");
        assertThat(valueErrors("F([(a) => a])")).isNotEmpty();
        assertThat(statementErrors("set(x, 1) where (a) => true")).isNotEmpty();
    }

    @Test
    void badParameters() {
        assertThat(valueErrors("F((v, v) => v)")).containsExactly("OTTL-E021");
        assertThat(valueErrors("F((Value) => 1)")).isNotEmpty();
        assertThat(valueErrors("F((a.b) => 1)")).isNotEmpty();
        assertThat(valueErrors("F((a) =>)")).isNotEmpty();
        assertThat(valueErrors("F((a) = > a)")).isNotEmpty();
    }
}

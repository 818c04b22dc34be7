package io.ottl4j.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.lsp.service.ScalarMap;
import io.ottl4j.lsp.service.YNode;
import io.ottl4j.lsp.service.YamlTree;
import org.junit.jupiter.api.Test;

/** Value chars map to their exact source offsets in every YAML scalar style. */
class ScalarMapTest {
    private static YNode.Scalar scalar(String yaml) {
        YNode.MapNode m = (YNode.MapNode) YamlTree.parse(yaml).root();
        return (YNode.Scalar) m.get("k");
    }

    private static void check(String yaml, String needle) {
        YNode.Scalar s = scalar(yaml);
        ScalarMap map = ScalarMap.of(yaml, s);
        int i = s.value().indexOf(needle);
        assertThat(i).isNotNegative();
        int at = map.toDocument(i);
        assertThat(yaml.substring(at, at + needle.length())).isEqualTo(needle);
        assertThat(map.toValue(at)).isEqualTo(i);
    }

    @Test
    void plainMultiLine() {
        check("k: set(a,\n   Concat(b))\n", "Concat");
    }

    @Test
    void singleQuotedWithEscapedQuote() {
        check("k: 'it''s IsMatch(x)'\n", "IsMatch");
    }

    @Test
    void doubleQuotedWithEscapes() {
        check("k: \"set(attributes[\\\"y\\\"], \\\"dq\\\") where Len(x) > 0\"\n", "Len");
        check("k: \"a\\u0041b Foo(x)\"\n", "Foo");
        check("k: \"a\\\n   b Bar(x)\"\n", "Bar");
    }

    @Test
    void foldedAndLiteralBlocks() {
        check("k: >-\n  set(a,\n  Concat(b))\nz: 1\n", "Concat");
        check("k: |\n  set(a,\n    Concat(b))\n", "Concat");
        check("k: >\n  one\n\n  two Two(x)\n", "Two");
    }

    @Test
    void utf16OffsetsAfterAstralChars() {
        check("x: \"\uD83D\uDE00\"\nk: set(a, Concat(b))\n", "Concat");
    }
}

package io.ottl4j.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void openBracketsAndQuotesContinueTheInput() {
        assertThat(Words.incomplete("set(name, \"x\"")).isTrue();
        assertThat(Words.incomplete("set(attributes[\"a")).isTrue();
        assertThat(Words.incomplete("set(x, {\"a\": [1,")).isTrue();
        assertThat(Words.incomplete("set(name, \"(\")")).isFalse();
        assertThat(Words.incomplete("set(name, \"a\\\"(\")")).isFalse();
        assertThat(Words.incomplete("set(name, \"x\"))) (")).isFalse(); // a stray ')' is an error to show, not more input
        assertThat(Words.incomplete(":complete set(attributes[\"ht")).isFalse();
        assertThat(Words.incomplete(":explain set(")).isTrue();
    }

    @Test
    void aWordIncludesItsKeysButNotListBrackets() {
        assertThat(word("set(attributes[\"ht")).isEqualTo("attributes[\"ht");
        assertThat(word("set(x, [na")).isEqualTo("na");
        assertThat(word("resource.attributes[\"a\"][\"b")).isEqualTo("resource.attributes[\"a\"][\"b");
        assertThat(word("kind == SPAN_KIND_S")).isEqualTo("SPAN_KIND_S");
        assertThat(word("set(name, \"a b")).isEqualTo("\"a b");
        assertThat(word(":con")).isEqualTo(":con");
        assertThat(word("{\"k\":na")).isEqualTo("na");
    }

    private static String word(String line) {
        return line.substring(Words.wordStart(line, line.length()));
    }
}

package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.ParseResult;
import io.ottl4j.grammar.SyntaxCode;
import java.util.Objects;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * One parse: lex, check tokens, parse with fast SLL prediction and, only if that fails, again with
 * full LL prediction and error recovery to report every syntax error; then build the tree.
 */
public final class ParseSession {

    /** The three entry rules. */
    public enum Entry { STATEMENT, CONDITION, VALUE }

    private ParseSession() {
    }

    public static <T> ParseResult<T> parse(String text, Entry entry, Class<T> type) {
        Objects.requireNonNull(text, "text");
        SourceText source = new SourceText(text);
        try {
            return parse(source, entry, type);
        } catch (StackOverflowError e) {
            // thousands of nested brackets: report instead of taking the caller's thread down
            DiagnosticSink sink = new DiagnosticSink();
            sink.error(SyntaxCode.UNEXPECTED_TOKEN, "the text is nested too deeply to parse",
                    source.span(0, text.length()), "split the expression into smaller ones");
            return new ParseResult<>(null, sink.sorted());
        }
    }

    private static <T> ParseResult<T> parse(SourceText source, Entry entry, Class<T> type) {
        String text = source.text();
        DiagnosticSink sink = new DiagnosticSink();
        CommonTokenStream tokens = new CommonTokenStream(new CaseSplittingLexer(CharStreams.fromString(text)));
        tokens.fill();
        boolean lexicalErrors = TokenChecks.check(tokens.getTokens(), source, sink);

        OttlParser parser = new OttlParser(tokens);
        parser.removeErrorListeners();
        ParserRuleContext tree = lexicalErrors ? null : parseFast(parser, entry);
        if (tree == null) {
            SyntaxMessages messages = new SyntaxMessages(source, sink);
            tree = parseReporting(parser, entry, messages);
            if (messages.count() > 0 || lexicalErrors) {
                return new ParseResult<>(null, sink.sorted());
            }
        }
        Object node = build(new AstBuilder(source, tokens, sink), tree, entry);
        return new ParseResult<>(sink.hasErrors() ? null : type.cast(node), sink.sorted());
    }

    /** SLL prediction, giving up at the first error; when it succeeds the tree is the one LL would build. */
    private static ParserRuleContext parseFast(OttlParser parser, Entry entry) {
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parseEntry(parser, entry);
        } catch (ParseCancellationException e) {
            return null;
        }
    }

    private static ParserRuleContext parseReporting(OttlParser parser, Entry entry, SyntaxMessages messages) {
        parser.reset();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.setErrorHandler(new SyntaxErrorStrategy(messages));
        return parseEntry(parser, entry);
    }

    private static ParserRuleContext parseEntry(OttlParser parser, Entry entry) {
        return switch (entry) {
            case STATEMENT -> parser.statementEntry();
            case CONDITION -> parser.conditionEntry();
            case VALUE -> parser.valueEntry();
        };
    }

    private static Object build(AstBuilder builder, ParserRuleContext tree, Entry entry) {
        return switch (entry) {
            case STATEMENT -> builder.statement((OttlParser.StatementEntryContext) tree);
            case CONDITION -> builder.condition((OttlParser.ConditionEntryContext) tree);
            case VALUE -> builder.valueExpression((OttlParser.ValueEntryContext) tree);
        };
    }
}

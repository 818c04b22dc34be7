package io.ottl4j.repl;

import io.ottl4j.grammar.OttlToken;
import io.ottl4j.grammar.OttlTokenizer;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the line from the grammar's own tokens: editors, converters, paths, enums, literals,
 * operators and keywords; text the lexer cannot read is shown in red.
 */
final class OttlHighlighter implements Highlighter {
    private static final Set<String> KEYWORDS = Set.of("where", "nil", "and", "or", "not");

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        try {
            return highlight(buffer);
        } catch (RuntimeException | LinkageError e) {
            return new AttributedString(buffer);
        }
    }

    static AttributedString highlight(String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        int offset = 0;
        if (buffer.startsWith(":")) {
            int end = 0;
            while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) {
                end++;
            }
            sb.styled(AttributedStyle.BOLD.foreground(AttributedStyle.CYAN), buffer.substring(0, end));
            String cmd = buffer.substring(0, end);
            if (!(cmd.equals(":explain") || cmd.equals(":time") || cmd.equals(":show") || cmd.equals(":complete"))) {
                sb.append(buffer.substring(end));
                return sb.toAttributedString();
            }
            offset = end;
        }
        String text = buffer.substring(offset);
        List<OttlToken> tokens;
        try {
            tokens = OttlTokenizer.tokenize(text);
        } catch (RuntimeException e) {
            sb.append(text);
            return sb.toAttributedString();
        }
        int pos = 0;
        for (int i = 0; i < tokens.size(); i++) {
            OttlToken t = tokens.get(i);
            int start = t.span().start();
            int end = t.span().end();
            if (start > pos) {
                sb.append(text.substring(pos, start));
            }
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).kind() == OttlToken.Kind.LPAREN;
            sb.styled(style(t, call), text.substring(start, end));
            pos = end;
        }
        if (pos < text.length()) {
            sb.append(text.substring(pos));
        }
        return sb.toAttributedString();
    }

    private static AttributedStyle style(OttlToken t, boolean call) {
        AttributedStyle s = AttributedStyle.DEFAULT;
        return switch (t.kind()) {
            case STRING -> s.foreground(AttributedStyle.GREEN);
            case INT, FLOAT, BYTES, BOOLEAN -> s.foreground(AttributedStyle.MAGENTA);
            case LOWERCASE -> KEYWORDS.contains(t.text()) ? s.bold()
                    : call ? s.foreground(AttributedStyle.YELLOW).bold() : s.foreground(AttributedStyle.BLUE);
            case UPPERCASE -> call ? s.foreground(AttributedStyle.YELLOW) : s.foreground(AttributedStyle.CYAN);
            case OP_NOT, OP_OR, OP_AND -> s.bold();
            case ERROR -> s.foreground(AttributedStyle.RED).underline();
            default -> s;
        };
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
    }

    @Override
    public void setErrorIndex(int errorIndex) {
    }
}

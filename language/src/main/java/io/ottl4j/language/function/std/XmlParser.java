package io.ottl4j.language.function.std;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small XML reader with the acceptance rules of Go's strict {@code encoding/xml} decoder, which upstream's
 * XML converters sit on: the five predefined entities and character references only (no DTD is ever read,
 * so no external entity can be resolved), quoted attribute values, matching end tags, directives such as
 * {@code <!DOCTYPE>} kept as opaque text. Documents may hold several top-level nodes, as upstream's do.
 */
final class XmlParser {
    /** Upstream's bound on element nesting. */
    static final int MAX_DEPTH = 10_000;

    /** Thrown for malformed input; the message follows Go's wording. */
    static final class XmlException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        XmlException(String message) {
            super(message);
        }
    }

    private final String in;
    private int pos;
    private int line = 1;
    private final boolean allowAnyEncoding;

    private XmlParser(String in, boolean allowAnyEncoding) {
        this.in = in;
        this.allowAnyEncoding = allowAnyEncoding;
    }

    /**
     * Parses a whole document as upstream's xmlquery-based converters do: a declaration is synthesised
     * before the first element when none came first, and — unless the text starts with {@code <?xml} —
     * the document's first node is then dropped again, so that output only carries a declaration the
     * input had.
     */
    static XmlNode parseDocument(String text) {
        XmlParser p = new XmlParser(text, true);
        XmlNode doc = p.readAll();
        if (!text.startsWith("<?xml") && !doc.children.isEmpty()) {
            doc.children.remove(0).parent = null;
        }
        return doc;
    }

    /**
     * Parses the first element of {@code text} as Go's {@code Decoder.Decode} does for ParseXML: anything
     * before it is skipped, and anything after it (even white space) is an error.
     */
    static XmlNode parseSingleElement(String text) {
        XmlParser p = new XmlParser(text, false);
        XmlNode doc = new XmlNode(XmlNode.Type.DOCUMENT, null);
        XmlNode root = p.readUntilFirstElementClosed(doc);
        if (p.pos != text.length()) {
            throw new XmlException("trailing bytes after parsing xml");
        }
        return root;
    }

    private XmlNode readAll() {
        XmlNode doc = new XmlNode(XmlNode.Type.DOCUMENT, null);
        Deque<XmlNode> open = new ArrayDeque<>();
        boolean sawTopLevelPi = false;
        boolean sawElement = false;
        while (pos < in.length()) {
            XmlNode current = open.isEmpty() ? doc : open.peek();
            XmlNode node = readNode(open);
            if (node == null) {
                continue;
            }
            if (open.isEmpty() && node.type == XmlNode.Type.DECLARATION) {
                sawTopLevelPi = true;
            }
            if (node.type == XmlNode.Type.TEXT && current == doc && ParseConverters.goTrimSpace(node.data).isEmpty()) {
                continue;
            }
            if (node.type == XmlNode.Type.ELEMENT && current == doc && !sawElement) {
                sawElement = true;
                if (!sawTopLevelPi) {
                    XmlNode decl = new XmlNode(XmlNode.Type.DECLARATION, "xml");
                    decl.attrs.add(new XmlNode.Attr("version", "1.0"));
                    doc.addChild(decl);
                }
            }
            current.addChild(node);
            if (node.type == XmlNode.Type.ELEMENT && !selfClosed) {
                open.push(node);
                if (open.size() > MAX_DEPTH) {
                    throw new XmlException("exceeded maximum XML nesting depth of " + MAX_DEPTH);
                }
            }
        }
        if (!open.isEmpty()) {
            throw syntax("unexpected EOF");
        }
        return doc;
    }

    private XmlNode readUntilFirstElementClosed(XmlNode doc) {
        Deque<XmlNode> open = new ArrayDeque<>();
        XmlNode root = null;
        while (true) {
            if (pos >= in.length()) {
                throw syntax("unexpected EOF");
            }
            XmlNode current = open.isEmpty() ? doc : open.peek();
            XmlNode node = readNode(open);
            if (node == null) {
                if (open.isEmpty() && root != null) {
                    return root;
                }
                continue;
            }
            if (root == null && node.type != XmlNode.Type.ELEMENT) {
                continue;
            }
            current.addChild(node);
            if (node.type == XmlNode.Type.ELEMENT) {
                if (root == null) {
                    root = node;
                }
                if (selfClosed) {
                    if (node == root) {
                        return root;
                    }
                } else {
                    open.push(node);
                    if (open.size() > MAX_DEPTH) {
                        throw new XmlException("exceeded maximum XML nesting depth of " + MAX_DEPTH);
                    }
                }
            }
        }
    }

    /** Set by {@link #readNode} when the element just read was written {@code <x/>}. */
    private boolean selfClosed;

    /** Reads one node; an end tag pops {@code open} and returns null. */
    private XmlNode readNode(Deque<XmlNode> open) {
        selfClosed = false;
        if (in.charAt(pos) != '<') {
            return new XmlNode(XmlNode.Type.TEXT, readText('<'));
        }
        if (in.startsWith("<?", pos)) {
            return readProcInst();
        } else if (in.startsWith("<!--", pos)) {
            int end = in.indexOf("-->", pos + 4);
            if (end < 0) {
                throw syntax("unexpected EOF");
            }
            String body = in.substring(pos + 4, end);
            advanceTo(end + 3);
            return new XmlNode(XmlNode.Type.COMMENT, body);
        } else if (in.startsWith("<![CDATA[", pos)) {
            int end = in.indexOf("]]>", pos + 9);
            if (end < 0) {
                throw syntax("unexpected EOF in CDATA section");
            }
            String body = normalizeNewlines(in.substring(pos + 9, end));
            advanceTo(end + 3);
            return new XmlNode(XmlNode.Type.CDATA, body);
        } else if (in.startsWith("<!", pos)) {
            return readDirective();
        } else if (in.startsWith("</", pos)) {
            pos += 2;
            String name = readName();
            skipSpace();
            expect('>');
            if (open.isEmpty()) {
                throw syntax("unexpected end element </" + name + ">");
            }
            XmlNode top = open.pop();
            if (!top.data.equals(name)) {
                throw syntax("element <" + top.data + "> closed by </" + name + ">");
            }
            return null;
        }
        return readStartTag();
    }

    private XmlNode readStartTag() {
        pos++;
        String name = readName();
        XmlNode el = new XmlNode(XmlNode.Type.ELEMENT, name);
        while (true) {
            skipSpace();
            if (pos >= in.length()) {
                throw syntax("unexpected EOF");
            }
            char c = in.charAt(pos);
            if (c == '/') {
                pos++;
                expect('>');
                selfClosed = true;
                return el;
            } else if (c == '>') {
                pos++;
                return el;
            }
            String attrName = readName();
            skipSpace();
            if (pos >= in.length() || in.charAt(pos) != '=') {
                throw syntax("attribute name without = in element");
            }
            pos++;
            skipSpace();
            if (pos >= in.length()) {
                throw syntax("unexpected EOF");
            }
            char q = in.charAt(pos);
            if (q != '"' && q != '\'') {
                throw syntax("unquoted or missing attribute value in element");
            }
            pos++;
            String value = readText(q);
            if (pos >= in.length()) {
                throw syntax("unexpected EOF");
            }
            pos++;
            el.attrs.add(new XmlNode.Attr(attrName, value));
        }
    }

    private XmlNode readProcInst() {
        pos += 2;
        String target = readName();
        int end = in.indexOf("?>", pos);
        if (end < 0) {
            throw syntax("unexpected EOF");
        }
        String inst = in.substring(pos, end);
        advanceTo(end + 2);
        XmlNode decl = new XmlNode(XmlNode.Type.DECLARATION, target);
        for (String pair : inst.split(" ")) {
            String p = ParseConverters.goTrimSpace(pair);
            int eq = p.indexOf('=');
            if (eq > 0) {
                decl.attrs.add(new XmlNode.Attr(p.substring(0, eq), trimQuotes(p.substring(eq + 1))));
            }
        }
        if (target.equals("xml")) {
            String version = decl.attr("version");
            if (version != null && !version.equals("1.0")) {
                throw new XmlException("xml: unsupported version \"" + version + "\"; only version 1.0 is supported");
            }
            String enc = decl.attr("encoding");
            if (!allowAnyEncoding && enc != null && !enc.equalsIgnoreCase("utf-8")) {
                throw new XmlException("xml: encoding \"" + enc + "\" declared but Decoder.CharsetReader is nil");
            }
        }
        return decl;
    }

    private static String trimQuotes(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == '"' || s.charAt(a) == '\'')) {
            a++;
        }
        while (b > a && (s.charAt(b - 1) == '"' || s.charAt(b - 1) == '\'')) {
            b--;
        }
        return s.substring(a, b);
    }

    private XmlNode readDirective() {
        int start = pos + 2;
        int depth = 0;
        int i = start;
        char quote = 0;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '<') {
                depth++;
            } else if (c == '>') {
                if (depth == 0) {
                    String body = in.substring(start, i);
                    advanceTo(i + 1);
                    return new XmlNode(XmlNode.Type.DIRECTIVE, body);
                }
                depth--;
            }
            i++;
        }
        throw syntax("unexpected EOF");
    }

    /** Character data up to {@code stop} (not consumed), with references decoded and newlines normalised. */
    private String readText(char stop) {
        StringBuilder sb = new StringBuilder();
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c == stop) {
                break;
            }
            if (c == '<' && stop != '<') {
                throw syntax("unescaped < inside quoted string");
            }
            if (c == '&') {
                sb.append(readReference());
                continue;
            }
            if (c == '\r') {
                sb.append('\n');
                pos++;
                if (pos < in.length() && in.charAt(pos) == '\n') {
                    pos++;
                }
                line++;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            if (c < 0x20 && c != '\t' && c != '\n' || c == 0xFFFE || c == 0xFFFF) {
                throw syntax(String.format("illegal character code U+%04X", (int) c));
            }
            sb.append(c);
            pos++;
        }
        return sb.toString();
    }

    private String readReference() {
        int semi = in.indexOf(';', pos);
        if (semi < 0 || semi - pos > 64) {
            throw syntax("invalid character entity " + in.substring(pos, Math.min(in.length(), pos + 10)));
        }
        String name = in.substring(pos + 1, semi);
        String out = switch (name) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "apos" -> "'";
            case "quot" -> "\"";
            default -> null;
        };
        if (out == null && name.startsWith("#")) {
            try {
                int cp = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                if (Character.isValidCodePoint(cp) && (cp >= 0x20 || cp == 9 || cp == 10 || cp == 13)
                        && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF) {
                    out = new String(Character.toChars(cp));
                }
            } catch (NumberFormatException e) {
                out = null;
            }
        }
        if (out == null) {
            throw syntax("invalid character entity &" + name + ";");
        }
        pos = semi + 1;
        return out;
    }

    private String readName() {
        int start = pos;
        while (pos < in.length()) {
            char c = in.charAt(pos);
            boolean ok = Character.isLetter(c) || c == '_' || c == ':' || c >= 0x80
                    || (pos > start && (Character.isDigit(c) || c == '-' || c == '.'));
            if (!ok) {
                break;
            }
            pos++;
        }
        if (pos == start) {
            throw syntax(pos >= in.length() ? "unexpected EOF" : "expected element name after <");
        }
        return in.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            if (c == '\n') {
                line++;
            }
            pos++;
        }
    }

    private void expect(char c) {
        if (pos >= in.length()) {
            throw syntax("unexpected EOF");
        }
        if (in.charAt(pos) != c) {
            throw syntax("invalid characters between </ and >");
        }
        pos++;
    }

    private void advanceTo(int newPos) {
        for (int i = pos; i < newPos; i++) {
            if (in.charAt(i) == '\n') {
                line++;
            }
        }
        pos = newPos;
    }

    private static String normalizeNewlines(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private XmlException syntax(String message) {
        return new XmlException("XML syntax error on line " + line + ": " + message);
    }
}

package io.ottl4j.language.function.std;

/**
 * Serialises an {@link XmlNode} tree the way upstream's xmlquery {@code OutputXML} does: no indentation,
 * empty elements as {@code <a></a>}, text trimmed of surrounding white space unless an enclosing element
 * says {@code xml:space="preserve"}, and {@code < > & ' "} escaped as HTML does.
 */
final class XmlWriter {
    private XmlWriter() {
    }

    /** The children of {@code node}, serialised. */
    static String children(XmlNode node) {
        StringBuilder sb = new StringBuilder();
        boolean preserve = preserveSpaces(node, false);
        for (XmlNode c : node.children) {
            write(sb, c, preserve);
        }
        return sb.toString();
    }

    /** {@code node} itself, serialised as if it stood alone (enclosing {@code xml:space} is not inherited). */
    static String detached(XmlNode node) {
        StringBuilder sb = new StringBuilder();
        write(sb, node, false);
        return sb.toString();
    }

    private static boolean preserveSpaces(XmlNode n, boolean inherited) {
        if (n.type == XmlNode.Type.ELEMENT) {
            String space = n.attr("xml:space");
            if ("preserve".equals(space)) {
                return true;
            } else if ("default".equals(space)) {
                return false;
            }
        }
        return inherited;
    }

    private static void write(StringBuilder sb, XmlNode n, boolean preserve) {
        preserve = preserveSpaces(n, preserve);
        switch (n.type) {
            case TEXT -> {
                escape(sb, preserve ? n.data : ParseConverters.goTrimSpace(n.data));
                return;
            }
            case CDATA -> {
                sb.append("<![CDATA[").append(n.data).append("]]>");
                return;
            }
            case COMMENT -> {
                sb.append("<!--").append(n.data).append("-->");
                return;
            }
            case DIRECTIVE -> {
                sb.append("<!").append(n.data).append('>');
                return;
            }
            case DECLARATION -> sb.append("<?").append(n.data);
            case DOCUMENT -> {
                for (XmlNode c : n.children) {
                    write(sb, c, preserve);
                }
                return;
            }
            default -> sb.append('<').append(n.data);
        }
        for (XmlNode.Attr a : n.attrs) {
            sb.append(' ').append(a.name).append("=\"");
            escape(sb, a.value);
            sb.append('"');
        }
        if (n.type == XmlNode.Type.DECLARATION) {
            sb.append("?>");
            return;
        }
        sb.append('>');
        for (XmlNode c : n.children) {
            write(sb, c, preserve);
        }
        sb.append("</").append(n.data).append('>');
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\'' -> sb.append("&#39;");
                case '"' -> sb.append("&#34;");
                default -> sb.append(c);
            }
        }
    }
}

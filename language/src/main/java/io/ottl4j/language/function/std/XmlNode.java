package io.ottl4j.language.function.std;

import java.util.ArrayList;
import java.util.List;

/**
 * A mutable XML tree shaped like the one upstream's XML converters edit (antchfx/xmlquery): a document
 * holding any number of top-level nodes, elements with attributes in document order, text, CDATA,
 * comments, declarations / processing instructions and directives.
 */
final class XmlNode {
    enum Type { DOCUMENT, ELEMENT, TEXT, CDATA, COMMENT, DECLARATION, DIRECTIVE }

    /** One attribute; {@code name} is the qualified name as written. */
    static final class Attr {
        final String name;
        final String value;

        Attr(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }

    Type type;
    /** Element qualified name, declaration target, or the text of text-like nodes. */
    String data;
    final List<Attr> attrs = new ArrayList<>();
    final List<XmlNode> children = new ArrayList<>();
    XmlNode parent;

    XmlNode(Type type, String data) {
        this.type = type;
        this.data = data;
    }

    void addChild(XmlNode child) {
        if (child.parent != null) {
            child.parent.children.remove(child);
        }
        child.parent = this;
        children.add(child);
    }

    /** Detaches this node from its parent (upstream's RemoveFromTree). */
    void remove() {
        if (parent != null) {
            parent.children.remove(this);
            parent = null;
        }
    }

    String attr(String name) {
        for (Attr a : attrs) {
            if (a.name.equals(name)) {
                return a.value;
            }
        }
        return null;
    }

    void removeAttr(String name) {
        attrs.removeIf(a -> a.name.equals(name));
    }

    /** The element's local name (after any prefix), as Go's decoder reports {@code Name.Local}. */
    static String localName(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }

    /** The concatenated text and CDATA of this node and its descendants (upstream's InnerText). */
    String innerText() {
        if (type == Type.TEXT || type == Type.CDATA) {
            return data;
        }
        StringBuilder sb = new StringBuilder();
        for (XmlNode c : children) {
            if (c.type == Type.TEXT || c.type == Type.CDATA || c.type == Type.ELEMENT) {
                sb.append(c.innerText());
            }
        }
        return sb.toString();
    }
}

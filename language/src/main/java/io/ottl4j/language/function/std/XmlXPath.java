package io.ottl4j.language.function.std;

import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentFragment;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XPath 1.0 over an {@link XmlNode} tree with the JDK's evaluator: the tree is mirrored into a DOM
 * fragment (a fragment, because upstream documents may hold several top-level elements, and "/" must
 * select that whole document), and the selected DOM nodes are mapped back.
 */
final class XmlXPath {
    /** A selected attribute: the element owning it and its name. */
    record AttrRef(XmlNode owner, String name, String value) {
    }

    private static final String KEY = "ottl4j.xml";
    private final String source;
    private final XPathExpression expression;

    private XmlXPath(String source, XPathExpression expression) {
        this.source = source;
        this.expression = expression;
    }

    /** Compiles {@code xpath}; throws IllegalArgumentException when it is not valid XPath. */
    static XmlXPath compile(String xpath) {
        try {
            return new XmlXPath(xpath, XPathFactory.newInstance().newXPath().compile(xpath));
        } catch (XPathExpressionException e) {
            String msg = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage());
            throw new IllegalArgumentException("invalid xpath: " + msg.trim());
        }
    }

    String source() {
        return source;
    }

    /**
     * The nodes selected in {@code doc}, in document order: {@link XmlNode}s and {@link AttrRef}s; throws
     * IllegalArgumentException when the expression does not select nodes.
     */
    List<Object> select(XmlNode doc) {
        Document dom = newDocument();
        DocumentFragment root = dom.createDocumentFragment();
        root.setUserData(KEY, doc, null);
        try {
            for (XmlNode c : doc.children) {
                mirror(dom, root, c);
            }
        } catch (org.w3c.dom.DOMException e) {
            throw new IllegalArgumentException("xpath " + source + " cannot be evaluated on this document: " + e.getMessage());
        }
        NodeList nodes;
        try {
            // compiled expressions are not safe for concurrent use
            synchronized (expression) {
                nodes = (NodeList) expression.evaluate(root, XPathConstants.NODESET);
            }
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("xpath " + source + " does not select nodes");
        }
        List<Object> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n.getNodeType() == Node.ATTRIBUTE_NODE) {
                XmlNode owner = (XmlNode) ((org.w3c.dom.Attr) n).getOwnerElement().getUserData(KEY);
                out.add(new AttrRef(owner, n.getNodeName(), n.getNodeValue()));
            } else if (n.getUserData(KEY) instanceof XmlNode x) {
                out.add(x);
            }
        }
        sortAttributeRuns(out);
        return out;
    }

    /**
     * The DOM keeps an element's attributes sorted by name, so the evaluator returns them in that order;
     * upstream returns them in document order, which the tree still has.
     */
    private static void sortAttributeRuns(List<Object> selected) {
        int i = 0;
        while (i < selected.size()) {
            if (!(selected.get(i) instanceof AttrRef first)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < selected.size() && selected.get(j) instanceof AttrRef r && r.owner() == first.owner()) {
                j++;
            }
            selected.subList(i, j).sort(java.util.Comparator.comparingInt(o -> indexOf((AttrRef) o)));
            i = j;
        }
    }

    private static int indexOf(AttrRef ref) {
        for (int k = 0; k < ref.owner().attrs.size(); k++) {
            if (ref.owner().attrs.get(k).name.equals(ref.name())) {
                return k;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static void mirror(Document dom, Node parent, XmlNode n) {
        Node m;
        switch (n.type) {
            case ELEMENT -> {
                Element e = dom.createElement(n.data);
                for (XmlNode.Attr a : n.attrs) {
                    e.setAttribute(a.name, a.value);
                }
                for (XmlNode c : n.children) {
                    mirror(dom, e, c);
                }
                m = e;
            }
            case TEXT -> m = dom.createTextNode(n.data);
            case CDATA -> m = dom.createCDATASection(n.data);
            case COMMENT -> m = dom.createComment(n.data);
            default -> {
                // declarations and directives are not addressable by the expressions upstream supports
                return;
            }
        }
        m.setUserData(KEY, n, null);
        parent.appendChild(m);
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // only used to build trees in memory, never to read text; still, no external access at all
            f.setExpandEntityReferences(false);
            f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OTTL converters over XML text: ParseXML, ParseSimplifiedXML, GetXML, InsertXML, RemoveXML,
 * ConvertAttributesToElementsXML, ConvertTextToElementsXML. Documents are read by {@link XmlParser} (no DTDs,
 * no external entities), queried with XPath 1.0 ({@link XmlXPath}) and written by {@link XmlWriter}.
 */
public final class XmlFunctions {
    private XmlFunctions() {
    }

    static XmlXPath compileXPath(String xpath) {
        try {
            return XmlXPath.compile(xpath);
        } catch (IllegalArgumentException e) {
            throw new OttlArgumentException("x_path", e.getMessage());
        }
    }

    static XmlNode parseDocument(String function, String text, Node location) {
        try {
            return XmlParser.parseDocument(text);
        } catch (IllegalArgumentException e) {
            throw new OttlRuntimeException(function + ": parse xml: " + e.getMessage(), location);
        }
    }

    static List<Object> select(String function, XmlXPath xpath, XmlNode doc, Node location) {
        try {
            return xpath.select(doc);
        } catch (IllegalArgumentException e) {
            throw new OttlRuntimeException(function + ": " + e.getMessage(), location);
        }
    }

    @OttlFunction(name = "ParseXML", kind = OttlFunction.Kind.CONVERTER,
            doc = "Parses an XML element into a map with \"tag\", \"attributes\" (map), \"content\" (trimmed, joined "
                    + "text) and \"children\" (list of such maps); comments, processing instructions and directives are "
                    + "ignored. Invalid XML or content after the root element is an error.",
            example = "ParseXML(\"<Log id=\\\"1\\\"><Text>hi</Text></Log>\")")
    public static final class ParseXMLConverter extends ConverterNode {
        @Child private StringGetter target;

        public ParseXMLConverter(@Param("target") StringGetter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return parse(target.get(frame), this);
        }

        @TruffleBoundary
        private static AttributeMap parse(String text, Node location) {
            XmlNode root;
            try {
                root = XmlParser.parseSingleElement(text);
            } catch (IllegalArgumentException e) {
                throw new OttlRuntimeException("ParseXML: unmarshal xml: " + e.getMessage(), location);
            }
            AttributeMap out = new AttributeMap();
            intoMap(root, out);
            return out;
        }

        private static void intoMap(XmlNode el, AttributeMap m) {
            m.put("tag", XmlNode.localName(el.data));
            StringBuilder text = new StringBuilder();
            List<XmlNode> elements = new ArrayList<>();
            for (XmlNode c : el.children) {
                if (c.type == XmlNode.Type.TEXT || c.type == XmlNode.Type.CDATA) {
                    text.append(ParseConverters.goTrimSpace(c.data));
                } else if (c.type == XmlNode.Type.ELEMENT) {
                    elements.add(c);
                }
            }
            if (!text.isEmpty()) {
                m.put("content", text.toString());
            }
            if (!el.attrs.isEmpty()) {
                AttributeMap attrs = m.putEmptyMap("attributes");
                for (XmlNode.Attr a : el.attrs) {
                    attrs.put(XmlNode.localName(a.name), a.value);
                }
            }
            if (!elements.isEmpty()) {
                AttributeList children = m.putEmptyList("children");
                for (XmlNode c : elements) {
                    intoMap(c, children.addEmptyMap());
                }
            }
        }
    }

    @OttlFunction(name = "ParseSimplifiedXML", kind = OttlFunction.Kind.CONVERTER,
            doc = "Parses XML into a map of element name -> text or nested map, ignoring attributes and text mixed "
                    + "with elements; repeated sibling elements become a list, empty elements are dropped.",
            example = "ParseSimplifiedXML(\"<a><b>1</b><b>2</b></a>\")")
    public static final class ParseSimplifiedXMLConverter extends ConverterNode {
        @Child private StringGetter target;

        public ParseSimplifiedXMLConverter(@Param("target") StringGetter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return parse(target.get(frame), this);
        }

        @TruffleBoundary
        private static AttributeMap parse(String text, Node location) {
            XmlNode doc = parseDocument("ParseSimplifiedXML", text, location);
            AttributeMap out = new AttributeMap();
            parseElement(doc, out);
            return out;
        }

        private static void parseElement(XmlNode parent, AttributeMap m) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (XmlNode c : parent.children) {
                if (c.type == XmlNode.Type.ELEMENT) {
                    counts.merge(XmlNode.localName(c.data), 1, Integer::sum);
                }
            }
            for (XmlNode c : parent.children) {
                if (c.type != XmlNode.Type.ELEMENT || c.children.isEmpty()) {
                    continue;
                }
                String key = XmlNode.localName(c.data);
                String leaf = leafValue(c);
                if (counts.get(key) > 1) {
                    AttributeList list = m.get(key) instanceof AttributeList l ? l : m.putEmptyList(key);
                    if (!leaf.isEmpty()) {
                        list.add(leaf);
                        continue;
                    }
                    AttributeMap child = new AttributeMap();
                    parseElement(c, child);
                    if (child.size() > 0) {
                        list.add(child);
                    }
                    continue;
                }
                if (!leaf.isEmpty()) {
                    m.put(key, leaf);
                    continue;
                }
                AttributeMap child = new AttributeMap();
                parseElement(c, child);
                if (child.size() > 0) {
                    m.put(key, child);
                }
            }
        }

        /** The first text of an element without child elements, as is; "" when it has child elements. */
        private static String leafValue(XmlNode el) {
            for (XmlNode c : el.children) {
                if (c.type == XmlNode.Type.ELEMENT) {
                    return "";
                }
            }
            for (XmlNode c : el.children) {
                if (c.type == XmlNode.Type.TEXT || c.type == XmlNode.Type.CDATA) {
                    return c.data;
                }
            }
            return "";
        }
    }

    /** A converter editing or reading the XML document {@code target} at the nodes a compiled XPath selects. */
    abstract static class XPathConverter extends ConverterNode {
        @Child private StringGetter target;
        private final XmlXPath xpath;

        XPathConverter(StringGetter target, String xpath) {
            this.target = target;
            this.xpath = compileXPath(xpath);
        }

        @Override
        public final Object executeGeneric(VirtualFrame frame) {
            return editBoundary(target.get(frame));
        }

        @TruffleBoundary
        private String editBoundary(String text) {
            return edit(text, xpath, this);
        }

        /** The result for the document's text; runs behind a boundary. */
        abstract String edit(String text, XmlXPath xpath, Node location);
    }

    @OttlFunction(name = "GetXML", kind = OttlFunction.Kind.CONVERTER,
            doc = "Returns the XML of the elements (or the text of the text nodes and attributes) an XPath selects, "
                    + "concatenated.",
            example = "GetXML(body, \"/a/b\")")
    public static final class GetXMLConverter extends XPathConverter {
        public GetXMLConverter(@Param("target") StringGetter target, @Param("x_path") String xpath) {
            super(target, xpath);
        }

        @Override
        String edit(String text, XmlXPath xpath, Node location) {
            XmlNode doc = parseDocument("GetXML", text, location);
            XmlNode result = new XmlNode(XmlNode.Type.DOCUMENT, null);
            StringBuilder sb = new StringBuilder();
            for (Object sel : select("GetXML", xpath, doc, location)) {
                if (sel instanceof XmlXPath.AttrRef a) {
                    sb.append(XmlWriter.children(textDoc(result, a.value())));
                } else if (sel instanceof XmlNode n) {
                    switch (n.type) {
                        case ELEMENT, TEXT -> sb.append(XmlWriter.detached(n));
                        case CDATA -> sb.append(XmlWriter.children(textDoc(result, n.data)));
                        default -> {
                        }
                    }
                }
            }
            return sb.toString();
        }

        private static XmlNode textDoc(XmlNode result, String text) {
            result.children.clear();
            result.addChild(new XmlNode(XmlNode.Type.TEXT, text));
            return result;
        }
    }

    @OttlFunction(name = "InsertXML", kind = OttlFunction.Kind.CONVERTER,
            doc = "Inserts the nodes of another XML document as the last children of every element (or the document) "
                    + "an XPath selects; selecting anything else is an error.",
            example = "InsertXML(body, \"/a\", \"<b/>\")")
    public static final class InsertXMLConverter extends ConverterNode {
        @Child private StringGetter target;
        private final XmlXPath xpath;
        @Child private StringGetter subDocument;

        public InsertXMLConverter(@Param("target") StringGetter target, @Param("x_path") String xpath,
                @Param("sub_document") StringGetter subDocument) {
            this.target = target;
            this.xpath = compileXPath(xpath);
            this.subDocument = subDocument;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            String text = target.get(frame);
            String sub = subDocument.get(frame);
            return insert(text, xpath, sub, this);
        }

        @TruffleBoundary
        private static String insert(String text, XmlXPath xpath, String sub, Node location) {
            XmlNode doc = parseDocument("InsertXML", text, location);
            XmlNode subDoc = parseDocument("InsertXML", sub, location);
            List<String> errors = new ArrayList<>();
            for (Object sel : select("InsertXML", xpath, doc, location)) {
                if (sel instanceof XmlNode n && (n.type == XmlNode.Type.ELEMENT || n.type == XmlNode.Type.DOCUMENT)) {
                    for (XmlNode c : subDoc.children) {
                        n.addChild(copy(c));
                    }
                } else {
                    String data = sel instanceof XmlXPath.AttrRef a ? a.name() : ((XmlNode) sel).data;
                    errors.add("InsertXML XPath selected non-element: \"" + data + "\"");
                }
            }
            if (!errors.isEmpty()) {
                throw new OttlRuntimeException(String.join("\n", errors), location);
            }
            return XmlWriter.children(doc);
        }

        private static XmlNode copy(XmlNode n) {
            XmlNode c = new XmlNode(n.type, n.data);
            c.attrs.addAll(n.attrs);
            for (XmlNode child : n.children) {
                c.addChild(copy(child));
            }
            return c;
        }
    }

    @OttlFunction(name = "RemoveXML", kind = OttlFunction.Kind.CONVERTER,
            doc = "Removes the elements, attributes, comments and CDATA an XPath selects (selected text is emptied) "
                    + "and returns the edited XML.",
            example = "RemoveXML(body, \"/a/@foo\")")
    public static final class RemoveXMLConverter extends XPathConverter {
        public RemoveXMLConverter(@Param("target") StringGetter target, @Param("x_path") String xpath) {
            super(target, xpath);
        }

        @Override
        String edit(String text, XmlXPath xpath, Node location) {
            XmlNode doc = parseDocument("RemoveXML", text, location);
            for (Object sel : select("RemoveXML", xpath, doc, location)) {
                if (sel instanceof XmlXPath.AttrRef a) {
                    a.owner().removeAttr(a.name());
                } else if (sel instanceof XmlNode n) {
                    switch (n.type) {
                        case ELEMENT, COMMENT, CDATA -> n.remove();
                        case TEXT -> n.data = "";
                        default -> {
                        }
                    }
                }
            }
            return XmlWriter.children(doc);
        }
    }

    @OttlFunction(name = "ConvertAttributesToElementsXML", kind = OttlFunction.Kind.CONVERTER,
            doc = "Turns the attributes an XPath selects (default: all, \"//@*\") into child elements appended to "
                    + "their element.",
            example = "ConvertAttributesToElementsXML(body, \"/Log/Record/@*\")")
    public static final class ConvertAttributesToElementsXMLConverter extends XPathConverter {
        public ConvertAttributesToElementsXMLConverter(@Param("target") StringGetter target,
                @Param(value = "x_path", optional = true, defaultValue = "//@*") String xpath) {
            super(target, xpath == null || xpath.isEmpty() ? "//@*" : xpath);
        }

        @Override
        String edit(String text, XmlXPath xpath, Node location) {
            XmlNode doc = parseDocument("ConvertAttributesToElementsXML", text, location);
            for (Object sel : selectOrNothing(xpath, doc)) {
                if (sel instanceof XmlXPath.AttrRef a) {
                    XmlNode el = new XmlNode(XmlNode.Type.ELEMENT, a.name());
                    el.addChild(new XmlNode(XmlNode.Type.TEXT, a.value()));
                    a.owner().addChild(el);
                    a.owner().removeAttr(a.name());
                }
            }
            return XmlWriter.children(doc);
        }
    }

    /** Upstream's {@code xmlquery.Find}: an expression that selects no nodes selects nothing. */
    static List<Object> selectOrNothing(XmlXPath xpath, XmlNode doc) {
        try {
            return xpath.select(doc);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    @OttlFunction(name = "ConvertTextToElementsXML", kind = OttlFunction.Kind.CONVERTER,
            doc = "Wraps text that sits beside other nodes into its own element (default name \"value\"), within the "
                    + "elements an XPath selects (default: the whole document).",
            example = "ConvertTextToElementsXML(body, \"/a\", \"value\")")
    public static final class ConvertTextToElementsXMLConverter extends XPathConverter {
        private final String elementName;

        public ConvertTextToElementsXMLConverter(@Param("target") StringGetter target,
                @Param(value = "x_path", optional = true, defaultValue = "/") String xpath,
                @Param(value = "element_name", optional = true, defaultValue = "value") String elementName) {
            super(target, xpath == null || xpath.isEmpty() ? "/" : xpath);
            this.elementName = elementName == null || elementName.isEmpty() ? "value" : elementName;
        }

        @Override
        String edit(String text, XmlXPath xpath, Node location) {
            XmlNode doc = parseDocument("ConvertTextToElementsXML", text, location);
            for (Object sel : selectOrNothing(xpath, doc)) {
                if (sel instanceof XmlNode n) {
                    wrapText(n, elementName);
                }
            }
            return XmlWriter.children(doc);
        }

        private static void wrapText(XmlNode parent, String elementName) {
            if (parent.type != XmlNode.Type.ELEMENT && parent.type != XmlNode.Type.DOCUMENT || parent.children.isEmpty()) {
                return;
            }
            int values = 0;
            int elements = 0;
            for (XmlNode c : parent.children) {
                if (c.type == XmlNode.Type.ELEMENT) {
                    wrapText(c, elementName);
                    elements++;
                } else if (c.type == XmlNode.Type.TEXT) {
                    values++;
                }
            }
            if (values == 0 || elements + values <= 1) {
                return;
            }
            for (XmlNode c : parent.children) {
                if (c.type == XmlNode.Type.TEXT) {
                    XmlNode text = new XmlNode(XmlNode.Type.TEXT, c.data);
                    c.type = XmlNode.Type.ELEMENT;
                    c.data = elementName;
                    text.parent = c;
                    c.children.add(text);
                }
            }
        }
    }
}

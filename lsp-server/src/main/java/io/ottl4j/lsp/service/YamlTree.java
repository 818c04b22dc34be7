package io.ottl4j.lsp.service;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The first YAML document of a buffer as a {@link YNode} tree with char offsets. It is the same YAML
 * parser the collector reads configs with (SnakeYAML, under Jackson's YAML format), asked for the node
 * tree so that positions of keys and scalars are exact.
 */
public final class YamlTree {
    /** A parse: the root (null when empty or broken) or the error with its offset. */
    public record Result(YNode root, String error, int errorOffset) {
        public boolean ok() {
            return error == null;
        }
    }

    private final String text;
    private final boolean ascii;

    private YamlTree(String text) {
        this.text = text;
        this.ascii = text.codePointCount(0, text.length()) == text.length();
    }

    public static Result parse(String text) {
        YamlTree t = new YamlTree(text);
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(true);
        o.setCodePointLimit(Math.max(3 * 1024 * 1024, text.length() + 1));
        try {
            Node root = new Yaml(o).compose(new StringReader(text));
            return new Result(root == null ? null : t.convert(root), null, 0);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String msg = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null) {
                msg = e.getContext() + ": " + msg;
            }
            return new Result(null, msg, m == null ? 0 : t.offset(m));
        } catch (RuntimeException e) {
            return new Result(null, String.valueOf(e.getMessage()), 0);
        }
    }

    private int offset(Mark m) {
        int idx = m.getIndex();
        if (ascii) {
            return Math.min(idx, text.length());
        }
        try {
            return text.offsetByCodePoints(0, Math.min(idx, text.codePointCount(0, text.length())));
        } catch (IndexOutOfBoundsException e) {
            return text.length();
        }
    }

    private YNode convert(Node n) {
        int s = offset(n.getStartMark());
        int e = offset(n.getEndMark());
        if (n instanceof ScalarNode sn) {
            YNode.Style style = switch (sn.getScalarStyle()) {
                case SINGLE_QUOTED -> YNode.Style.SINGLE_QUOTED;
                case DOUBLE_QUOTED -> YNode.Style.DOUBLE_QUOTED;
                case LITERAL -> YNode.Style.LITERAL;
                case FOLDED -> YNode.Style.FOLDED;
                default -> YNode.Style.PLAIN;
            };
            return new YNode.Scalar(sn.getValue(), style, s, e);
        }
        if (n instanceof MappingNode mn) {
            List<YNode.Entry> entries = new ArrayList<>();
            for (NodeTuple t : mn.getValue()) {
                if (convert(t.getKeyNode()) instanceof YNode.Scalar k) {
                    entries.add(new YNode.Entry(k, convert(t.getValueNode())));
                }
            }
            return new YNode.MapNode(entries, s, e);
        }
        if (n instanceof SequenceNode qn) {
            List<YNode> items = new ArrayList<>();
            for (Node i : qn.getValue()) {
                items.add(convert(i));
            }
            return new YNode.Seq(items, s, e);
        }
        return new YNode.Scalar("", YNode.Style.PLAIN, s, e); // an alias: shown as empty
    }
}

package io.ottl4j.repl;

import io.ottl4j.language.CompiledExpression;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.OttlCompileException;
import io.ottl4j.language.catalog.FunctionDef;
import io.ottl4j.language.inspect.PathCatalog;
import io.ottl4j.language.inspect.PathInfo;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.repl.data.Render;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.completer.FileNameCompleter;

/**
 * Tab completion: commands, context names, paths of the current context (own and prefixed), attribute
 * keys present in the loaded data, function names with their signatures, enum symbols and keywords.
 */
final class OttlCompleter implements Completer {
    /** One completion: what replaces the word, a description, and whether a space may follow. */
    record Item(String value, String description, boolean complete) {
    }

    private static final Pattern KEYED = Pattern.compile("^([a-z_][a-z_0-9.]*(?:\\[[^\\]]*\\])*)\\[(\"?)([^\"\\]]*)$");
    private static final List<String> KEYWORDS = List.of("where", "and", "or", "not", "nil", "true", "false");

    private final Session session;
    private final FileNameCompleter files = new FileNameCompleter();

    OttlCompleter(Session session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String text = line.line();
        if (fileArgument(text, line.cursor())) {
            files.complete(reader, line, candidates);
            return;
        }
        List<Item> items;
        try {
            items = complete(text, line.cursor());
        } catch (RuntimeException | LinkageError e) {
            return; // completion is a convenience: a failure must never reach the line reader
        }
        for (Item i : items) {
            String display = i.value().endsWith("(") ? i.value().substring(0, i.value().length() - 1) : i.value();
            candidates.add(new Candidate(i.value(), display, null, i.description(), null, null, i.complete()));
        }
    }

    private static boolean fileArgument(String text, int cursor) {
        String before = text.substring(0, cursor).stripLeading();
        return (before.startsWith(":load ") || before.startsWith(":save ")) && cursor > 0;
    }

    /** The completions of the word at {@code cursor}, filtered by what is typed of it. */
    List<Item> complete(String line, int cursor) {
        int start = Words.wordStart(line, cursor);
        String word = line.substring(start, cursor);
        String before = line.substring(0, start).strip();
        List<Item> all = new ArrayList<>();
        if (before.isEmpty() && word.startsWith(":")) {
            for (String[] c : Commands.ALL) {
                all.add(new Item(c[0], c[2], true));
            }
        } else if (before.equals(":context") || before.equals(":c")) {
            for (ContextKind k : ContextKind.values()) {
                all.add(new Item(k.configName(), Names.plural(k), true));
            }
        } else if (before.equals(":functions") || before.equals(":f")) {
            for (FunctionDef f : session.ottl().catalog().all()) {
                all.add(new Item(f.name(), f.signature(), true));
            }
        } else {
            Matcher m = KEYED.matcher(word);
            if (m.matches()) {
                keys(m.group(1), all);
            } else if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                converters(all);
                enums(all);
            } else if (word.isEmpty() || Character.isLowerCase(word.charAt(0)) || word.charAt(0) == '_') {
                if (!word.contains(".")) {
                    editors(all);
                    for (String k : KEYWORDS) {
                        all.add(new Item(k, "keyword", true));
                    }
                }
                paths(all);
                if (word.isEmpty()) {
                    converters(all);
                }
            }
        }
        List<Item> out = new ArrayList<>();
        for (Item i : all) {
            if (i.value().startsWith(word)) {
                out.add(i);
            }
        }
        return out;
    }

    private void editors(List<Item> out) {
        ContextKind ctx = session.context();
        for (FunctionDef f : session.ottl().catalog().all()) {
            if (f.isEditor() && f.availableIn(ctx) && gateOpen(f)) {
                out.add(new Item(f.name() + "(", f.signature(), false));
            }
        }
    }

    private void converters(List<Item> out) {
        ContextKind ctx = session.context();
        for (FunctionDef f : session.ottl().catalog().all()) {
            if (!f.isEditor() && f.availableIn(ctx) && gateOpen(f)) {
                out.add(new Item(f.name() + "(", f.signature(), false));
            }
        }
    }

    private boolean gateOpen(FunctionDef f) {
        return f.featureGate().isEmpty() || session.ottl().featureGates().contains(f.featureGate());
    }

    private void enums(List<Item> out) {
        for (Map.Entry<String, Long> e : PathCatalog.of(session.context()).enums().entrySet()) {
            out.add(new Item(e.getKey(), "enum = " + e.getValue(), true));
        }
    }

    private void paths(List<Item> out) {
        for (PathInfo p : PathCatalog.of(session.context()).allPaths()) {
            out.add(new Item(p.path(), p.type() + (p.doc().isEmpty() ? "" : " — " + p.doc()), false));
        }
    }

    /** Keys of the map at {@code path} in the loaded records, each with a value seen for it. */
    private void keys(String path, List<Item> out) {
        ContextKind ctx = session.context();
        CompiledExpression ce;
        try {
            ce = session.ottl().compileExpression(ctx, path);
        } catch (OttlCompileException | RuntimeException e) {
            return;
        }
        Map<String, String> seen = new LinkedHashMap<>();
        Evaluator.forEachRecord(session.data(), ctx, r -> {
            try {
                if (ce.evaluate(r) instanceof AttributeMap m) {
                    for (int i = 0; i < m.size(); i++) {
                        seen.putIfAbsent(m.keyAt(i), Render.clip(Render.value(m.valueAt(i)), 40));
                    }
                }
            } catch (RuntimeException e) {
                // a record where the path fails to evaluate has no keys to offer
            }
        });
        for (Map.Entry<String, String> e : seen.entrySet()) {
            out.add(new Item(path + "[" + Render.quote(e.getKey()) + "]", "e.g. " + e.getValue(), false));
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

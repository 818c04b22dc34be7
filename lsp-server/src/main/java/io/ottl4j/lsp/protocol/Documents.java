package io.ottl4j.lsp.protocol;

import io.ottl4j.lsp.service.Analysis;
import io.ottl4j.lsp.service.LanguageService;
import io.ottl4j.lsp.service.LineIndex;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** The open documents' current texts, and their analyses brought up to date on demand. */
final class Documents {
    record Doc(String uri, String text, int version) {
    }

    private final Map<String, Doc> docs = new ConcurrentHashMap<>();
    private final LanguageService service;

    Documents(LanguageService service) {
        this.service = service;
    }

    void open(String uri, String text, int version) {
        docs.put(uri, new Doc(uri, text, version));
    }

    Doc change(String uri, int version, List<TextDocumentContentChangeEvent> changes) {
        Doc d = docs.get(uri);
        String text = d == null ? "" : d.text();
        for (TextDocumentContentChangeEvent c : changes) {
            if (c.getRange() == null) {
                text = c.getText();
            } else {
                LineIndex li = new LineIndex(text);
                int s = offset(li, c.getRange().getStart());
                int e = offset(li, c.getRange().getEnd());
                text = text.substring(0, s) + c.getText() + text.substring(Math.max(s, e));
            }
        }
        Doc nd = new Doc(uri, text, version);
        docs.put(uri, nd);
        return nd;
    }

    void close(String uri) {
        docs.remove(uri);
        service.close(uri);
    }

    Doc doc(String uri) {
        return docs.get(uri);
    }

    /**
     * The analysis of the document's current text, or null when not open. When stale it is made now: for
     * diagnostics ({@code validate}) in full, for other requests without the config-wide validation, which
     * the debounced diagnostics run adds a moment later.
     */
    synchronized Analysis analysis(String uri, boolean validate) {
        Doc d = docs.get(uri);
        if (d == null) {
            return null;
        }
        Analysis a = service.get(uri);
        if (a != null && a.text.equals(d.text()) && (a.validated || !validate)) {
            return a;
        }
        return service.update(uri, d.text(), validate);
    }

    static int offset(LineIndex li, Position p) {
        return li.offset(p.getLine(), p.getCharacter());
    }

    static Position position(LineIndex li, int offset) {
        LineIndex.Pos p = li.position(offset);
        return new Position(p.line(), p.character());
    }

    static Range range(LineIndex li, int start, int end) {
        return new Range(position(li, start), position(li, end));
    }
}

package io.ottl4j.lsp.protocol;

import org.eclipse.lsp4j.PublishDiagnosticsParams;

/** Notifications to the client that must never throw into the server. */
final class LanguageClientCalls {
    private LanguageClientCalls() {
    }

    static void publish(OttlLanguageServer server, PublishDiagnosticsParams p) {
        var c = server.client();
        if (c != null) {
            try {
                c.publishDiagnostics(p);
            } catch (RuntimeException e) {
                // the client went away
            }
        }
    }
}

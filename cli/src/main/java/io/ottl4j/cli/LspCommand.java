package io.ottl4j.cli;

import io.ottl4j.lsp.LspMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ottl lsp}: the language server for collector configs, {@code .ottl} files and test files. */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = {"Language server (LSP) for collector YAML configs with OTTL inside, .ottl files and ottl test files.",
                "Speaks JSON-RPC on stdin/stdout by default; --socket PORT serves one client on 127.0.0.1:PORT instead.",
                "See docs/editors.md for VS Code, Neovim, Helix, Zed, Emacs and JetBrains set-up."})
final class LspCommand implements Callable<Integer> {
    @Option(names = "--socket", paramLabel = "PORT", description = "Listen on 127.0.0.1:PORT (0 picks a free port, printed to stderr).")
    Integer socket;

    @Option(names = "--stdio", description = "Use stdin/stdout (the default; accepted because many clients pass it).")
    boolean stdio;

    @Override
    public Integer call() throws Exception {
        return socket != null ? LspMain.socket(socket) : LspMain.stdio();
    }
}

// Starts `ottl lsp` for YAML and .ottl documents. Everything else lives in the server.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const cfg = vscode.workspace.getConfiguration('ottl');
  const server = { command: cfg.get('path', 'ottl'), args: cfg.get('args', ['lsp']), transport: TransportKind.stdio };
  client = new LanguageClient('ottl', 'OTTL language server', { run: server, debug: server }, {
    documentSelector: [{ language: 'yaml' }, { language: 'ottl' }],
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

/** The OTTL language server: a thin LSP4J protocol layer over a plain-Java language service. */
package io.ottl4j.lsp;

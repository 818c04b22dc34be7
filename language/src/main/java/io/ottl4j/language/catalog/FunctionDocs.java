package io.ottl4j.language.catalog;

import io.ottl4j.language.ContextKind;
import io.ottl4j.language.Ottl;
import java.util.List;
import java.util.stream.Collectors;

/** Renders the catalog as docs/functions.md (generated, never edited by hand) and as text for the CLI. */
public final class FunctionDocs {
    private FunctionDocs() {
    }

    public static String markdown(FunctionCatalog catalog) {
        List<FunctionDef> all = catalog.all().stream().sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
        List<FunctionDef> editors = all.stream().filter(FunctionDef::isEditor).toList();
        List<FunctionDef> converters = all.stream().filter(d -> !d.isEditor()).toList();
        StringBuilder sb = new StringBuilder();
        sb.append("# OTTL functions\n\n");
        sb.append("<!-- Generated from the function catalog by FunctionCatalogTest (-Dottl.docs.update=true); do not edit. -->\n\n");
        sb.append(editors.size()).append(" editors and ").append(converters.size()).append(" converters. ");
        sb.append("Editors change the record and start a statement; converters return a value.\n\n");
        section(sb, "Editors", editors);
        section(sb, "Converters", converters);
        return sb.toString();
    }

    /** The baseline form, and upstream's current one behind the gate when the parameter was relaxed. */
    private static String accepts(ParamDef p) {
        if (p.relaxed() == null) {
            return p.kind().description();
        }
        return p.kind().description() + "; with `" + Ottl.CURRENT_SIGNATURES_GATE + "`: "
                + (p.relaxed().name().equals(p.name()) ? "" : "`" + p.relaxed().name() + "`, ") + p.relaxed().kind().description();
    }

    private static void section(StringBuilder sb, String title, List<FunctionDef> defs) {
        sb.append("## ").append(title).append("\n\n");
        for (FunctionDef d : defs) {
            sb.append("### `").append(d.name()).append("`\n\n");
            sb.append("`").append(d.signature()).append("`\n\n");
            if (d.hasBaselineParams()) {
                sb.append("With the feature gate `").append(Ottl.CURRENT_SIGNATURES_GATE).append("` (post-baseline upstream signatures): `")
                        .append(d.current().signature()).append("`\n\n");
            }
            sb.append(d.doc()).append("\n\n");
            if (!d.contexts().isEmpty()) {
                sb.append("Contexts: ").append(d.contexts().stream().map(ContextKind::configName).collect(Collectors.joining(", ")))
                        .append(".\n\n");
            }
            if (!d.featureGate().isEmpty()) {
                sb.append("Requires the feature gate `").append(d.featureGate()).append("`.\n\n");
            }
            if (d.deprecated()) {
                sb.append("Deprecated.\n\n");
            }
            if (!d.params().isEmpty()) {
                sb.append("| parameter | accepts | optional |\n|---|---|---|\n");
                for (ParamDef p : d.params()) {
                    sb.append("| `").append(p.name()).append("` | ").append(accepts(p)).append(" | ")
                            .append(p.optional() ? "yes" + (p.defaultValue().isEmpty() ? "" : ", default `" + p.defaultValue() + "`") : "no")
                            .append(" |\n");
                }
                sb.append('\n');
            }
            if (!d.example().isEmpty()) {
                sb.append("```\n").append(d.example()).append("\n```\n\n");
            }
        }
    }
}

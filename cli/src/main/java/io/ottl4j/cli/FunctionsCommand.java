package io.ottl4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.catalog.FunctionCatalog;
import io.ottl4j.language.catalog.FunctionDef;
import io.ottl4j.language.catalog.ParamDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ottl functions [NAME] [--json]}: the function catalog. */
@Command(name = "functions", mixinStandardHelpOptions = true, description = "List OTTL functions, or show one.")
final class FunctionsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A function name (case-insensitive).")
    String name;

    @Option(names = "--json", description = "Print the catalog as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        FunctionCatalog catalog = FunctionCatalog.standard();
        List<FunctionDef> defs = new ArrayList<>();
        for (FunctionDef d : catalog.all()) {
            if (name == null || d.name().equalsIgnoreCase(name)) {
                defs.add(d);
            }
        }
        if (defs.isEmpty()) {
            String guess = io.ottl4j.language.internal.binder.Suggestions.closest(name, catalog.all().stream().map(FunctionDef::name).toList());
            System.err.println("no function named " + name + (guess == null ? "" : "; did you mean " + guess + "?"));
            return 1;
        }
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (FunctionDef d : defs) {
                out.add(toJson(d));
            }
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(name == null ? out : out.get(0)));
            return 0;
        }
        for (FunctionDef d : defs) {
            if (name == null) {
                System.out.printf("%-10s %-42s %s%n", d.isEditor() ? "editor" : "converter", d.name(), d.doc());
            } else {
                System.out.println(d.signature());
                System.out.println("  " + (d.isEditor() ? "editor" : "converter") + ": " + d.doc());
                for (ParamDef p : d.params()) {
                    System.out.println("  " + p.signature() + (p.optional() && !p.defaultValue().isEmpty() ? " = " + p.defaultValue() : ""));
                }
                if (!d.contexts().isEmpty()) {
                    System.out.println("  contexts: " + d.contexts());
                }
                if (!d.featureGate().isEmpty()) {
                    System.out.println("  feature gate: " + d.featureGate());
                }
                if (!d.example().isEmpty()) {
                    System.out.println("  example: " + d.example());
                }
            }
        }
        return 0;
    }

    private static Map<String, Object> toJson(FunctionDef d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("kind", d.isEditor() ? "editor" : "converter");
        m.put("doc", d.doc());
        m.put("signature", d.signature());
        List<Map<String, Object>> params = new ArrayList<>();
        for (ParamDef p : d.params()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("type", p.kind().description());
            pm.put("optional", p.optional());
            if (!p.defaultValue().isEmpty()) {
                pm.put("default", p.defaultValue());
            }
            params.add(pm);
        }
        m.put("parameters", params);
        m.put("contexts", d.contexts().isEmpty() ? List.of("all") : d.contexts().stream().map(ContextKind::configName).toList());
        if (!d.featureGate().isEmpty()) {
            m.put("featureGate", d.featureGate());
        }
        if (d.deprecated()) {
            m.put("deprecated", true);
        }
        if (!d.example().isEmpty()) {
            m.put("example", d.example());
        }
        return m;
    }
}

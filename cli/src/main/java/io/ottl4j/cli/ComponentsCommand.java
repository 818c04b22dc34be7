package io.ottl4j.cli;

import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.component.Components;
import io.ottl4j.collector.component.Factory;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.pdata.Signal;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ottl components}: every component type of this build with its stability, as YAML. */
@Command(name = "components", mixinStandardHelpOptions = true, description = "List the collector components of this build with their stability.")
public final class ComponentsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Components components = Builtins.components();
        StringBuilder sb = new StringBuilder();
        for (Kind k : Kind.values()) {
            sb.append(k.section()).append(":\n");
            for (Factory<?> f : components.all(k)) {
                sb.append("  - name: ").append(f.type()).append('\n');
                if (!f.aliases().isEmpty()) {
                    sb.append("    aliases: ").append(f.aliases()).append("  # deprecated names\n");
                }
                if (!f.description().isEmpty()) {
                    sb.append("    description: ").append(f.description()).append('\n');
                }
                sb.append("    stability:\n");
                if (k == Kind.EXTENSION) {
                    sb.append("      extension: ").append(f.stability().values().iterator().next().label()).append('\n');
                } else {
                    Map<String, Stability> sorted = new TreeMap<>();
                    for (Map.Entry<Signal, Stability> e : f.stability().entrySet()) {
                        sorted.put(e.getKey().name().toLowerCase(java.util.Locale.ROOT), e.getValue());
                    }
                    sorted.forEach((s, v) -> sb.append("      ").append(s).append(": ").append(v.label()).append('\n'));
                }
            }
        }
        System.out.print(sb);
        return 0;
    }
}

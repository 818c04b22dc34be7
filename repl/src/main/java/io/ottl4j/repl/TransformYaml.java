package io.ottl4j.repl;

import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.pdata.Signal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A session's statements as the {@code transform} processor's configuration: one
 * {@code <signal>_statements} list per signal the statements ran on, consecutive statements of one
 * context grouped under one {@code context:} entry, in session order. Around it, the smallest complete
 * collector configuration (OTLP in, debug out, one pipeline per signal), so that the file runs and
 * {@code ottl validate} accepts it as it is; copy the {@code transform:} block into your own config.
 */
final class TransformYaml {
    private record Group(ContextKind context, List<String> statements) {
    }

    private TransformYaml() {
    }

    static String render(List<Session.Step> steps, ErrorMode errorMode) {
        Map<Signal, List<Group>> bySignal = new EnumMap<>(Signal.class);
        for (Session.Step s : steps) {
            for (Signal signal : s.signals()) {
                List<Group> groups = bySignal.computeIfAbsent(signal, k -> new ArrayList<>());
                Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
                if (last == null || last.context() != s.context()) {
                    last = new Group(s.context(), new ArrayList<>());
                    groups.add(last);
                }
                last.statements().add(s.statement());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# statements from an ottl repl session; check with: ottl validate --config <this file>\n");
        sb.append("receivers:\n  otlp:\n    protocols:\n      grpc:\n      http:\n");
        sb.append("processors:\n");
        sb.append("  transform:\n");
        sb.append("    error_mode: ").append(errorMode.configName()).append('\n');
        for (Map.Entry<Signal, List<Group>> e : bySignal.entrySet()) {
            sb.append("    ").append(section(e.getKey())).append(":\n");
            for (Group g : e.getValue()) {
                sb.append("      - context: ").append(g.context().configName()).append('\n');
                sb.append("        statements:\n");
                for (String st : g.statements()) {
                    sb.append("          - ").append(quote(st)).append('\n');
                }
            }
        }
        sb.append("exporters:\n  debug:\n");
        sb.append("service:\n  pipelines:\n");
        for (Signal signal : bySignal.keySet()) {
            sb.append("    ").append(pipeline(signal)).append(":\n");
            sb.append("      receivers: [otlp]\n      processors: [transform]\n      exporters: [debug]\n");
        }
        return sb.toString();
    }

    private static String pipeline(Signal s) {
        return switch (s) {
            case TRACES -> "traces";
            case METRICS -> "metrics";
            case LOGS -> "logs";
            case PROFILES -> "profiles";
        };
    }

    private static String section(Signal s) {
        return switch (s) {
            case TRACES -> "trace_statements";
            case METRICS -> "metric_statements";
            case LOGS -> "log_statements";
            case PROFILES -> "profile_statements";
        };
    }

    /** A YAML single-quoted scalar: nothing is an escape inside except a doubled quote; newlines fold to spaces. */
    static String quote(String s) {
        return "'" + s.replace("\r", "").replaceAll("\\s*\n\\s*", " ").replace("'", "''") + "'";
    }
}

package io.ottl4j.collector.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a configuration, at once. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        this(inReadingOrder(problems), true);
    }

    private ConfigException(List<ConfigProblem> sorted, boolean unused) {
        super(sorted.stream().map(ConfigProblem::format).collect(Collectors.joining("\n")));
        this.problems = sorted;
    }

    /**
     * The problems as a reader meets them: by source (in the order the sources first appear), then line and column;
     * problems without a position last. The sort is stable, so problems at one position keep their order.
     */
    static List<ConfigProblem> inReadingOrder(List<ConfigProblem> problems) {
        java.util.Map<String, Integer> sources = new java.util.HashMap<>();
        for (ConfigProblem p : problems) {
            sources.putIfAbsent(p.location().source(), sources.size());
        }
        java.util.Comparator<ConfigProblem> order = java.util.Comparator
                .<ConfigProblem>comparingInt(p -> p.location().line() > 0 ? 0 : 1)
                .thenComparingInt(p -> sources.get(p.location().source()))
                .thenComparingInt(p -> p.location().line())
                .thenComparingInt(p -> p.location().column());
        return problems.stream().sorted(order).toList();
    }

    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}

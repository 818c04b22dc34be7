package io.ottl4j.collector.config;

import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems so that validation reports all of them at once. */
public final class Problems {
    private final List<ConfigProblem> list = new ArrayList<>();

    public void add(Location location, String path, String code, String message) {
        list.add(new ConfigProblem(location == null ? Location.UNKNOWN : location, path, code, message));
    }

    public void add(ConfigProblem p) {
        list.add(p);
    }

    public void addAll(List<ConfigProblem> ps) {
        list.addAll(ps);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    public List<ConfigProblem> list() {
        return List.copyOf(list);
    }

    public void throwIfAny() throws ConfigException {
        if (!list.isEmpty()) {
            throw new ConfigException(list);
        }
    }
}

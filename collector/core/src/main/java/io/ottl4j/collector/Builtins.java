package io.ottl4j.collector;

import io.ottl4j.collector.component.Components;
import io.ottl4j.collector.component.Factory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The components of this build: every {@link Factory} registered through {@link ServiceLoader}
 * ({@code META-INF/services/io.ottl4j.collector.component.Factory}) by the modules on the class path. The core
 * names none of the component families, so a distribution is its class path, like upstream's builder list.
 */
public final class Builtins {
    private static volatile Components cached;

    private Builtins() {
    }

    public static Components components() {
        Components c = cached;
        if (c == null) {
            List<Factory<?>> factories = new ArrayList<>();
            for (Factory<?> f : ServiceLoader.load(Factory.class, Builtins.class.getClassLoader())) {
                factories.add(f);
            }
            c = new Components(factories);
            cached = c;
        }
        return c;
    }
}

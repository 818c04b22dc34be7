package io.ottl4j.collector.extension.storage;

import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Kind;
import java.io.IOException;

/**
 * An extension that hands out {@link StorageClient}s, one key space per (component kind, component ID, name) as
 * upstream's {@code storage.Extension}; the name separates one component's instances (e.g. an exporter's signals).
 */
public interface StorageExtension extends Component {
    StorageClient client(Kind kind, ComponentId id, String name) throws IOException;

    /** The started storage extension {@code id}, or an error in upstream's words when it is missing or not storage. */
    static StorageExtension find(Host host, ComponentId id) {
        Component c = host.extensions().get(id);
        if (c == null) {
            throw new IllegalStateException("storage extension '" + id + "' not found (list it under service::extensions)");
        }
        if (!(c instanceof StorageExtension s)) {
            throw new IllegalStateException("non-storage extension '" + id + "' found");
        }
        return s;
    }
}

package io.ottl4j.collector.extension.headerssetter;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExtensionFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.extension.auth.ClientAuthenticator;
import io.ottl4j.pdata.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code headers_setter} extension (a client authenticator, as upstream): sets, updates or deletes
 * request headers from a fixed {@code value} or {@code from_context} (the request metadata of the client
 * that sent the data; receivers keep it with {@code include_metadata: true}, and it reaches the exporter when
 * the export runs on the receiving call, i.e. with the exporter's sending queue disabled), with
 * {@code default_value} when the context lacks it. {@code from_attribute} (authentication data) is read from
 * the same metadata.
 */
public final class HeadersSetterExtensionFactory implements ExtensionFactory<HeadersSetterExtensionFactory.Config> {
    public enum Action {
        INSERT, UPDATE, UPSERT, DELETE
    }

    /** Exactly one of {@code value} / {@code fromContext} / {@code fromAttribute} is set (except for delete). */
    public record Header(String key, Action action, String value, String fromContext, String fromAttribute, String defaultValue) {
    }

    public record Config(List<Header> headers) {
    }

    @Override
    public String type() {
        return "headers_setter";
    }

    @Override
    public List<String> aliases() {
        return List.of("headerssetter");
    }

    @Override
    public String description() {
        return "sets request headers of exporters from fixed values or the client's request metadata";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.ALPHA);
    }

    @Override
    public Config decode(Conf c) {
        List<Header> out = new ArrayList<>();
        List<Conf> list = c.list("headers");
        if (list.isEmpty()) {
            c.error("headers", "missing header configuration");
        }
        for (Conf h : list) {
            String key = h.string("key", "");
            if (key.isEmpty()) {
                h.error("key", "missing header key");
            }
            String actionText = h.string("action", "upsert");
            Action action = switch (actionText) {
                case "insert" -> Action.INSERT;
                case "update" -> Action.UPDATE;
                case "upsert" -> Action.UPSERT;
                case "delete" -> Action.DELETE;
                default -> {
                    h.error("action", "unknown action " + actionText + " (valid values: insert, update, upsert, delete)");
                    yield Action.UPSERT;
                }
            };
            String value = h.present("value") ? h.string("value", "") : null;
            String fromContext = h.present("from_context") ? h.string("from_context", "") : null;
            String fromAttribute = h.present("from_attribute") ? h.string("from_attribute", "") : null;
            String def = h.present("default_value") ? h.string("default_value", "") : null;
            int sources = (value != null ? 1 : 0) + (fromContext != null ? 1 : 0) + (fromAttribute != null ? 1 : 0);
            if (action != Action.DELETE && sources == 0) {
                h.error("value", "missing header source, must be 'from_context', 'from_attribute' or 'value'");
            } else if (sources > 1) {
                h.error("value", "ambiguous header source, must be only one of 'from_context', 'from_attribute' or 'value'");
            }
            h.finish();
            out.add(new Header(key, action, value, fromContext, fromAttribute, def));
        }
        return new Config(List.copyOf(out));
    }

    @Override
    public Component create(CreateSettings settings, Config config) {
        return new Setter(config);
    }

    static final class Setter implements Component, ClientAuthenticator {
        private final Config config;

        Setter(Config config) {
            this.config = config;
        }

        private static String find(Map<String, String> headers, String key) {
            for (String k : headers.keySet()) {
                if (k.equalsIgnoreCase(key)) {
                    return k;
                }
            }
            return null;
        }

        @Override
        public void apply(Map<String, String> headers, ClientInfo client) {
            for (Header h : config.headers()) {
                String existing = find(headers, h.key());
                if (h.action() == Action.DELETE) {
                    if (existing != null) {
                        headers.remove(existing);
                    }
                    continue;
                }
                String v = h.value();
                if (v == null) {
                    String from = h.fromContext() != null ? h.fromContext() : h.fromAttribute();
                    List<String> values = client.get(from);
                    v = values.isEmpty() ? h.defaultValue() : String.join(";", values);
                }
                if (v == null || v.isEmpty()) {
                    continue; // upstream skips an empty value
                }
                boolean set = switch (h.action()) {
                    case INSERT -> existing == null;
                    case UPDATE -> existing != null;
                    default -> true;
                };
                if (set) {
                    if (existing != null) {
                        headers.remove(existing);
                    }
                    headers.put(h.key(), v);
                }
            }
        }
    }
}

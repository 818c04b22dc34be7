package io.ottl4j.collector.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Files the tests read, carried in test resources so that a clone with nothing beside it runs every test. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The seed (acceptance) config: the Mastodon production collector, as an OpenTelemetryCollector document. */
    public static Path mastodonConfig() {
        return resource("/fixtures/mastodon-collector.yaml");
    }

    /** A test resource as a file; a missing one fails the test. */
    public static Path resource(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new AssertionError("test resource " + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new AssertionError("test resource " + name + " is not a file: " + url, e);
        }
    }
}

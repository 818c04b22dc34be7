package io.ottl4j.collector.processor.resourcedetection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.Problems;
import io.ottl4j.collector.config.YamlReader;
import io.ottl4j.collector.k8s.KubernetesClients;
import io.ottl4j.collector.k8s.MockKubernetesApi;
import io.ottl4j.collector.processor.resourcedetection.internal.SystemDetector;
import io.ottl4j.collector.telemetry.SelfTelemetry;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the detector tests share: a loopback metadata server (EC2, GCE and Azure answers; tests add their own paths),
 * a prepared file-system root, a controlled environment, and a processor run on one span.
 */
abstract class DetectionTestBase {
    @TempDir
    Path root;
    protected final Map<String, String> env = new HashMap<>();
    protected HttpServer metadata;
    protected final CountDownLatch release = new CountDownLatch(1);
    protected final List<ProcessorFactory.Processor> started = new ArrayList<>();
    // detection logs at INFO/WARNING by design; the tests assert outcomes instead
    private static final Logger QUIET = quiet();

    private static Logger quiet() {
        // named after the component id the tests give, and after the canonical type
        Logger.getLogger("io.ottl4j.collector.processor.resource_detection").setLevel(Level.OFF);
        Logger l = Logger.getLogger("io.ottl4j.collector.processor.resourcedetection");
        l.setLevel(Level.OFF);
        return l;
    }

    /** Host names without DNS: dns fails, os answers. */
    protected static final SystemDetector.Names NAMES = new SystemDetector.Names() {
        @Override
        public String osHostname() {
            return "web-7";
        }

        @Override
        public String fqdn(String hostname) {
            throw new IllegalStateException("no DNS in tests");
        }

        @Override
        public String cname(String hostname) {
            return hostname + ".example.internal";
        }

        @Override
        public String lookup(String hostname) {
            return hostname + ".lookup.internal";
        }
    };

    @BeforeEach
    void server() throws IOException {
        metadata = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        metadata.createContext("/latest/api/token", x -> reply(x, "PUT".equals(x.getRequestMethod()) ? "tok-1" : "", 200));
        metadata.createContext("/latest/dynamic/instance-identity/document", x -> reply(x, "tok-1".equals(x.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))
                ? "{\"accountId\":\"123456789012\",\"availabilityZone\":\"eu-west-1b\",\"imageId\":\"ami-1\",\"instanceId\":\"i-0abc\",\"instanceType\":\"m7g.large\",\"region\":\"eu-west-1\"}"
                : "", "tok-1".equals(x.getRequestHeaders().getFirst("X-aws-ec2-metadata-token")) ? 200 : 401));
        metadata.createContext("/latest/meta-data/hostname", x -> reply(x, "ip-10-0-0-7.eu-west-1.compute.internal", 200));
        metadata.createContext("/computeMetadata/v1/", x -> {
            if (!"Google".equals(x.getRequestHeaders().getFirst("Metadata-Flavor"))) {
                reply(x, "", 403);
                return;
            }
            String p = x.getRequestURI().getPath().substring("/computeMetadata/v1/".length());
            Map<String, String> gce = Map.of("project/project-id", "acme-prod", "instance/zone", "projects/42/zones/europe-west4-a", "instance/id", "8811",
                    "instance/name", "gke-node-1", "instance/machine-type", "projects/42/machineTypes/e2-standard-4", "instance/attributes/cluster-name",
                    "mastodon", "instance/hostname", "gke-node-1.c.acme-prod.internal", "instance/attributes/cluster-location", "europe-west4",
                    "instance/region", "projects/42/regions/europe-west4");
            reply(x, gce.getOrDefault(p, ""), gce.containsKey(p) ? 200 : 404);
        });
        metadata.createContext("/metadata/instance/compute", x -> reply(x, "True".equals(x.getRequestHeaders().getFirst("Metadata"))
                ? "{\"location\":\"westeurope\",\"name\":\"vm-1\",\"osProfile\":{\"computerName\":\"vm-1-host\"},\"vmId\":\"vm-uuid\",\"vmSize\":\"Standard_D2s_v5\",\"subscriptionId\":\"sub-1\","
                        + "\"resourceGroupName\":\"rg-1\",\"vmScaleSetName\":\"\",\"zone\":\"2\"}" : "", 200));
        metadata.createContext("/hang", x -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(x, "", 500);
        });
        metadata.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        metadata.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (ProcessorFactory.Processor p : started) {
            p.shutdown();
        }
        release.countDown();
        metadata.stop(0);
    }

    protected static void reply(HttpExchange x, String body, int status) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            x.getResponseBody().write(b);
        }
        x.close();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + metadata.getAddress().getPort() + path;
    }

    protected ResourceDetectionProcessorFactory factory(KubernetesClients clients) {
        return new ResourceDetectionProcessorFactory(env::get, root, NAMES, clients);
    }

    protected AttributeMap run(String yaml, Object... existing) throws Exception {
        return run(factory(KubernetesClients.system()), yaml, existing);
    }

    protected AttributeMap run(ResourceDetectionProcessorFactory f, String yaml, Object... existing) throws Exception {
        Problems problems = new Problems();
        // a failing detector is retried until the timeout by default (as upstream): the tests that expect a failure
        // want it at once, so retry is off unless a test sets it
        String text = yaml.contains("retry:") ? yaml : yaml + "\nretry: {enabled: false}";
        Conf c = new Conf(YamlReader.read(text, "test.yaml"), "processors::resourcedetection", problems);
        ResourceDetectionProcessorFactory.Config cfg = f.decode(c);
        c.finish();
        assertThat(problems.isEmpty()).as(problems.list().toString()).isTrue();
        List<TelemetryBatch<?>> out = new ArrayList<>();
        ProcessorFactory.Processor p = f.create(new CreateSettings(ComponentId.of("resourcedetection"), Kind.PROCESSOR, SelfTelemetry.noop(), Set.of(), "test"),
                cfg, io.ottl4j.pdata.Signal.TRACES, out::add);
        started.add(p);
        p.start(null);
        consume(p, existing);
        return out.get(0).resources().get(0).resource().attributes();
    }

    /** One more span through the processor the last {@link #run} started. */
    protected AttributeMap consumeAgain() throws Exception {
        return consume(started.get(started.size() - 1));
    }

    /** The processor changes the batch in place before passing it on. */
    private static AttributeMap consume(ProcessorFactory.Processor p, Object... existing) throws Exception {
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        var rg = b.addResource();
        AttributeMap.of(existing).forEach((k, v) -> rg.resource().attributes().put(k, v));
        p.consume(b);
        return b.resources().get(0).resource().attributes();
    }
}

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

/** Every detector, cloud metadata served on loopback, a detector that times out, precedence and override. */
class ResourceDetectionProcessorTest {
    @TempDir
    Path root;
    private final Map<String, String> env = new HashMap<>();
    private HttpServer metadata;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<ProcessorFactory.Processor> started = new ArrayList<>();
    // detection logs at INFO/WARNING by design; the tests assert outcomes instead
    private static final Logger QUIET = quiet();

    private static Logger quiet() {
        Logger l = Logger.getLogger("io.ottl4j.collector.processor");
        l.setLevel(Level.SEVERE);
        return l;
    }

    /** Host names without DNS: dns fails, os answers. */
    private static final SystemDetector.Names NAMES = new SystemDetector.Names() {
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
                    "mastodon", "instance/hostname", "gke-node-1.c.acme-prod.internal");
            reply(x, gce.getOrDefault(p, ""), gce.containsKey(p) ? 200 : 404);
        });
        metadata.createContext("/metadata/instance/compute", x -> reply(x, "True".equals(x.getRequestHeaders().getFirst("Metadata"))
                ? "{\"location\":\"westeurope\",\"name\":\"vm-1\",\"vmId\":\"vm-uuid\",\"vmSize\":\"Standard_D2s_v5\",\"subscriptionId\":\"sub-1\","
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

    private static void reply(HttpExchange x, String body, int status) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            x.getResponseBody().write(b);
        }
        x.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + metadata.getAddress().getPort() + path;
    }

    private ResourceDetectionProcessorFactory factory(KubernetesClients clients) {
        return new ResourceDetectionProcessorFactory(env::get, root, NAMES, clients);
    }

    private AttributeMap run(String yaml, Object... existing) throws Exception {
        return run(factory(KubernetesClients.system()), yaml, existing);
    }

    private AttributeMap run(ResourceDetectionProcessorFactory f, String yaml, Object... existing) throws Exception {
        Problems problems = new Problems();
        Conf c = new Conf(YamlReader.read(yaml, "test.yaml"), "processors::resourcedetection", problems);
        ResourceDetectionProcessorFactory.Config cfg = f.decode(c);
        c.finish();
        assertThat(problems.isEmpty()).as(problems.list().toString()).isTrue();
        List<TelemetryBatch<?>> out = new ArrayList<>();
        ProcessorFactory.Processor p = f.create(new CreateSettings(ComponentId.of("resourcedetection"), Kind.PROCESSOR, SelfTelemetry.noop(), Set.of(), "test"),
                cfg, io.ottl4j.pdata.Signal.TRACES, out::add);
        started.add(p);
        p.start(null);
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        var rg = b.addResource();
        AttributeMap.of(existing).forEach((k, v) -> rg.resource().attributes().put(k, v));
        p.consume(b);
        return out.get(0).resources().get(0).resource().attributes();
    }

    @Test
    void envDetectorParsesAndUnescapes() throws Exception {
        env.put("OTEL_RESOURCE_ATTRIBUTES", " service.name = shop ,team=a%2Cb, note=x+y");
        AttributeMap m = run("detectors: [env]");
        assertThat(m.get("service.name")).isEqualTo("shop");
        assertThat(m.get("team")).isEqualTo("a,b");
        assertThat(m.get("note")).isEqualTo("x y");
        env.put("OTEL_RESOURCE_ATTRIBUTES", "broken");
        assertThatThrownBy(() -> run("detectors: [env]")).hasMessageContaining("invalid resource format");
    }

    @Test
    void systemDetectorReadsTheOsWithSeedAttributesEnabled() throws Exception {
        Files.createDirectories(root.resolve("proc/sys/kernel"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("proc/cpuinfo"), """
                processor\t: 0
                vendor_id\t: GenuineIntel
                cpu family\t: 6
                model\t\t: 85
                model name\t: Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz
                stepping\t: 7
                cache size\t: 36608 KB

                processor\t: 1
                vendor_id\t: OtherVendor
                """);
        Files.writeString(root.resolve("etc/machine-id"), "0123456789abcdef\n");
        Files.writeString(root.resolve("etc/os-release"), "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"13\"\nVERSION=\"13 (trixie)\"\n");
        Files.writeString(root.resolve("proc/sys/kernel/ostype"), "Linux\n");
        Files.writeString(root.resolve("proc/sys/kernel/hostname"), "web-7\n");
        Files.writeString(root.resolve("proc/sys/kernel/osrelease"), "6.1.0-28-amd64\n");
        Files.writeString(root.resolve("proc/sys/kernel/version"), "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1\n");
        AttributeMap m = run("""
                detectors: [system]
                system:
                  resource_attributes:
                    host.id: {enabled: true}
                    os.description: {enabled: true}
                    host.arch: {enabled: true}
                    host.ip: {enabled: true}
                    host.mac: {enabled: true}
                    host.cpu.vendor.id: {enabled: true}
                    host.cpu.family: {enabled: true}
                    host.cpu.model.id: {enabled: true}
                    host.cpu.model.name: {enabled: true}
                    host.cpu.stepping: {enabled: true}
                    host.cpu.cache.l2.size: {enabled: true}
                """);
        assertThat(m.get("host.name")).as("dns fails, os answers").isEqualTo("web-7");
        assertThat(m.get("os.type")).isEqualTo("linux");
        assertThat(m.get("host.id")).isEqualTo("0123456789abcdef");
        assertThat(m.get("host.arch")).isIn("amd64", "arm64", "x86", "arm32", "ppc64", "s390x", System.getProperty("os.arch"));
        assertThat((String) m.get("os.description")).startsWith("Debian GNU/Linux 13 (trixie) (Linux web-7 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 ");
        assertThat(m.get("host.cpu.vendor.id")).isEqualTo("GenuineIntel");
        assertThat(m.get("host.cpu.family")).isEqualTo("6");
        assertThat(m.get("host.cpu.model.id")).isEqualTo("85");
        assertThat(m.get("host.cpu.model.name")).isEqualTo("Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz");
        assertThat(m.get("host.cpu.stepping")).isEqualTo("7");
        assertThat(m.get("host.cpu.cache.l2.size")).isEqualTo(36608L);
        if (m.containsKey("host.mac")) {
            assertThat(((AttributeList) m.get("host.mac")).get(0).toString()).matches("([0-9A-F]{2}-)+[0-9A-F]{2}");
        }
        // defaults: only host.name and os.type
        AttributeMap d = run("detectors: [system]");
        assertThat(d.keys()).containsExactly("host.name", "os.type");
        assertThat(run("detectors: [system]\nsystem: {hostname_sources: [cname, os]}").get("host.name")).isEqualTo("web-7.example.internal");
        assertThat(run("detectors: [system]\nsystem: {hostname_sources: [lookup]}").get("host.name")).isEqualTo("web-7.lookup.internal");
        assertThatThrownBy(() -> run("detectors: [system]\nsystem: {hostname_sources: [dns]}")).hasMessageContaining("all hostname sources failed");
    }

    @Test
    void cloudDetectorsTalkToTheirMetadataServicesOnLoopback() throws Exception {
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", url(""));
        env.put("GCE_METADATA_HOST", "127.0.0.1:" + metadata.getAddress().getPort());
        env.put("IMDS_ENDPOINT", url(""));
        AttributeMap ec2 = run("detectors: [ec2]");
        assertThat(ec2.get("cloud.provider")).isEqualTo("aws");
        assertThat(ec2.get("cloud.platform")).isEqualTo("aws_ec2");
        assertThat(ec2.get("cloud.region")).isEqualTo("eu-west-1");
        assertThat(ec2.get("cloud.availability_zone")).isEqualTo("eu-west-1b");
        assertThat(ec2.get("cloud.account.id")).isEqualTo("123456789012");
        assertThat(ec2.get("host.id")).isEqualTo("i-0abc");
        assertThat(ec2.get("host.image.id")).isEqualTo("ami-1");
        assertThat(ec2.get("host.type")).isEqualTo("m7g.large");
        assertThat(ec2.get("host.name")).isEqualTo("ip-10-0-0-7.eu-west-1.compute.internal");

        AttributeMap gcp = run("detectors: [gcp]\ngcp: {resource_attributes: {gcp.gce.instance.hostname: {enabled: true}}}");
        assertThat(gcp.get("cloud.provider")).isEqualTo("gcp");
        assertThat(gcp.get("cloud.platform")).isEqualTo("gcp_kubernetes_engine");
        assertThat(gcp.get("cloud.account.id")).isEqualTo("acme-prod");
        assertThat(gcp.get("cloud.availability_zone")).isEqualTo("europe-west4-a");
        assertThat(gcp.get("cloud.region")).isEqualTo("europe-west4");
        assertThat(gcp.get("host.id")).isEqualTo("8811");
        assertThat(gcp.get("host.name")).isEqualTo("gke-node-1");
        assertThat(gcp.get("host.type")).isEqualTo("e2-standard-4");
        assertThat(gcp.get("k8s.cluster.name")).isEqualTo("mastodon");
        assertThat(gcp.get("gcp.gce.instance.hostname")).isEqualTo("gke-node-1.c.acme-prod.internal");
        assertThat(gcp.containsKey("gcp.gce.instance.name")).isFalse();

        AttributeMap az = run("detectors: [azure]\nazure: {resource_attributes: {azure.vm.size: {enabled: false}}}");
        assertThat(az.get("cloud.provider")).isEqualTo("azure");
        assertThat(az.get("cloud.platform")).isEqualTo("azure_vm");
        assertThat(az.get("cloud.region")).isEqualTo("westeurope");
        assertThat(az.get("host.id")).isEqualTo("vm-uuid");
        assertThat(az.get("host.name")).isEqualTo("vm-1");
        assertThat(az.get("cloud.account.id")).isEqualTo("sub-1");
        assertThat(az.get("azure.resourcegroup.name")).isEqualTo("rg-1");
        assertThat(az.get("cloud.availability_zone")).isEqualTo("2");
        assertThat(az.containsKey("azure.vm.size")).isFalse();
        assertThat(az.containsKey("azure.vm.scaleset.name")).as("empty values are left out").isFalse();
    }

    @Test
    void aDetectorThatTimesOutAddsNothingAndTheOthersStillCount() throws Exception {
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", url("/hang"));
        env.put("OTEL_RESOURCE_ATTRIBUTES", "host.name=from-env");
        AttributeMap m = run("detectors: [ec2, env]\ntimeout: 200ms");
        assertThat(m.get("host.name")).isEqualTo("from-env");
        assertThat(m.containsKey("cloud.provider")).isFalse();
    }

    @Test
    void firstDetectorWinsAndOverrideDecidesAgainstExistingAttributes() throws Exception {
        env.put("OTEL_RESOURCE_ATTRIBUTES", "host.name=from-env");
        assertThat(run("detectors: [env, system]").get("host.name")).isEqualTo("from-env");
        assertThat(run("detectors: [system, env]").get("host.name")).isEqualTo("web-7");
        assertThat(run("detectors: [env]", "host.name", "mine").get("host.name")).isEqualTo("from-env");
        assertThat(run("detectors: [env]\noverride: false", "host.name", "mine").get("host.name")).isEqualTo("mine");
    }

    @Test
    void k8sNodeDetectorAsksTheApiServer() throws Exception {
        try (MockKubernetesApi api = MockKubernetesApi.start(root)) {
            var node = api.client().nodes().resource(new NodeBuilder().withNewMetadata().withName("node-1").endMetadata().build()).create();
            env.put("K8S_NODE_NAME", "node-1");
            AttributeMap m = run(factory(KubernetesClients.system()), "detectors: [k8snode]\nk8snode:\n  " + api.authYaml().replace("\n", "\n  "));
            assertThat(m.get("k8s.node.name")).isEqualTo("node-1");
            assertThat(m.get("k8s.node.uid")).isEqualTo(node.getMetadata().getUid());
            env.remove("K8S_NODE_NAME");
            assertThatThrownBy(() -> run(factory(KubernetesClients.system()), "detectors: [k8snode]\nk8snode:\n  " + api.authYaml().replace("\n", "\n  ")))
                    .hasMessageContaining("K8S_NODE_NAME");
        }
    }

    @Test
    void configErrors() throws Exception {
        ResourceDetectionProcessorFactory f = factory(KubernetesClients.system());
        Problems problems = new Problems();
        Conf c = new Conf(YamlReader.read("""
                detectors: [system, nova]
                system:
                  hostname_sources: [dns, carrier-pigeon]
                  resource_attributes:
                    host.colour: {enabled: true}
                """, "t.yaml"), "processors::resourcedetection", problems);
        f.decode(c);
        c.finish();
        assertThat(problems.list().toString()).contains("invalid detector key: nova").contains("invalid hostname source: carrier-pigeon")
                .contains("host.colour");
    }
}

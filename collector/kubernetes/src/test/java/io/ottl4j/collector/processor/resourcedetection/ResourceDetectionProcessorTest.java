package io.ottl4j.collector.processor.resourcedetection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.Problems;
import io.ottl4j.collector.config.YamlReader;
import io.ottl4j.collector.k8s.KubernetesClients;
import io.ottl4j.collector.k8s.MockKubernetesApi;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in detectors of the first version (env, system, ec2, gcp, azure, k8s_api), timeouts, precedence and override. */
class ResourceDetectionProcessorTest extends DetectionTestBase {
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
        assertThat(gcp.get("cloud.platform")).isEqualTo("gcp_compute_engine");
        assertThat(gcp.get("cloud.account.id")).isEqualTo("acme-prod");
        assertThat(gcp.get("cloud.availability_zone")).isEqualTo("europe-west4-a");
        assertThat(gcp.get("cloud.region")).isEqualTo("europe-west4");
        assertThat(gcp.get("host.id")).isEqualTo("8811");
        assertThat(gcp.get("host.name")).isEqualTo("gke-node-1");
        assertThat(gcp.get("host.type")).isEqualTo("e2-standard-4");
        assertThat(gcp.get("gcp.gce.instance.hostname")).isEqualTo("gke-node-1.c.acme-prod.internal");
        assertThat(gcp.containsKey("gcp.gce.instance.name")).isFalse();
        assertThat(gcp.containsKey("k8s.cluster.name")).isFalse();

        env.put("KUBERNETES_SERVICE_HOST", "10.0.0.1");
        AttributeMap gke = run("detectors: [gcp]");
        assertThat(gke.get("cloud.platform")).isEqualTo("gcp_kubernetes_engine");
        assertThat(gke.get("k8s.cluster.name")).isEqualTo("mastodon");
        assertThat(gke.get("cloud.region")).isEqualTo("europe-west4");
        assertThat(gke.get("host.name")).isEqualTo("gke-node-1");
        env.remove("KUBERNETES_SERVICE_HOST");

        env.put("K_CONFIGURATION", "shop");
        env.put("K_SERVICE", "shop");
        env.put("K_REVISION", "shop-00042");
        AttributeMap run = run("detectors: [gcp]");
        assertThat(run.get("cloud.platform")).isEqualTo("gcp_cloud_run");
        assertThat(run.get("faas.name")).isEqualTo("shop");
        assertThat(run.get("faas.version")).isEqualTo("shop-00042");
        assertThat(run.get("faas.instance")).isEqualTo("8811");
        assertThat(run.get("cloud.region")).isEqualTo("europe-west4");
        env.put("FUNCTION_TARGET", "handle");
        assertThat(run("detectors: [gcp]").get("cloud.platform")).isEqualTo("gcp_cloud_functions");
        env.keySet().removeAll(Set.of("K_CONFIGURATION", "K_SERVICE", "K_REVISION", "FUNCTION_TARGET"));
        env.put("CLOUD_RUN_JOB", "nightly");
        env.put("CLOUD_RUN_EXECUTION", "nightly-ajg89");
        env.put("CLOUD_RUN_TASK_INDEX", "0");
        AttributeMap job = run("detectors: [gcp]");
        assertThat(job.get("faas.name")).isEqualTo("nightly");
        assertThat(job.get("gcp.cloud_run.job.execution")).isEqualTo("nightly-ajg89");
        assertThat(job.get("gcp.cloud_run.job.task_index")).isEqualTo("0");
        env.keySet().removeAll(Set.of("CLOUD_RUN_JOB", "CLOUD_RUN_EXECUTION", "CLOUD_RUN_TASK_INDEX"));
        env.put("GAE_SERVICE", "default");
        env.put("GAE_VERSION", "v3");
        env.put("GAE_INSTANCE", "aef-1");
        AttributeMap gae = run("detectors: [gcp]");
        assertThat(gae.get("cloud.platform")).isEqualTo("gcp_app_engine");
        assertThat(gae.get("faas.instance")).isEqualTo("aef-1");
        assertThat(gae.get("cloud.availability_zone")).isEqualTo("europe-west4-a");
        env.keySet().removeAll(Set.of("GAE_SERVICE", "GAE_VERSION", "GAE_INSTANCE"));

        AttributeMap az = run("detectors: [azure]\nazure: {resource_attributes: {azure.vm.size: {enabled: false}}}");
        assertThat(az.get("cloud.provider")).isEqualTo("azure");
        assertThat(az.get("cloud.platform")).isEqualTo("azure_vm");
        assertThat(az.get("cloud.region")).isEqualTo("westeurope");
        assertThat(az.get("host.id")).isEqualTo("vm-uuid");
        assertThat(az.get("host.name")).as("the OS profile's computer name").isEqualTo("vm-1-host");
        assertThat(az.get("azure.vm.name")).isEqualTo("vm-1");
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
        // the timeout is the only wait here (ec2's source never answers); generous so that env, which needs no I/O,
        // is done by then on a loaded machine too
        AttributeMap m = run("detectors: [ec2, env]\ntimeout: 3s");
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

    /** The API answers here: the 60 s timeout only bounds a cold fabric8 client on a loaded machine (5 s was too short). */
    @Test
    void k8sApiDetectorAsksTheApiServer() throws Exception {
        try (MockKubernetesApi api = MockKubernetesApi.start(root)) {
            var node = api.client().nodes().resource(new NodeBuilder().withNewMetadata().withName("node-1").endMetadata().build()).create();
            var ks = api.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("kube-system").endMetadata().build()).create();
            env.put("K8S_NODE_NAME", "node-1");
            AttributeMap m = run(factory(KubernetesClients.system()), "detectors: [k8s_api]\ntimeout: 60s\nk8s_api:\n  " + api.authYaml().replace("\n", "\n  "));
            assertThat(m.get("k8s.node.name")).isEqualTo("node-1");
            assertThat(m.get("k8s.node.uid")).isEqualTo(node.getMetadata().getUid());
            assertThat(m.get("k8s.cluster.uid")).isEqualTo(ks.getMetadata().getUid());
            AttributeMap old = run(factory(KubernetesClients.system()), "detectors: [k8snode]\ntimeout: 60s\nk8snode:\n  " + api.authYaml().replace("\n", "\n  ")
                    + "\n  resource_attributes: {k8s.cluster.uid: {enabled: false}}");
            assertThat(old.get("k8s.node.uid")).as("the deprecated name still works").isEqualTo(node.getMetadata().getUid());
            assertThat(old.containsKey("k8s.cluster.uid")).isFalse();
            env.remove("K8S_NODE_NAME");
            assertThatThrownBy(() -> run(factory(KubernetesClients.system()), "detectors: [k8snode]\ntimeout: 60s\nk8snode:\n  " + api.authYaml().replace("\n", "\n  ")))
                    .hasMessageContaining("K8S_NODE_NAME");
        }
    }

    @Test
    void everyDetectorSectionIsCheckedListedOrNot() throws Exception {
        ResourceDetectionProcessorFactory f = factory(KubernetesClients.system());
        Problems problems = new Problems();
        Conf c = new Conf(YamlReader.read("""
                detectors: [env]
                timeout: 0s
                retry: {max_elapsed_time: 0s}
                eks: {node_from_env_var: MY_NODE, nodename: x}
                consul: {address: 'localhost:8500', meta: {rack: ''}}
                ec2: {tags: ['^team$', '(unclosed']}
                ibmcloud_vpc: {protocol: ftp}
                openshift: {tls: {insecure: true}, resource_attributes: {k8s.cluster.name: {enabled: false}}}
                """, "t.yaml"), "processors::resource_detection", problems);
        f.decode(c);
        c.finish();
        assertThat(problems.list().toString()).contains("eks::nodename").contains("invalid regular expression \"(unclosed\"")
                .contains("invalid protocol \"ftp\"").contains("timeout and retry.max_elapsed_time cannot both be 0").doesNotContain("consul")
                .doesNotContain("openshift");
    }

    @Test
    void configErrors() throws Exception {
        ResourceDetectionProcessorFactory f = factory(KubernetesClients.system());
        Problems problems = new Problems();
        Conf c = new Conf(YamlReader.read("""
                detectors: [system, carrier]
                system:
                  hostname_sources: [dns, carrier-pigeon]
                  resource_attributes:
                    host.colour: {enabled: true}
                """, "t.yaml"), "processors::resourcedetection", problems);
        f.decode(c);
        c.finish();
        assertThat(problems.list().toString()).contains("invalid detector key: carrier").contains("invalid hostname source: carrier-pigeon")
                .contains("host.colour");
    }
}

package io.ottl4j.collector.processor.resourcedetection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.ottl4j.collector.k8s.KubernetesClients;
import io.ottl4j.collector.k8s.MockKubernetesApi;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The platform detectors against their real sources: metadata services, the ECS task endpoint, the Consul agent and
 * the OpenShift API as loopback HTTP servers speaking their JSON; Kubernetes through the mock API server; the
 * platforms' variables and files. Every network detector is also run against a service that never answers.
 */
class PlatformDetectorsTest extends DetectionTestBase {
    /** Method and path (with query) to status, body and an optional required header ("Name: value", or "Name^ prefix"). */
    private final Map<String, String[]> routes = new ConcurrentHashMap<>();
    /** How many more times a route answers 503 before its answer. */
    private final Map<String, Integer> failFirst = new ConcurrentHashMap<>();
    private HttpServer cloud;

    @BeforeEach
    void cloud() throws IOException {
        cloud = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cloud.createContext("/", x -> {
            String key = x.getRequestMethod() + " " + x.getRequestURI();
            if (key.contains("/hang")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String[] r = routes.get(key);
            if (failFirst.getOrDefault(key, 0) > 0) {
                failFirst.merge(key, -1, Integer::sum);
                r = new String[] {"503", ""};
            }
            if (r != null && r.length > 2) {
                boolean prefix = r[2].contains("^ ");
                String[] h = r[2].split(prefix ? "\\^ " : ": ", 2);
                String got = x.getRequestHeaders().getFirst(h[0]);
                if (got == null || !(prefix ? got.startsWith(h[1]) : got.equals(h[1]))) {
                    r = new String[] {"401", ""};
                }
            }
            reply(x, r == null ? "" : r[1], r == null ? 404 : Integer.parseInt(r[0]));
        });
        cloud.setExecutor(Executors.newCachedThreadPool());
        cloud.start();
        for (String t : List.of("akamai", "hetzner", "scaleway", "upcloud", "vultr", "digitalocean", "nova", "oraclecloud", "alibaba_ecs", "tencent_cvm",
                "ibmcloud_vpc", "ibmcloud_classic")) {
            env.put("OTTL4J_METADATA_ENDPOINT_" + t.toUpperCase(java.util.Locale.ROOT), cloudUrl(""));
        }
    }

    @AfterEach
    void stopCloud() {
        release.countDown();
        cloud.stop(0);
    }

    private String cloudUrl(String path) {
        return "http://127.0.0.1:" + cloud.getAddress().getPort() + path;
    }

    private void route(String methodAndPath, int status, String body, String... header) {
        routes.put(methodAndPath, header.length == 0 ? new String[] {Integer.toString(status), body} : new String[] {Integer.toString(status), body, header[0]});
    }

    @Test
    void hostingCloudsReadTheirMetadataServices() throws Exception {
        route("PUT /v1/token", 200, "tok-a", "Metadata-Token-Expiry-Seconds: 3600");
        route("GET /v1/instance", 200, """
                {"id":123,"label":"lin-1","region":"us-ord","type":"g6-standard-2","account_euuid":"EU-1","image":{"id":"linode/debian12","label":"Debian 12"}}""",
                "Metadata-Token: tok-a");
        AttributeMap ak = run("detectors: [akamai]");
        assertThat(ak.get("cloud.provider")).isEqualTo("akamai_cloud");
        assertThat(ak.get("host.id")).isEqualTo("123");
        assertThat(ak.get("host.name")).isEqualTo("lin-1");
        assertThat(ak.get("host.image.name")).isEqualTo("Debian 12");
        assertThat(ak.get("cloud.account.id")).isEqualTo("EU-1");

        route("GET /hetzner/v1/metadata/instance-id", 200, "4711");
        route("GET /hetzner/v1/metadata/hostname", 200, "hz-1");
        route("GET /hetzner/v1/metadata/region", 200, "eu-central");
        route("GET /hetzner/v1/metadata/availability-zone", 200, "fsn1-dc14");
        AttributeMap hz = run("detectors: [hetzner]");
        assertThat(hz.get("cloud.provider")).isEqualTo("hetzner");
        assertThat(hz.get("host.id")).isEqualTo("4711");
        assertThat(hz.get("cloud.availability_zone")).isEqualTo("fsn1-dc14");
        assertThat(hz.containsKey("cloud.platform")).as("off by default").isFalse();

        route("GET /conf?format=json", 200, """
                {"id":"scw-1","name":"sw","commercial_type":"DEV1-S","organization":"org-1","location":{"zone_id":"fr-par-1"},"image":{"id":"img","name":"Ubuntu"}}""");
        AttributeMap sw = run("detectors: [scaleway]");
        assertThat(sw.get("cloud.region")).isEqualTo("fr-par");
        assertThat(sw.get("host.type")).isEqualTo("DEV1-S");
        assertThat(sw.get("cloud.account.id")).isEqualTo("org-1");

        route("GET /metadata/v1.json", 200, """
                {"cloud_name":"upcloud","hostname":"up-1","instance_id":"00aa","region":"fi-hel1","droplet_id":99}""");
        AttributeMap up = run("detectors: [upcloud]");
        assertThat(up.get("cloud.provider")).isEqualTo("upcloud");
        assertThat(up.get("cloud.region")).isEqualTo("fi-hel1");
        AttributeMap dob = run("detectors: [digitalocean]\ndigitalocean: {resource_attributes: {cloud.region: {enabled: false}}}");
        assertThat(dob.get("cloud.provider")).isEqualTo("digitalocean");
        assertThat(dob.get("host.id")).isEqualTo("99");
        assertThat(dob.containsKey("cloud.region")).isFalse();

        route("GET /v1.json", 200, """
                {"hostname":"vu-1","instanceid":"1","instance-v2-id":"v2-abc","region":{"regioncode":"EWR"}}""");
        AttributeMap vu = run("detectors: [vultr]");
        assertThat(vu.get("host.id")).isEqualTo("v2-abc");
        assertThat(vu.get("cloud.region")).isEqualTo("ewr");

        route("GET /openstack/latest/meta_data.json", 200, """
                {"uuid":"u-1","hostname":"nova-1","availability_zone":"az1","project_id":"p-1","meta":{"team":"obs","secret":"x"}}""");
        route("GET /latest/meta-data/instance-type", 200, "m1.small");
        AttributeMap nova = run("detectors: [nova]\nnova: {labels: ['^team$']}");
        assertThat(nova.get("cloud.platform")).isEqualTo("openstack_nova");
        assertThat(nova.get("host.type")).isEqualTo("m1.small");
        assertThat(nova.get("openstack.nova.meta.team")).isEqualTo("obs");
        assertThat(nova.containsKey("openstack.nova.meta.secret")).isFalse();

        route("HEAD /opc/v2/instance/", 200, "", "Authorization: Bearer Oracle");
        route("GET /opc/v2/instance/", 200, """
                {"id":"ocid1.instance","displayName":"oci-1","shape":"VM.Standard.E4.Flex","canonicalRegionName":"eu-frankfurt-1",
                 "availabilityDomain":"AD-1","regionInfo":{"realmKey":"oc1"},"metadata":{"oke-cluster-display-name":"prod"}}""", "Authorization: Bearer Oracle");
        AttributeMap oci = run("detectors: [oraclecloud]");
        assertThat(oci.get("cloud.platform")).isEqualTo("oracle_cloud_oke");
        assertThat(oci.get("k8s.cluster.name")).isEqualTo("prod");
        assertThat(oci.get("oracle_cloud.realm")).isEqualTo("oc1");
        assertThat(oci.get("host.type")).isEqualTo("VM.Standard.E4.Flex");
    }

    @Test
    void asianAndIbmCloudsReadTheirMetadataServices() throws Exception {
        route("PUT /latest/api/token", 200, "ali-tok");
        Map.of("instance-id", "i-ali", "owner-account-id", "acct", "region-id", "cn-hangzhou", "zone-id", "cn-hangzhou-h", "hostname", "ali-1",
                "instance/instance-type", "ecs.g7.large", "image-id", "img-1").forEach((k, v) -> route("GET /latest/meta-data/" + k, 200, v,
                        "X-aliyun-ecs-metadata-token: ali-tok"));
        AttributeMap ali = run("detectors: [alibaba_ecs]");
        assertThat(ali.get("cloud.provider")).isEqualTo("alibaba_cloud");
        assertThat(ali.get("cloud.availability_zone")).isEqualTo("cn-hangzhou-h");
        assertThat(ali.get("host.image.id")).isEqualTo("img-1");

        routes.clear();
        Map.of("instance-id", "ins-1", "app-id", "125", "placement/region", "ap-guangzhou", "placement/zone", "ap-guangzhou-3", "instance-name", "cvm-1",
                "instance/instance-type", "S5.MEDIUM2").forEach((k, v) -> route("GET /latest/meta-data/" + k, 200, v));
        AttributeMap cvm = run("detectors: [tencent_cvm]");
        assertThat(cvm.get("cloud.platform")).isEqualTo("tencent_cloud_cvm");
        assertThat(cvm.get("host.name")).isEqualTo("cvm-1");

        route("PUT /identity/v1/token?version=2022-03-01", 200, "{\"access_token\":\"ibm-tok\"}", "Metadata-Flavor: ibm");
        route("GET /metadata/v1/instance?version=2022-03-01", 200, """
                {"id":"0717_x","name":"vsi-1","crn":"crn:v1:bluemix:public:is:us-south-1:a/acct9::instance:0717_x","zone":{"name":"us-south-1"},
                 "profile":{"name":"bx2-2x8"},"image":{"id":"r006","name":"ibm-ubuntu"}}""", "Authorization: Bearer ibm-tok");
        AttributeMap vpc = run("detectors: [ibmcloud_vpc]");
        assertThat(vpc.get("cloud.region")).isEqualTo("us-south");
        assertThat(vpc.get("cloud.account.id")).isEqualTo("acct9");
        assertThat(vpc.get("host.type")).isEqualTo("bx2-2x8");

        Map.of("getGlobalIdentifier", "\"guid-1\"", "getAccountId", "778", "getDatacenter", "\"dal13\"", "getHostname", "\"sl-1\"")
                .forEach((k, v) -> route("GET /rest/v3.1/SoftLayer_Resource_Metadata/" + k + ".json", 200, v));
        AttributeMap sl = run("detectors: [ibmcloud_classic]");
        assertThat(sl.get("host.id")).isEqualTo("guid-1");
        assertThat(sl.get("cloud.account.id")).isEqualTo("778");
        assertThat(sl.get("cloud.region")).isEqualTo("dal13");
    }

    @Test
    void awsEcsLambdaAndBeanstalk() throws Exception {
        route("GET /ecs/task", 200, """
                {"Cluster":"prod","TaskARN":"arn:aws:ecs:eu-west-1:123456789012:task/prod/abc123","Family":"shop","Revision":"7",
                 "AvailabilityZone":"eu-west-1a","LaunchType":"FARGATE","Containers":[
                  {"DockerId":"d1","Type":"NORMAL","KnownStatus":"RUNNING","LogDriver":"awslogs",
                   "LogOptions":{"awslogs-group":"/ecs/otel","awslogs-region":"eu-west-1","awslogs-stream":"ecs/otel/abc"}},
                  {"DockerId":"d2","Type":"NORMAL","KnownStatus":"RUNNING","LogDriver":"awslogs",
                   "LogOptions":{"awslogs-group":"/ecs/shop","awslogs-region":"eu-west-1","awslogs-stream":"ecs/shop/abc"}},
                  {"DockerId":"d3","Type":"NORMAL","KnownStatus":"STOPPED","LogDriver":"awslogs",
                   "LogOptions":{"awslogs-group":"/ecs/init","awslogs-region":"eu-west-1","awslogs-stream":"ecs/init/abc"}}]}""");
        route("GET /ecs", 200, """
                {"DockerId":"d1","LogDriver":"awslogs","LogOptions":{"awslogs-group":"/ecs/otel","awslogs-region":"eu-west-1","awslogs-stream":"ecs/otel/abc"}}""");
        env.put("ECS_CONTAINER_METADATA_URI_V4", cloudUrl("/ecs"));
        AttributeMap ecs = run("detectors: [ecs]");
        assertThat(ecs.get("cloud.platform")).isEqualTo("aws_ecs");
        assertThat(ecs.get("cloud.account.id")).isEqualTo("123456789012");
        assertThat(ecs.get("aws.ecs.cluster.arn")).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:cluster/prod");
        assertThat(ecs.get("aws.ecs.task.id")).isEqualTo("abc123");
        assertThat(ecs.get("aws.ecs.launchtype")).isEqualTo("fargate");
        assertThat(((AttributeList) ecs.get("aws.log.group.arns")).size()).as("the other running awslogs containers, not the collector's").isEqualTo(1);
        assertThat(((AttributeList) ecs.get("aws.log.group.arns")).get(0)).isEqualTo("arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/shop");
        assertThat(((AttributeList) ecs.get("aws.log.stream.arns")).get(0))
                .isEqualTo("arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/shop:log-stream:ecs/shop/abc");
        routes.remove("GET /ecs/task");
        assertThatThrownBy(() -> run("detectors: [ecs]")).hasMessageContaining("unable to fetch task metadata");
        env.remove("ECS_CONTAINER_METADATA_URI_V4");
        assertThat(run("detectors: [ecs]").containsKey("cloud.provider")).as("not on ECS").isFalse();
        assertThatThrownBy(() -> run("detectors: [ecs]\nfail_on_missing_metadata: true")).hasMessageContaining("not on ECS");

        env.putAll(Map.of("AWS_LAMBDA_FUNCTION_NAME", "resize", "AWS_REGION", "us-east-1", "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512", "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/resize", "AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/03/[$LATEST]x"));
        AttributeMap lambda = run("detectors: [lambda]");
        assertThat(lambda.get("cloud.platform")).isEqualTo("aws_lambda");
        assertThat(lambda.get("faas.name")).isEqualTo("resize");
        assertThat(lambda.get("faas.instance")).isEqualTo("2026/12/03/[$LATEST]x");
        assertThat(lambda.get("faas.max_memory")).isEqualTo("512");

        Files.createDirectories(root.resolve("var/elasticbeanstalk/xray"));
        Files.writeString(root.resolve("var/elasticbeanstalk/xray/environment.conf"),
                "{\"deployment_id\":23,\"version_label\":\"v1.2\",\"environment_name\":\"shop-prod\"}");
        AttributeMap eb = run("detectors: [elastic_beanstalk]");
        assertThat(eb.get("cloud.platform")).isEqualTo("aws_elastic_beanstalk");
        assertThat(eb.get("service.instance.id")).isEqualTo("23");
        assertThat(eb.get("deployment.environment")).isEqualTo("shop-prod");
        assertThat(eb.get("service.version")).isEqualTo("v1.2");
    }

    @Test
    void eksFromImdsWithClusterTagAndFromTheApiServerWithoutIt() throws Exception {
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", url(""));
        assertThat(run("detectors: [eks]").containsKey("cloud.provider")).as("not in Kubernetes").isFalse();
        env.put("KUBERNETES_SERVICE_HOST", "10.0.0.1");
        metadata.createContext("/latest/meta-data/instance-id", x -> reply(x, "i-0abc", 200));
        metadata.createContext("/latest/meta-data/iam/security-credentials/", x -> reply(x, x.getRequestURI().getPath().endsWith("/")
                ? "node-role" : "{\"AccessKeyId\":\"ASIA1\",\"SecretAccessKey\":\"s\",\"Token\":\"role-token\"}", 200));
        env.put("AWS_ENDPOINT_URL_EC2", cloudUrl(""));
        route("GET /?Action=DescribeInstances&InstanceId.1=i-0abc&Version=2016-11-15", 200, """
                <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><reservationSet><item><instancesSet><item>
                <instanceId>i-0abc</instanceId><tagSet><item><key>Name</key><value>node</value></item>
                <item><key>eks:cluster-name</key><value>mastodon</value></item></tagSet></item></instancesSet></item></reservationSet>
                </DescribeInstancesResponse>""", "Authorization^ AWS4-HMAC-SHA256 Credential=ASIA1/");
        try (EksApi api = new EksApi("v1.30.4-eks-a737599")) {
            api.server.expect().get().withPath("/api/v1/nodes/ip-10-0-0-9").andReturn(200, new NodeBuilder().withNewMetadata().withName("ip-10-0-0-9")
                    .endMetadata().withNewSpec().withProviderID("aws:///eu-west-1c/i-0def").endSpec().build()).always();
            // the first Kubernetes client of a JVM is slow to build on a loaded machine: a generous bound
            AttributeMap eks = run(api.factory(), """
                    detectors: [eks]
                    timeout: 60s
                    eks:
                      resource_attributes:
                        k8s.cluster.name: {enabled: true}
                        cloud.region: {enabled: true}
                    """);
            assertThat(eks.get("cloud.platform")).isEqualTo("aws_eks");
            assertThat(eks.get("k8s.cluster.name")).as("from DescribeInstances, signed with the instance profile").isEqualTo("mastodon");
            assertThat(eks.get("cloud.region")).isEqualTo("eu-west-1");
            assertThat(eks.containsKey("host.id")).as("off by default").isFalse();

            env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", cloudUrl("/no-imds"));
            env.put("MY_NODE", "ip-10-0-0-9");
            AttributeMap auto = run(api.factory(), """
                    detectors: [eks]
                    timeout: 60s
                    fail_on_missing_metadata: true
                    eks:
                      node_from_env_var: MY_NODE
                      resource_attributes: {host.id: {enabled: true}, cloud.region: {enabled: true}, cloud.availability_zone: {enabled: true}}
                    """);
            assertThat(auto.get("cloud.platform")).isEqualTo("aws_eks");
            assertThat(auto.get("host.id")).isEqualTo("i-0def");
            assertThat(auto.get("cloud.availability_zone")).isEqualTo("eu-west-1c");
            assertThat(auto.get("cloud.region")).isEqualTo("eu-west-1");
        }
        try (EksApi gke = new EksApi("v1.30.5-gke.1014001")) {
            assertThat(run(gke.factory(), "detectors: [eks]\ntimeout: 60s").containsKey("cloud.platform")).as("not an EKS cluster").isFalse();
        }
    }

    /** An API server (fabric8's mock, expectations mode) that reports the given version, and a factory whose in-cluster API is it. */
    private final class EksApi implements AutoCloseable {
        final io.fabric8.kubernetes.client.server.mock.KubernetesMockServer server;
        final java.nio.file.Path kubeconfig;

        EksApi(String gitVersion) throws Exception {
            server = new io.fabric8.kubernetes.client.server.mock.KubernetesMockServer(false);
            server.setVersionInfo(new io.fabric8.kubernetes.client.VersionInfo.Builder().withMajor("1").withMinor("30").withGitVersion(gitVersion).build());
            server.init(java.net.InetAddress.getByName("127.0.0.1"), 0);
            kubeconfig = root.resolve("eks-" + server.getPort() + ".yaml");
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: m, cluster: {server: "http://127.0.0.1:%d"}}]
                    contexts: [{name: m, context: {cluster: m, user: m}}]
                    current-context: m
                    users: [{name: m, user: {token: t}}]
                    """.formatted(server.getPort()));
        }

        ResourceDetectionProcessorFactory factory() {
            return new ResourceDetectionProcessorFactory(env::get, root, NAMES, KubernetesClients.system(),
                    new KubernetesClients.ApiConfig(KubernetesClients.AuthType.KUBE_CONFIG, kubeconfig.toString(), ""));
        }

        @Override
        public void close() {
            try {
                server.destroy();
            } catch (IllegalStateException e) {
                // the mock waits a bounded time for keep-alive connections; its listener is closed by then
            }
        }
    }

    @Test
    void ec2TagsFromTheSignedApiOrFromImds() throws Exception {
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", url(""));
        env.put("AWS_ENDPOINT_URL_EC2", cloudUrl(""));
        env.putAll(Map.of("AWS_ACCESS_KEY_ID", "AKENV", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "tok"));
        route("GET /?Action=DescribeTags&Filter.1.Name=resource-id&Filter.1.Value.1=i-0abc&Version=2016-11-15", 200, """
                <DescribeTagsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><tagSet>
                <item><resourceId>i-0abc</resourceId><resourceType>instance</resourceType><key>team</key><value>obs</value></item>
                <item><resourceId>i-0abc</resourceId><resourceType>instance</resourceType><key>cost-center</key><value>42</value></item>
                </tagSet></DescribeTagsResponse>""", "Authorization^ AWS4-HMAC-SHA256 Credential=AKENV/");
        AttributeMap m = run("detectors: [ec2]\nec2: {tags: ['^team$']}");
        assertThat(m.get("ec2.tag.team")).isEqualTo("obs");
        assertThat(m.containsKey("ec2.tag.cost-center")).isFalse();
        env.put("AWS_ACCESS_KEY_ID", "WRONG");
        assertThatThrownBy(() -> run("detectors: [ec2]\nec2: {tags: ['^team$']}")).hasMessageContaining("failed fetching ec2 instance tags");

        // EKS IRSA: a web identity token exchanged with STS, then the same signed call
        env.remove("AWS_ACCESS_KEY_ID");
        env.remove("AWS_SECRET_ACCESS_KEY");
        Files.writeString(root.resolve("irsa-token"), "jwt-1\n");
        env.putAll(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", root.resolve("irsa-token").toString(), "AWS_ROLE_ARN", "arn:aws:iam::1:role/collector",
                "AWS_ENDPOINT_URL_STS", cloudUrl("")));
        route("GET /?Action=AssumeRoleWithWebIdentity&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fcollector&RoleSessionName=ottl4j-resourcedetection"
                + "&Version=2011-06-15&WebIdentityToken=jwt-1", 200, """
                <AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>ASIAWEB</AccessKeyId>
                <SecretAccessKey>web-secret</SecretAccessKey><SessionToken>web-token</SessionToken></Credentials></AssumeRoleWithWebIdentityResult>
                </AssumeRoleWithWebIdentityResponse>""");
        routes.put("GET /?Action=DescribeTags&Filter.1.Name=resource-id&Filter.1.Value.1=i-0abc&Version=2016-11-15", new String[] {"200",
                routes.get("GET /?Action=DescribeTags&Filter.1.Name=resource-id&Filter.1.Value.1=i-0abc&Version=2016-11-15")[1],
                "Authorization^ AWS4-HMAC-SHA256 Credential=ASIAWEB/"});
        assertThat(run("detectors: [ec2]\nec2: {tags: ['^team$']}").get("ec2.tag.team")).isEqualTo("obs");

        metadata.createContext("/latest/meta-data/tags/instance", x -> {
            String p = x.getRequestURI().getPath();
            reply(x, p.endsWith("/instance") ? "Name\nteam" : p.endsWith("/team") ? "from-imds" : "web", 200);
        });
        AttributeMap imds = run("detectors: [ec2]\nec2: {tags: ['^team$'], tags_from_imds: true}");
        assertThat(imds.get("ec2.tag.team")).isEqualTo("from-imds");
    }

    @Test
    void gceLabelsFromTheComputeApi() throws Exception {
        env.put("GCE_METADATA_HOST", "127.0.0.1:" + metadata.getAddress().getPort());
        env.put("OTTL4J_METADATA_ENDPOINT_GCP_COMPUTE", cloudUrl(""));
        metadata.createContext("/computeMetadata/v1/instance/service-accounts/default/token", x -> reply(x,
                "{\"access_token\":\"ya29.t\",\"expires_in\":3599,\"token_type\":\"Bearer\"}", 200));
        route("GET /compute/v1/projects/acme-prod/zones/europe-west4-a/instances/gke-node-1", 200,
                "{\"name\":\"gke-node-1\",\"labels\":{\"env\":\"prod\",\"team\":\"obs\"}}", "Authorization: Bearer ya29.t");
        AttributeMap m = run("detectors: [gcp]\ngcp: {labels: ['^env$']}");
        assertThat(m.get("gcp.gce.instance.labels.env")).isEqualTo("prod");
        assertThat(m.containsKey("gcp.gce.instance.labels.team")).isFalse();
    }

    @Test
    void aksAndAzureContainerAppsAndHeroku() throws Exception {
        env.put("IMDS_ENDPOINT", url(""));
        assertThat(run("detectors: [aks]").containsKey("cloud.platform")).as("not in Kubernetes").isFalse();
        env.put("KUBERNETES_SERVICE_HOST", "10.0.0.1");
        AttributeMap aks = run("detectors: [aks]\naks: {resource_attributes: {k8s.cluster.name: {enabled: true}}}");
        assertThat(aks.get("cloud.platform")).isEqualTo("azure_aks");
        assertThat(aks.get("k8s.cluster.name")).as("not an MC_ group: the group itself").isEqualTo("rg-1");
        assertThat(io.ottl4j.collector.processor.resourcedetection.internal.AksDetector.clusterName("MC_my-group_my-cluster_eastus")).isEqualTo("my-cluster");

        env.putAll(Map.of("CONTAINER_APP_NAME", "api", "CONTAINER_APP_REPLICA_NAME", "api--r1-abc", "CONTAINER_APP_REVISION", "api--r1"));
        AttributeMap aca = run("detectors: [azurecontainerapps]");
        assertThat(aca.get("service.name")).isEqualTo("api");
        assertThat(aca.get("service.instance.id")).isEqualTo("api--r1-abc");

        assertThat(run("detectors: [heroku]").containsKey("cloud.provider")).isFalse();
        env.putAll(Map.of("HEROKU_APP_ID", "app-1", "HEROKU_APP_NAME", "shop", "HEROKU_DYNO_ID", "dyno-1", "HEROKU_RELEASE_VERSION", "v42",
                "HEROKU_SLUG_COMMIT", "abc", "HEROKU_RELEASE_CREATED_AT", "2026-12-01T00:00:00Z"));
        AttributeMap h = run("detectors: [heroku]");
        assertThat(h.get("cloud.provider")).isEqualTo("heroku");
        assertThat(h.get("service.name")).isEqualTo("shop");
        assertThat(h.get("service.instance.id")).isEqualTo("dyno-1");
        assertThat(h.get("service.version")).isEqualTo("v42");
        assertThat(h.get("heroku.release.commit")).isEqualTo("abc");
    }

    @Test
    void consulAgentSelf() throws Exception {
        route("GET /v1/agent/self?dc=dc2", 200, """
                {"Config":{"NodeName":"node-a","Datacenter":"dc2","NodeID":"n-1"},"Meta":{"rack":"r7","secret":"s"}}""", "X-Consul-Token: tk");
        AttributeMap m = run("detectors: [consul]\nconsul: {address: '" + cloudUrl("") + "', datacenter: dc2, token: tk, meta: {rack: ''}}");
        assertThat(m.get("host.name")).isEqualTo("node-a");
        assertThat(m.get("cloud.region")).isEqualTo("dc2");
        assertThat(m.get("host.id")).isEqualTo("n-1");
        assertThat(m.get("rack")).isEqualTo("r7");
        assertThat(m.containsKey("secret")).isFalse();
        assertThatThrownBy(() -> run("detectors: [consul]\nconsul: {address: '" + cloudUrl("") + "', token: wrong}"))
                .hasMessageContaining("failed to get consul metadata");
    }

    @Test
    void openshiftInfrastructure() throws Exception {
        route("GET /apis/config.openshift.io/v1/infrastructures/cluster/status", 200, """
                {"status":{"infrastructureName":"ocp-prod-x7","platformStatus":{"type":"AWS","aws":{"region":"US-EAST-2"}}}}""", "Authorization: Bearer sa-tok");
        AttributeMap m = run("detectors: [openshift]\nopenshift: {address: '" + cloudUrl("") + "', token: sa-tok, tls: {insecure: true}}");
        assertThat(m.get("k8s.cluster.name")).isEqualTo("ocp-prod-x7");
        assertThat(m.get("cloud.platform")).isEqualTo("aws_openshift");
        assertThat(m.get("cloud.region")).isEqualTo("us-east-2");
        AttributeMap denied = run("detectors: [openshift]\nopenshift: {address: '" + cloudUrl("") + "', token: other}");
        assertThat(denied.containsKey("k8s.cluster.name")).as("API failure: logged, nothing detected").isFalse();
        assertThatThrownBy(() -> run("detectors: [openshift]")).hasMessageContaining("KUBERNETES_SERVICE_HOST");
    }

    @Test
    void kubeadmClusterNameAndUid() throws Exception {
        try (MockKubernetesApi api = MockKubernetesApi.start(root)) {
            var ks = api.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("kube-system").endMetadata().build()).create();
            api.client().configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata().withName("kubeadm-config")
                    .withNamespace("kube-system").endMetadata().addToData("ClusterConfiguration", "apiVersion: kubeadm.k8s.io/v1beta3\nclusterName: lab\n")
                    .build()).create();
            AttributeMap m = run("detectors: [kubeadm]\nkubeadm:\n  " + api.authYaml().replace("\n", "\n  ")
                    + "\n  resource_attributes: {k8s.cluster.uid: {enabled: true}}");
            assertThat(m.get("k8s.cluster.name")).isEqualTo("lab");
            assertThat(m.get("k8s.cluster.uid")).isEqualTo(ks.getMetadata().getUid());
        }
    }

    @Test
    void dynatraceEnrichmentFile() throws Exception {
        assertThat(run("detectors: [dynatrace]").containsKey("dt.entity.host")).isFalse();
        Files.createDirectories(root.resolve("var/lib/dynatrace/enrichment"));
        Files.writeString(root.resolve("var/lib/dynatrace/enrichment/dt_host_metadata.properties"),
                "dt.entity.host=HOST-1\nhost.name=dthost\nother=x\nnot a pair\ndt.smartscape.host=a=b\n");
        AttributeMap m = run("detectors: [dynatrace]");
        assertThat(m.get("dt.entity.host")).isEqualTo("HOST-1");
        assertThat(m.get("host.name")).isEqualTo("dthost");
        assertThat(m.get("dt.smartscape.host")).isEqualTo("a=b");
        assertThat(m.containsKey("other")).isFalse();
    }

    @Test
    void dockerOverTcpAndOverItsUnixSocket() throws Exception {
        route("GET /info", 200, "{\"Name\":\"docker-host-1\",\"OSType\":\"linux\"}");
        route("GET /containers/web-7/json", 200, """
                {"Name":"/otel","Image":"sha256:abc","Config":{"Image":"registry:5000/otel/opentelemetry-collector-contrib:0.115.0"}}""");
        env.put("DOCKER_HOST", "tcp://127.0.0.1:" + cloud.getAddress().getPort());
        AttributeMap m = run("""
                detectors: [docker]
                docker:
                  resource_attributes:
                    container.name: {enabled: true}
                    container.image.id: {enabled: true}
                    container.image.tags: {enabled: true}
                """);
        assertThat(m.get("host.name")).isEqualTo("docker-host-1");
        assertThat(m.get("os.type")).isEqualTo("linux");
        assertThat(m.get("container.name")).isEqualTo("/otel");
        assertThat(m.get("container.image.id")).isEqualTo("sha256:abc");
        assertThat(((AttributeList) m.get("container.image.tags")).get(0)).isEqualTo("0.115.0");

        java.nio.file.Path sock = root.resolve("docker.sock");
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(sock));
            Thread daemon = Thread.ofVirtual().start(() -> {
                while (server.isOpen()) {
                    try (var ch = server.accept()) {
                        java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(4096);
                        while (!new String(in.array(), 0, in.position(), java.nio.charset.StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
                            if (ch.read(in) < 0) {
                                break;
                            }
                        }
                        String body = "{\"Name\":\"unix-host\",\"OSType\":\"linux\"}";
                        // chunked, as the daemon answers when it streams
                        String reply = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + Integer.toHexString(10) + "\r\n" + body.substring(0, 10) + "\r\n"
                                + Integer.toHexString(body.length() - 10) + "\r\n" + body.substring(10) + "\r\n0\r\n\r\n";
                        ch.write(java.nio.ByteBuffer.wrap(reply.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            env.put("DOCKER_HOST", "unix://" + sock);
            AttributeMap u = run("detectors: [docker]");
            assertThat(u.get("host.name")).isEqualTo("unix-host");
            server.close();
            daemon.join(30_000);
        }
        env.put("DOCKER_HOST", "unix://" + root.resolve("absent.sock"));
        assertThat(run("detectors: [docker]").containsKey("host.name")).as("no daemon: nothing").isFalse();
        assertThatThrownBy(() -> run("detectors: [docker]\nfail_on_missing_metadata: true")).hasMessageContaining("docker metadata unavailable");
    }

    @Test
    void aFailedDetectionIsRetriedUntilItSucceeds() throws Exception {
        route("GET /metadata/v1.json", 200, "{\"cloud_name\":\"upcloud\",\"hostname\":\"up-1\",\"instance_id\":\"00aa\",\"region\":\"fi-hel1\"}");
        failFirst.put("GET /metadata/v1.json", 2);
        AttributeMap m = run("detectors: [upcloud]\nfail_on_missing_metadata: true\ntimeout: 60s\nretry: {initial_interval: 10ms, max_interval: 20ms}");
        assertThat(m.get("host.name")).isEqualTo("up-1");
        assertThat(failFirst.get("GET /metadata/v1.json")).as("two failures, then the answer").isZero();
        failFirst.put("GET /metadata/v1.json", 1);
        assertThatThrownBy(() -> run("detectors: [upcloud]\nfail_on_missing_metadata: true\nretry: {enabled: false}"))
                .hasMessageContaining("upcloud metadata unavailable");
    }

    @Test
    void refreshIntervalDetectsAgain() throws Exception {
        route("GET /v1.json", 200, "{\"hostname\":\"before\",\"instance-v2-id\":\"v\",\"region\":{\"regioncode\":\"ewr\"}}");
        var f = factory(KubernetesClients.system());
        run(f, "detectors: [vultr]\nrefresh_interval: 50ms");
        route("GET /v1.json", 200, "{\"hostname\":\"after\",\"instance-v2-id\":\"v\",\"region\":{\"regioncode\":\"ewr\"}}");
        long until = System.nanoTime() + 30_000_000_000L;
        String seen = "";
        while (!seen.equals("after") && System.nanoTime() < until) {
            seen = String.valueOf(consumeAgain().get("host.name"));
        }
        assertThat(seen).isEqualTo("after");
    }

    /** Every network detector pointed at a service that never answers: skipped at the timeout, start goes on. */
    @ParameterizedTest
    @ValueSource(strings = {"akamai", "hetzner", "scaleway", "upcloud", "vultr", "digitalocean", "nova", "oraclecloud", "alibaba_ecs", "tencent_cvm",
            "ibmcloud_vpc", "ibmcloud_classic", "ecs", "openshift", "docker", "aks"})
    void aDetectorWhoseSourceNeverAnswersIsSkippedAtTheTimeout(String type) throws Exception {
        env.replaceAll((k, v) -> k.startsWith("OTTL4J_METADATA_ENDPOINT_") ? cloudUrl("/hang") : v);
        env.put("ECS_CONTAINER_METADATA_URI_V4", cloudUrl("/hang"));
        env.put("IMDS_ENDPOINT", cloudUrl("/hang"));
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", cloudUrl("/hang"));
        env.put("DOCKER_HOST", "tcp://127.0.0.1:" + cloud.getAddress().getPort());
        env.put("KUBERNETES_SERVICE_HOST", "10.0.0.1");
        cloud.createContext("/info", x -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String section = switch (type) {
            case "openshift" -> "\nopenshift: {address: '" + cloudUrl("/hang") + "', token: t}";
            default -> "";
        };
        AttributeMap m = run("detectors: [" + type + "]\ntimeout: 300ms" + section, "service.name", "shop");
        assertThat(m.keys()).containsExactly("service.name");
    }
}

package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code elastic_beanstalk}: the X-Ray configuration file every Beanstalk instance with X-Ray enabled has
 * ({@code /var/elasticbeanstalk/xray/environment.conf}, on Windows {@code C:\Program Files\Amazon\XRay\environment.conf});
 * no file: not on Beanstalk.
 */
public final class ElasticBeanstalkDetector extends CloudDetector {
    public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "deployment.environment",
            "service.instance.id", "service.version"), List.of("deployment.environment.name"));

    public ElasticBeanstalkDetector(AttributeSwitches attrs, Setup setup) {
        super("elastic_beanstalk", attrs, setup, null, "http://unused");
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        Path conf = windows ? Path.of("C:\\Program Files\\Amazon\\XRay\\environment.conf") : setup.file("/var/elasticbeanstalk/xray/environment.conf");
        if (!Files.isRegularFile(conf)) {
            return absent(conf + " does not exist: not on Elastic Beanstalk");
        }
        JsonNode c = MetadataClient.json(Files.readString(conf));
        Map<String, Object> out = new LinkedHashMap<>();
        attrs.put(out, "cloud.provider", "aws");
        attrs.put(out, "cloud.platform", "aws_elastic_beanstalk");
        attrs.put(out, "deployment.environment", c.path("environment_name").asText(""));
        attrs.put(out, "deployment.environment.name", c.path("environment_name").asText(""));
        attrs.put(out, "service.instance.id", c.path("deployment_id").asText(""));
        attrs.put(out, "service.version", c.path("version_label").asText(""));
        return out;
    }
}

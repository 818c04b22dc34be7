package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ecs}: the ECS Task Metadata Endpoint (v4, else v3) named by {@code ECS_CONTAINER_METADATA_URI_V4} /
 * {@code ECS_CONTAINER_METADATA_URI}; neither set: not on ECS. The task document gives the task, cluster and
 * account; the collector's own container document its CloudWatch log group and stream (awslogs driver).
 */
public final class EcsDetector extends CloudDetector {
    public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "cloud.account.id",
            "cloud.region", "cloud.availability_zone", "aws.ecs.cluster.arn", "aws.ecs.task.arn", "aws.ecs.task.family", "aws.ecs.task.id",
            "aws.ecs.task.revision", "aws.ecs.launchtype", "aws.log.group.names", "aws.log.group.arns", "aws.log.stream.names",
            "aws.log.stream.arns"), List.of("aws.ecs.container.arn"));

    public EcsDetector(AttributeSwitches attrs, Setup setup) {
        super("ecs", attrs, setup, null, "http://unused");
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        String tmde = setup.var("ECS_CONTAINER_METADATA_URI_V4");
        if (tmde.isEmpty()) {
            tmde = setup.var("ECS_CONTAINER_METADATA_URI");
        }
        if (tmde.isEmpty()) {
            return absent("ECS_CONTAINER_METADATA_URI(_V4) is not set: not on ECS");
        }
        MetadataClient http = new MetadataClient(timeout);
        JsonNode task;
        JsonNode self;
        try {
            task = http.getJson(tmde + "/task", Map.of());
            self = http.getJson(tmde, Map.of());
        } catch (Exception e) {
            return absent(e);
        }
        String taskArn = task.path("TaskARN").asText("");
        String[] arn = taskArn.split(":");
        String region = arn.length >= 5 ? arn[3] : "";
        String account = arn.length >= 5 ? arn[4] : "";
        Map<String, Object> out = new LinkedHashMap<>();
        attrs.put(out, "cloud.provider", "aws");
        attrs.put(out, "cloud.platform", "aws_ecs");
        attrs.put(out, "cloud.account.id", account);
        attrs.put(out, "cloud.region", region);
        attrs.put(out, "cloud.availability_zone", task.path("AvailabilityZone").asText(""));
        String cluster = task.path("Cluster").asText("");
        attrs.put(out, "aws.ecs.cluster.arn", cluster.contains(":") ? cluster : "arn:aws:ecs:" + region + ":" + account + ":cluster/" + cluster);
        attrs.put(out, "aws.ecs.task.arn", taskArn);
        attrs.put(out, "aws.ecs.task.family", task.path("Family").asText(""));
        attrs.put(out, "aws.ecs.task.id", taskArn.substring(taskArn.lastIndexOf('/') + 1));
        attrs.put(out, "aws.ecs.task.revision", task.path("Revision").asText(""));
        String launch = task.path("LaunchType").asText("").toLowerCase(Locale.ROOT);
        if (launch.equals("ec2") || launch.equals("fargate")) {
            attrs.put(out, "aws.ecs.launchtype", launch);
        }
        attrs.put(out, "aws.ecs.container.arn", self.path("ContainerARN").asText(""));
        JsonNode opts = self.path("LogOptions");
        if ("awslogs".equals(self.path("LogDriver").asText("")) && opts.has("awslogs-group")) {
            String group = opts.path("awslogs-group").asText("");
            String stream = opts.path("awslogs-stream").asText("");
            String logRegion = opts.path("awslogs-region").asText(region);
            String groupArn = "arn:aws:logs:" + logRegion + ":" + account + ":log-group:" + group;
            attrs.put(out, "aws.log.group.names", List.of(group));
            attrs.put(out, "aws.log.group.arns", List.of(groupArn));
            attrs.put(out, "aws.log.stream.names", List.of(stream));
            attrs.put(out, "aws.log.stream.arns", List.of(groupArn + ":log-stream:" + stream));
        }
        return out;
    }
}

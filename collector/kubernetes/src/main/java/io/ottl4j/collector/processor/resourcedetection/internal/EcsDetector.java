package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ecs}: the ECS Task Metadata Endpoint (v4, else v3) named by {@code ECS_CONTAINER_METADATA_URI_V4} /
 * {@code ECS_CONTAINER_METADATA_URI}; neither set: not on ECS. The task document gives the task, cluster and
 * account, and the CloudWatch log groups and streams of the task's other running containers that log with the
 * {@code awslogs} driver (the collector runs as a sidecar; its own container document says which one it is). The task
 * document failing is an error; the own container document failing drops the log attributes (an error with
 * {@code fail_on_missing_metadata}).
 */
public final class EcsDetector extends CloudDetector {
    public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "cloud.account.id",
            "cloud.region", "cloud.availability_zone", "aws.ecs.cluster.arn", "aws.ecs.task.arn", "aws.ecs.task.family", "aws.ecs.task.id",
            "aws.ecs.task.revision", "aws.ecs.launchtype", "aws.log.group.names", "aws.log.group.arns", "aws.log.stream.names",
            "aws.log.stream.arns"), List.of());

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
        try {
            task = http.getJson(tmde + "/task", Map.of());
        } catch (Exception e) {
            throw new IllegalStateException("unable to fetch task metadata: " + e.getMessage(), e);
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
        JsonNode self;
        try {
            self = http.getJson(tmde, Map.of());
        } catch (Exception e) {
            if (failOnMissing) {
                throw new IllegalStateException("unable to fetch the container metadata: " + e.getMessage(), e);
            }
            log.fine("ecs: own container metadata unavailable, no log attributes: " + e);
            return out;
        }
        List<String> groups = new ArrayList<>();
        List<String> groupArns = new ArrayList<>();
        List<String> streams = new ArrayList<>();
        List<String> streamArns = new ArrayList<>();
        for (JsonNode c : task.path("Containers")) {
            JsonNode opts = c.path("LogOptions");
            if ("NORMAL".equals(c.path("Type").asText()) && "RUNNING".equals(c.path("KnownStatus").asText()) && "awslogs".equals(c.path("LogDriver").asText())
                    && !self.path("DockerId").asText("").equals(c.path("DockerId").asText("")) && !opts.isEmpty()) {
                String group = opts.path("awslogs-group").asText("");
                String stream = opts.path("awslogs-stream").asText("");
                String groupArn = "arn:aws:logs:" + opts.path("awslogs-region").asText("") + ":" + account + ":log-group:" + group;
                groups.add(group);
                groupArns.add(groupArn);
                streams.add(stream);
                streamArns.add(groupArn + ":log-stream:" + stream);
            }
        }
        if (!groups.isEmpty()) {
            attrs.put(out, "aws.log.group.names", groups);
            attrs.put(out, "aws.log.group.arns", groupArns);
            attrs.put(out, "aws.log.stream.names", streams);
            attrs.put(out, "aws.log.stream.arns", streamArns);
        }
        return out;
    }
}

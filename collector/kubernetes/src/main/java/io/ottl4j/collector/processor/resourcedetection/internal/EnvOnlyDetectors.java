package io.ottl4j.collector.processor.resourcedetection.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Detectors that read only the variables their platform puts in a process's environment. */
public final class EnvOnlyDetectors {
    private EnvOnlyDetectors() {
    }

    /** {@code lambda}: the AWS Lambda runtime's variables; nothing outside Lambda ({@code AWS_LAMBDA_FUNCTION_NAME} unset). */
    public static final class Lambda extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "cloud.region",
                "faas.name", "faas.version", "faas.instance", "faas.max_memory", "aws.log.group.names", "aws.log.stream.names"), List.of());

        public Lambda(AttributeSwitches attrs, Setup setup) {
            super("lambda", attrs, setup, null, "http://unused");
        }

        @Override
        public Map<String, Object> detect(Duration timeout) {
            String fn = setup.var("AWS_LAMBDA_FUNCTION_NAME");
            if (fn.isEmpty()) {
                return absent("AWS_LAMBDA_FUNCTION_NAME is not set: not on AWS Lambda");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            attrs.put(out, "cloud.provider", "aws");
            attrs.put(out, "cloud.platform", "aws_lambda");
            attrs.put(out, "cloud.region", setup.var("AWS_REGION"));
            attrs.put(out, "faas.name", fn);
            attrs.put(out, "faas.version", setup.var("AWS_LAMBDA_FUNCTION_VERSION"));
            attrs.put(out, "faas.instance", setup.var("AWS_LAMBDA_LOG_STREAM_NAME"));
            attrs.put(out, "faas.max_memory", setup.var("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
            attrs.put(out, "aws.log.group.names", setup.var("AWS_LAMBDA_LOG_GROUP_NAME"));
            attrs.put(out, "aws.log.stream.names", setup.var("AWS_LAMBDA_LOG_STREAM_NAME"));
            return out;
        }
    }

    /** {@code heroku}: the dyno metadata variables; nothing when neither {@code HEROKU_DYNO_ID} nor {@code HEROKU_APP_ID} is set. */
    public static final class Heroku extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "heroku.app.id", "service.name",
                "service.instance.id", "service.version", "heroku.release.commit", "heroku.release.creation_timestamp"),
                List.of("heroku.app.name", "heroku.dyno.id", "heroku.release.version"));

        public Heroku(AttributeSwitches attrs, Setup setup) {
            super("heroku", attrs, setup, null, "http://unused");
        }

        @Override
        public Map<String, Object> detect(Duration timeout) {
            String dyno = setup.var("HEROKU_DYNO_ID");
            String app = setup.var("HEROKU_APP_ID");
            if (dyno.isEmpty() && app.isEmpty()) {
                return absent("HEROKU_DYNO_ID and HEROKU_APP_ID are not set: dyno metadata is not enabled or not on Heroku");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            attrs.put(out, "cloud.provider", "heroku");
            attrs.put(out, "heroku.app.id", app);
            attrs.put(out, "service.name", setup.var("HEROKU_APP_NAME"));
            attrs.put(out, "heroku.app.name", setup.var("HEROKU_APP_NAME"));
            attrs.put(out, "service.instance.id", dyno);
            attrs.put(out, "heroku.dyno.id", dyno);
            attrs.put(out, "heroku.release.creation_timestamp", setup.var("HEROKU_RELEASE_CREATED_AT"));
            attrs.put(out, "service.version", setup.var("HEROKU_RELEASE_VERSION"));
            attrs.put(out, "heroku.release.version", setup.var("HEROKU_RELEASE_VERSION"));
            attrs.put(out, "heroku.release.commit", setup.var("HEROKU_SLUG_COMMIT"));
            return out;
        }
    }

    /** {@code azurecontainerapps}: the variables Azure Container Apps injects; nothing when {@code CONTAINER_APP_NAME} is unset. */
    public static final class AzureContainerApps extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "service.name",
                "service.instance.id", "service.version"), List.of());

        public AzureContainerApps(AttributeSwitches attrs, Setup setup) {
            super("azurecontainerapps", attrs, setup, null, "http://unused");
        }

        @Override
        public Map<String, Object> detect(Duration timeout) {
            String app = setup.var("CONTAINER_APP_NAME");
            if (app.isEmpty()) {
                return absent("CONTAINER_APP_NAME is not set: not on Azure Container Apps");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            attrs.put(out, "cloud.provider", "azure");
            attrs.put(out, "cloud.platform", "azure.container_apps");
            attrs.put(out, "service.name", app);
            attrs.put(out, "service.instance.id", setup.var("CONTAINER_APP_REPLICA_NAME"));
            attrs.put(out, "service.version", setup.var("CONTAINER_APP_REVISION"));
            return out;
        }
    }
}

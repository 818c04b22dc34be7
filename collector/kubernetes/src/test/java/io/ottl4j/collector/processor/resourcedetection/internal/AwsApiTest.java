package io.ottl4j.collector.processor.resourcedetection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signature Version 4 against the example AWS publishes in its signing documentation. */
class AwsApiTest {
    @Test
    void signsThePublishedExample() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/x-www-form-urlencoded; charset=utf-8");
        AwsApi.sign("GET", URI.create("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"), headers,
                new AwsApi.Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""), "us-east-1", "iam",
                Instant.parse("2015-08-30T12:36:00Z"));
        assertThat(headers.get("Authorization")).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
        assertThat(headers.get("x-amz-date")).isEqualTo("20150830T123600Z");
    }

    @Test
    void aSessionTokenIsSignedAndQueryValuesAreEncodedTheAwsWay() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        AwsApi.sign("GET", URI.create("http://127.0.0.1:8080/?Action=DescribeTags"), headers, new AwsApi.Credentials("AK", "SK", "TOKEN"), "eu-west-1",
                "ec2", Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(headers.get("host")).isEqualTo("127.0.0.1:8080");
        assertThat(headers.get("x-amz-security-token")).isEqualTo("TOKEN");
        assertThat(headers.get("Authorization")).contains("SignedHeaders=host;x-amz-date;x-amz-security-token");
        assertThat(AwsApi.encode("a b/c~d*e")).isEqualTo("a%20b%2Fc~d%2Ae");
    }
}

package io.ottl4j.collector.kafka;

import io.ottl4j.pdata.AttributeMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The message key of {@code partition_*_by_resource_attributes}: a digest of the resource's attributes in key
 * order, so one resource always lands on one partition whatever the order of its attributes. (Upstream hashes
 * with pdatautil.MapHash; the keys agree among ottl4j collectors, not with Go's.)
 */
final class ResourceKey {
    private ResourceKey() {
    }

    static byte[] of(AttributeMap attributes) {
        List<String> pairs = new ArrayList<>(attributes.size());
        attributes.forEach((k, v) -> pairs.add(k + "\u0000" + v));
        Collections.sort(pairs);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : pairs) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 1);
            }
            byte[] full = md.digest();
            byte[] key = new byte[16];
            System.arraycopy(full, 0, key, 0, 16);
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.ottl4j.collector.processor.k8sattributes.internal;

/** Container image references as upstream reads them (docker reference grammar, simplified). */
final class ImageNames {
    private ImageNames() {
    }

    /** {@code [repository, tag]} of an image reference; the tag is {@code latest} when neither tag nor digest is given. */
    static String[] parse(String image) {
        if (image.isEmpty()) {
            return null;
        }
        String rest = image;
        boolean digest = false;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = true;
            rest = rest.substring(0, at);
        }
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        String repo = rest;
        String tag = "";
        if (colon > slash) {
            repo = rest.substring(0, colon);
            tag = rest.substring(colon + 1);
        }
        if (repo.isEmpty()) {
            return null;
        }
        if (tag.isEmpty() && !digest) {
            tag = "latest";
        }
        return new String[] {repo, tag};
    }

    /** service.version per the semconv k8s rules: {@code tag@digest}, the digest, or the tag. */
    static String serviceVersion(String image) {
        int at = image.indexOf('@');
        String digest = at >= 0 ? image.substring(at + 1) : "";
        String named = at >= 0 ? image.substring(0, at) : image;
        int slash = named.lastIndexOf('/');
        int colon = named.lastIndexOf(':');
        String tag = colon > slash ? named.substring(colon + 1) : "";
        if (!digest.isEmpty()) {
            return tag.isEmpty() ? digest : tag + "@" + digest;
        }
        return tag;
    }

    /** The normalised {@code repository@sha256:...} of a container status imageID, or null. */
    static String canonicalRef(String imageId) {
        String s = imageId;
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int at = s.indexOf("@sha256:");
        if (at <= 0) {
            return null;
        }
        String name = s.substring(0, at);
        String first = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
        if (first.isEmpty()) {
            name = "docker.io/library/" + name;
        } else if (!first.contains(".") && !first.contains(":") && !first.equals("localhost")) {
            name = "docker.io/" + name;
        }
        return name + s.substring(at);
    }
}

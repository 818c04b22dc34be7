package io.ottl4j.boot;

import java.util.jar.Attributes;
import java.util.jar.Manifest;

/** The manifest attributes a package is defined with; only these are kept (a signed jar's manifest lists every entry). */
record PackageInfo(String specTitle, String specVersion, String specVendor, String implTitle, String implVersion, String implVendor) {
    static final PackageInfo NONE = new PackageInfo(null, null, null, null, null, null);

    static PackageInfo of(Manifest manifest) {
        if (manifest == null) {
            return NONE;
        }
        Attributes a = manifest.getMainAttributes();
        return new PackageInfo(a.getValue(Attributes.Name.SPECIFICATION_TITLE), a.getValue(Attributes.Name.SPECIFICATION_VERSION),
                a.getValue(Attributes.Name.SPECIFICATION_VENDOR), a.getValue(Attributes.Name.IMPLEMENTATION_TITLE),
                a.getValue(Attributes.Name.IMPLEMENTATION_VERSION), a.getValue(Attributes.Name.IMPLEMENTATION_VENDOR));
    }
}

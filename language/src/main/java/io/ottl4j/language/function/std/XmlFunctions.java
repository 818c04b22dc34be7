package io.ottl4j.language.function.std;

/** OTTL functions: XmlFunctions (see docs/writing-functions.md). */
public final class XmlFunctions {
    private XmlFunctions() {
    }
}

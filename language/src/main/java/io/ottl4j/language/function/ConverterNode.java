package io.ottl4j.language.function;

import io.ottl4j.language.nodes.ExprNode;

/** Base of converters: functions that compute a value from their arguments and change nothing. */
public abstract class ConverterNode extends ExprNode {
}

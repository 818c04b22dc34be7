package io.ottl4j.language.internal.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.LogicOperation;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.nodes.BoolNode;

/**
 * A condition sequence (upstream ConditionSequence): ORed or ANDed, with the error mode deciding what an
 * erroring condition means. Under ignore/silent an error counts as "no match" for OR and is skipped for
 * AND, where the result is true only if some condition held and none failed.
 */
public final class ConditionsNode extends Node {
    @Children private final BoolNode[] conditions;
    private final String[] texts;
    private final LogicOperation logic;
    private final ErrorMode errorMode;

    public ConditionsNode(BoolNode[] conditions, String[] texts, LogicOperation logic, ErrorMode errorMode) {
        this.conditions = conditions;
        this.texts = texts;
        this.logic = logic;
        this.errorMode = errorMode;
    }

    @ExplodeLoop
    public boolean execute(VirtualFrame frame) {
        boolean anyTrue = false;
        for (int i = 0; i < conditions.length; i++) {
            boolean result;
            try {
                result = conditions[i].executeBool(frame);
            } catch (OttlRuntimeException e) {
                ErrorPolicy.handle(errorMode, "condition", texts[i], e);
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                ErrorPolicy.handle(errorMode, "condition", texts[i], ErrorPolicy.fault(e, this));
                continue;
            }
            if (logic == LogicOperation.OR) {
                if (result) {
                    return true;
                }
            } else {
                if (!result) {
                    return false;
                }
                anyTrue = true;
            }
        }
        return logic == LogicOperation.AND && anyTrue;
    }
}

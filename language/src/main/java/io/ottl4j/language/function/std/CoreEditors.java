package io.ottl4j.language.function.std;

import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.function.EditorNode;
import io.ottl4j.language.function.GetSetter;
import io.ottl4j.language.function.Getter;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;

/** The editors every statement list uses: {@code set}. */
public final class CoreEditors {
    private CoreEditors() {
    }

    @OttlFunction(name = "set", kind = OttlFunction.Kind.EDITOR,
            doc = "Sets a field to a value; a nil value leaves the field unchanged.",
            example = "set(attributes[\"env\"], \"prod\")")
    public static final class SetEditor extends EditorNode {
        @Child private GetSetter target;
        @Child private Getter value;

        public SetEditor(@Param("target") GetSetter target, @Param("value") Getter value) {
            this.target = target;
            this.value = value;
        }

        @Override
        public void execute(VirtualFrame frame) {
            Object v = value.get(frame);
            if (v != null) {
                target.set(frame, v);
            }
        }
    }
}

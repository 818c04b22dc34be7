package io.ottl4j.language.internal.contexts;

import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.Ottl;
import java.util.Set;

/**
 * What the setters of a statement do with a value they cannot store, fixed when the statement binds from the
 * feature gates it is compiled under. The baseline ignores it ({@code set(name, 1)} does nothing). Upstream's
 * current setters ({@code ctxutil.ExpectType}) reject it: a value of another type is an error, nil is
 * {@code ErrSetNil} for a scalar or struct field, and a map, list or any-value field is emptied by nil.
 */
public enum WritePolicy {
    /** The spec's baseline: wrong types and nil are ignored. */
    BASELINE(false, false),
    /** {@code ottl.set.allowNil}: nil reaches setters, which empty containers and reject nil elsewhere; wrong types are still ignored. */
    NIL_CHECKED(false, true),
    /** {@code ottl.contexts.strictSetters}: upstream's current setters, wrong types and nil both checked. */
    STRICT(true, true);

    private final boolean strictTypes;
    private final boolean nilChecked;

    WritePolicy(boolean strictTypes, boolean nilChecked) {
        this.strictTypes = strictTypes;
        this.nilChecked = nilChecked;
    }

    /** A value of another type is an error (upstream's {@code expects string but got int64}). */
    public boolean strictTypes() {
        return strictTypes;
    }

    /** Nil empties a container and is an error for a scalar or struct field; otherwise it is ignored. */
    public boolean nilChecked() {
        return nilChecked;
    }

    public static WritePolicy of(Set<String> featureGates) {
        if (featureGates.contains(Ottl.STRICT_SETTERS_GATE)) {
            return STRICT;
        }
        return featureGates.contains(Ottl.SET_ALLOW_NIL_GATE) ? NIL_CHECKED : BASELINE;
    }

    /** A path node whose setters follow a policy: setters receive it as their location. */
    public interface Site {
        WritePolicy writePolicy();
    }

    static WritePolicy at(Node location) {
        return location instanceof Site s ? s.writePolicy() : BASELINE;
    }
}

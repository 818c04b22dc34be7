package io.ottl4j.repl.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What changed between two snapshots of the same records. */
public final class Diff {
    /** One changed field: added (before null), removed (after null) or changed. */
    public record Change(String path, String before, String after) {
        public boolean added() {
            return before == null;
        }

        public boolean removed() {
            return after == null;
        }
    }

    /** A record that changed, appeared or disappeared; {@code before}/{@code after} is null for those. */
    public record RecordChange(Units.Unit before, Units.Unit after, List<Change> changes) {
        public Units.Unit unit() {
            return after != null ? after : before;
        }

        public boolean isNew() {
            return before == null;
        }

        public boolean isGone() {
            return after == null;
        }
    }

    private Diff() {
    }

    public static List<RecordChange> of(Map<String, Units.Unit> before, Map<String, Units.Unit> after) {
        List<RecordChange> out = new ArrayList<>();
        for (Units.Unit a : after.values()) {
            Units.Unit b = before.get(a.key());
            if (b == null || b.kind() != a.kind()) {
                out.add(new RecordChange(null, a, fields(Map.of(), a.tree().flatten())));
                continue;
            }
            List<Change> changes = fields(b.tree().flatten(), a.tree().flatten());
            if (!changes.isEmpty()) {
                out.add(new RecordChange(b, a, changes));
            }
        }
        for (Units.Unit b : before.values()) {
            Units.Unit a = after.get(b.key());
            if (a == null || a.kind() != b.kind()) {
                out.add(new RecordChange(b, null, List.of()));
            }
        }
        return out;
    }

    /** Field changes in the order of the record after the change, then the removed fields. */
    public static List<Change> fields(Map<String, String> before, Map<String, String> after) {
        List<Change> out = new ArrayList<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            String old = before.get(e.getKey());
            if (old == null) {
                out.add(new Change(e.getKey(), null, e.getValue()));
            } else if (!old.equals(e.getValue())) {
                out.add(new Change(e.getKey(), old, e.getValue()));
            }
        }
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                out.add(new Change(e.getKey(), e.getValue(), null));
            }
        }
        return out;
    }
}

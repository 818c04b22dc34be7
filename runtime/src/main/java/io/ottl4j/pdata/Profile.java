package io.ottl4j.pdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A profile (OTLP development-stage {@code Profile}): samples of one sample type over a time window. Strings,
 * attributes, stacks and locations live in the {@link ProfilesDictionary} this profile points into, shared with the
 * other profiles of its request.
 */
public final class Profile implements TelemetryItem<Profile> {
    /** A sample or period type (proto {@code ValueType}); type and unit are string-table indices. */
    public record ValueType(int typeStrindex, int unitStrindex, int aggregationTemporality) {
        public static final ValueType EMPTY = new ValueType(0, 0, 0);
    }

    /** One sample (proto {@code Sample}): a stack, values and/or timestamps, attributes, a link. */
    public record Sample(int stackIndex, long[] values, int[] attributeIndices, int linkIndex, long[] timestampsUnixNano) {}

    /** The 16-byte id, all zeros when unset. */
    public static final int ID_SIZE = 16;

    private ProfilesDictionary dictionary;
    private ValueType sampleType = ValueType.EMPTY;
    private final List<Sample> samples = new ArrayList<>();
    private long timeUnixNano;
    private long durationNano;
    private ValueType periodType = ValueType.EMPTY;
    private long period;
    private final IntList commentStrindices = new IntList();
    private byte[] profileId = new byte[ID_SIZE];
    private int droppedAttributesCount;
    private String originalPayloadFormat = "";
    private byte[] originalPayload = new byte[0];
    private final IntList attributeIndices = new IntList();

    /** A profile with a dictionary of its own. */
    public Profile() {
        this(new ProfilesDictionary());
    }

    public Profile(ProfilesDictionary dictionary) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    }

    public ProfilesDictionary dictionary() {
        return dictionary;
    }

    /** Points this profile into another dictionary (its indices must be valid there). */
    public void setDictionary(ProfilesDictionary dictionary) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    }

    public ValueType sampleType() {
        return sampleType;
    }

    public void setSampleType(ValueType sampleType) {
        this.sampleType = Objects.requireNonNull(sampleType, "sampleType");
    }

    /** The samples; a mutable list. */
    public List<Sample> samples() {
        return samples;
    }

    public long timeUnixNano() {
        return timeUnixNano;
    }

    public void setTimeUnixNano(long timeUnixNano) {
        this.timeUnixNano = timeUnixNano;
    }

    /** An OTLP uint64. */
    public long durationNano() {
        return durationNano;
    }

    public void setDurationNano(long durationNano) {
        this.durationNano = durationNano;
    }

    public ValueType periodType() {
        return periodType;
    }

    public void setPeriodType(ValueType periodType) {
        this.periodType = Objects.requireNonNull(periodType, "periodType");
    }

    public long period() {
        return period;
    }

    public void setPeriod(long period) {
        this.period = period;
    }

    /** Indices into the string table; mutable. */
    public IntList commentStrindices() {
        return commentStrindices;
    }

    /** A copy of the 16-byte id. */
    public byte[] profileId() {
        return profileId.clone();
    }

    public void setProfileId(byte[] id) {
        if (id.length != ID_SIZE) {
            throw new IllegalArgumentException("profile ids must be " + ID_SIZE + " bytes, got " + id.length);
        }
        this.profileId = id.clone();
    }

    public boolean hasProfileId() {
        for (byte b : profileId) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    /** An OTLP uint32. */
    public int droppedAttributesCount() {
        return droppedAttributesCount;
    }

    public void setDroppedAttributesCount(int droppedAttributesCount) {
        this.droppedAttributesCount = droppedAttributesCount;
    }

    public String originalPayloadFormat() {
        return originalPayloadFormat;
    }

    public void setOriginalPayloadFormat(String format) {
        this.originalPayloadFormat = Objects.requireNonNull(format, "format");
    }

    /** A copy of the original payload bytes. */
    public byte[] originalPayload() {
        return originalPayload.clone();
    }

    public void setOriginalPayload(byte[] payload) {
        this.originalPayload = payload.clone();
    }

    /** Indices into the dictionary's attribute table; mutable. */
    public IntList attributeIndices() {
        return attributeIndices;
    }

    /** The profile's attributes resolved through the dictionary, as a new map (changes to it are not written back). */
    public AttributeMap attributes() {
        return dictionary.attributes(attributeIndices);
    }

    /**
     * Sets attribute {@code key} to {@code value} through the dictionary (upstream's OTTL profile attribute setter):
     * the key and the entry are added to the tables when absent, and the profile's index for that key is replaced or
     * appended.
     */
    public void putAttribute(String key, Object value) {
        int keyIndex = dictionary.putString(key);
        int entry = dictionary.putAttribute(new ProfilesDictionary.Attribute(keyIndex, AnyValue.deepCopy(value), 0));
        for (int k = 0; k < attributeIndices.size(); k++) {
            int i = attributeIndices.get(k);
            if (i == entry) {
                return;
            }
            if (i >= 0 && i < dictionary.attributeTable().size() && dictionary.attributeTable().get(i).keyStrindex() == keyIndex) {
                attributeIndices.set(k, entry);
                return;
            }
        }
        attributeIndices.add(entry);
    }

    /** Replaces all the profile's attributes with {@code attributes}' entries, through the dictionary. */
    public void setAttributes(AttributeMap attributes) {
        attributeIndices.clear();
        attributes.forEach(this::putAttribute);
    }

    /**
     * Applies the difference between two states of this profile's attribute map through the dictionary: keys absent
     * from {@code after} lose their index, new or changed values are set as {@link #putAttribute} does, unchanged ones
     * keep their entry (and unit).
     */
    public void updateAttributes(AttributeMap before, AttributeMap after) {
        IntList kept = new IntList();
        for (int k = 0; k < attributeIndices.size(); k++) {
            int i = attributeIndices.get(k);
            String key = i >= 0 && i < dictionary.attributeTable().size() ? dictionary.string(dictionary.attributeTable().get(i).keyStrindex()) : null;
            if (key == null || after.containsKey(key)) {
                kept.add(i);
            }
        }
        attributeIndices.setAll(kept.toArray());
        after.forEach((key, value) -> {
            if (!before.containsKey(key) || !AnyValue.deepEquals(before.get(key), value)) {
                putAttribute(key, value);
            }
        });
    }

    /** A copy pointing into {@code target} (the caller keeps the indices valid there). */
    public Profile copyInto(ProfilesDictionary target) {
        Profile c = new Profile(target);
        c.sampleType = sampleType;
        c.samples.addAll(samples);
        c.timeUnixNano = timeUnixNano;
        c.durationNano = durationNano;
        c.periodType = periodType;
        c.period = period;
        c.commentStrindices.setAll(commentStrindices.toArray());
        c.profileId = profileId;
        c.droppedAttributesCount = droppedAttributesCount;
        c.originalPayloadFormat = originalPayloadFormat;
        c.originalPayload = originalPayload;
        c.attributeIndices.setAll(attributeIndices.toArray());
        return c;
    }

    /** A deep copy with a copy of the dictionary of its own; batches copy a shared dictionary once instead. */
    @Override
    public Profile deepCopy() {
        return copyInto(dictionary.deepCopy());
    }

    @Override
    public String toString() {
        return "Profile{samples=" + samples.size() + ", time=" + timeUnixNano + ", " + attributes() + "}";
    }
}

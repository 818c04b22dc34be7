package io.ottl4j.otlp;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Map;

/**
 * Makes two OTLP messages comparable when they differ only in whether an empty sub-message is present:
 * the Go collector (and our encoder) always writes by-value messages such as an empty {@code status} or
 * log {@code body}, the Java SDK leaves some out. Test code only; it walks the descriptors.
 */
final class ProtoNormalizer {
    private ProtoNormalizer() {}

    @SuppressWarnings("unchecked")
    static <M extends Message> M normalize(M message) {
        Message.Builder b = message.toBuilder();
        for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
            FieldDescriptor f = e.getKey();
            if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            if (f.isRepeated()) {
                List<?> items = (List<?>) e.getValue();
                b.clearField(f);
                for (Object item : items) {
                    b.addRepeatedField(f, normalize((Message) item));
                }
            } else {
                Message child = normalize((Message) e.getValue());
                if (child.equals(child.getDefaultInstanceForType()) && f.getContainingOneof() == null) {
                    b.clearField(f);
                } else {
                    b.setField(f, child);
                }
            }
        }
        return (M) b.build();
    }
}

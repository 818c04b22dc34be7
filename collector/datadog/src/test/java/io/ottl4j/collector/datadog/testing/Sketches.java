package io.ottl4j.collector.datadog.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import java.io.IOException;

/**
 * Reads the total count out of a DDSketch in its protobuf form (sketches-go / sketches-java
 * {@code DDSketch{mapping=1, positiveValues=2, negativeValues=3, zeroCount=4}}, a store being
 * {@code binCounts=1 map<sint32,double>, contiguousBinCounts=2 packed double, offset=3}), written here from
 * the schema rather than with the library that wrote it.
 */
public final class Sketches {
    private Sketches() {
    }

    public static double count(ByteString sketch) throws IOException {
        CodedInputStream in = sketch.newCodedInput();
        double total = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = tag >>> 3;
            if (field == 2 || field == 3) {
                total += storeCount(in.readBytes());
            } else if (field == 4) {
                total += in.readDouble();
            } else {
                in.skipField(tag);
            }
        }
        return total;
    }

    private static double storeCount(ByteString store) throws IOException {
        CodedInputStream in = store.newCodedInput();
        double total = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = tag >>> 3;
            if (field == 1) { // map entry {key=1 sint32, value=2 double}
                CodedInputStream e = in.readBytes().newCodedInput();
                for (int t = e.readTag(); t != 0; t = e.readTag()) {
                    if (t >>> 3 == 2) {
                        total += e.readDouble();
                    } else {
                        e.skipField(t);
                    }
                }
            } else if (field == 2 && (tag & 7) == 2) {
                CodedInputStream p = in.readBytes().newCodedInput();
                while (!p.isAtEnd()) {
                    total += p.readDouble();
                }
            } else if (field == 2) {
                total += in.readDouble();
            } else {
                in.skipField(tag);
            }
        }
        return total;
    }
}

package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.Baseline;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.FloatLikeGetter;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.StringSliceGetter;
import io.ottl4j.language.function.StringLikeGetter;
import io.ottl4j.language.function.std.internal.HashAlgorithms;

/** Converters that fit no other theme: Log, IsValidLuhn, IsInCIDR. */
public final class MiscConverters {
    private MiscConverters() {
    }

    @OttlFunction(name = "Log", kind = OttlFunction.Kind.CONVERTER,
            doc = "The natural logarithm of a number (ints, bools and numeric strings are converted); it must be > 0.",
            example = "Log(attributes[\"bytes\"])")
    public static final class LogConverter extends ConverterNode {
        @Child private FloatLikeGetter target;

        public LogConverter(@Param("target") FloatLikeGetter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            Double v = target.get(frame);
            if (v == null) {
                throw new OttlRuntimeException("Log: invalid input: <nil>", this);
            }
            if (v <= 0) {
                throw nonPositive(v, this);
            }
            return Math.log(v);
        }

        @TruffleBoundary
        private static OttlRuntimeException nonPositive(double v, Node at) {
            return new OttlRuntimeException("Log: invalid input: expected number greater than zero but got "
                    + io.ottl4j.language.function.Values.formatFloat(v), at);
        }
    }

    @OttlFunction(name = "IsValidLuhn", kind = OttlFunction.Kind.CONVERTER,
            doc = "Whether a number (an int, or a string of digits; spaces are ignored) passes the Luhn checksum.",
            example = "IsValidLuhn(attributes[\"card\"])")
    public static final class IsValidLuhnConverter extends ConverterNode {
        @Child private StringLikeGetter target;

        public IsValidLuhnConverter(@Param("target") StringLikeGetter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            String v = target.get(frame);
            if (v == null) {
                throw new OttlRuntimeException("IsValidLuhn: invalid input: <nil>", this);
            }
            return luhn(v, this);
        }

        @TruffleBoundary
        private static boolean luhn(String value, Node at) {
            String digits = value.replace(" ", "");
            if (digits.isEmpty()) {
                return false;
            }
            int check = digit(digits, digits.length() - 1, at);
            int sum = 0;
            boolean alternate = true;
            for (int i = digits.length() - 2; i >= 0; i--) {
                int n = digit(digits, i, at);
                if (alternate) {
                    n *= 2;
                    if (n > 9) {
                        n -= 9;
                    }
                }
                sum += n;
                alternate = !alternate;
            }
            return (10 - sum % 10) % 10 == check;
        }

        /** Go's strconv.Atoi of one byte: a sign alone or a non-digit is an error. */
        private static int digit(String s, int i, Node at) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            throw new OttlRuntimeException("IsValidLuhn: strconv.Atoi: parsing " + io.ottl4j.language.function.std.internal.GoZones.quote(String.valueOf(c))
                    + ": invalid syntax", at);
        }
    }

    @OttlFunction(name = "IsInCIDR", kind = OttlFunction.Kind.CONVERTER,
            doc = "Whether an IP address is in any of the CIDR networks; a target that is not an IP address gives false.",
            example = "IsInCIDR(attributes[\"client.ip\"], [\"10.0.0.0/8\", \"192.168.0.0/16\"])")
    public static final class IsInCIDRConverter extends ConverterNode {
        @Child private StringGetter target;
        @Child private StringSliceGetter networks;
        /** The networks parsed once, when the argument is a list of string literals; else null. */
        private final HashAlgorithms.Cidr[] literal;

        public IsInCIDRConverter(@Param("target") StringGetter target, @Param("networks") @Baseline(StringGetter[].class) StringSliceGetter networks) {
            this.target = target;
            this.networks = networks;
            StringGetter[] elements = networks.elements();
            HashAlgorithms.Cidr[] parsed = elements == null ? null : new HashAlgorithms.Cidr[elements.length];
            for (int i = 0; parsed != null && i < elements.length; i++) {
                if (!elements[i].isLiteral() || !(elements[i].literalValue() instanceof String s)) {
                    parsed = null;
                    break;
                }
                parsed[i] = HashAlgorithms.parseCidr(s);
                if (parsed[i] == null) {
                    throw new OttlArgumentException("networks", "invalid CIDR address: " + s);
                }
            }
            this.literal = parsed;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            byte[] ip = parseIp(target.get(frame));
            if (ip == null) {
                return false;
            }
            if (literal != null) {
                return containsAny(literal, ip);
            }
            // networks are read only once the target is known to be an address, stopping at the first match
            Object[] nets = networks.get(frame);
            return nets != null && containsAny(nets, ip, this);
        }

        @TruffleBoundary
        private static boolean containsAny(Object[] nets, byte[] ip, Node at) {
            for (Object n : nets) {
                if (contains((String) n, ip, at)) {
                    return true;
                }
            }
            return false;
        }

        @TruffleBoundary
        private static byte[] parseIp(String s) {
            return HashAlgorithms.parseGoIp(s);
        }

        @TruffleBoundary
        private static boolean containsAny(HashAlgorithms.Cidr[] nets, byte[] ip) {
            for (HashAlgorithms.Cidr n : nets) {
                if (n.contains(ip)) {
                    return true;
                }
            }
            return false;
        }

        @TruffleBoundary
        private static boolean contains(String network, byte[] ip, Node at) {
            HashAlgorithms.Cidr n = HashAlgorithms.parseCidr(network);
            if (n == null) {
                throw new OttlRuntimeException("IsInCIDR: invalid CIDR address: " + network, at);
            }
            return n.contains(ip);
        }
    }
}

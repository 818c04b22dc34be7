package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.Baseline;
import io.ottl4j.language.function.ByteSliceLikeGetter;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.Getter;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.Values;
import io.ottl4j.language.function.std.internal.Literals;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Hex and base64 encodings, and decoding of base64 and of text in other character sets. */
public final class EncodingConverters {
    private EncodingConverters() {
    }

    @OttlFunction(name = "Hex", kind = OttlFunction.Kind.CONVERTER,
            doc = "Lower-case hex of the value's bytes: strings as UTF-8, ints and doubles as 8 big-endian bytes, bools as 01/00; nil gives \"\".",
            example = "Hex(attributes[\"payload\"])")
    public static final class HexConverter extends ConverterNode {
        @Child private ByteSliceLikeGetter target;

        public HexConverter(@Param("target") ByteSliceLikeGetter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return hex(target.get(frame));
        }

        @TruffleBoundary
        private static String hex(byte[] b) {
            return b == null ? "" : HexFormat.of().formatHex(b);
        }
    }

    @OttlFunction(name = "Base64Decode", kind = OttlFunction.Kind.CONVERTER, deprecated = true,
            doc = "Decodes standard, padded base64 into a string. Deprecated, and removed upstream in v0.162: use "
                    + "Decode(value, \"base64\"); kept here so that older configs keep working.",
            example = "Base64Decode(attributes[\"encoded\"])")
    public static final class Base64DecodeConverter extends ConverterNode {
        @Child private StringGetter target;

        public Base64DecodeConverter(@Param("target") StringGetter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return base64Decode(target.get(frame), "base64", this);
        }
    }

    @OttlFunction(name = "Base64Encode", kind = OttlFunction.Kind.CONVERTER,
            doc = "Encodes a string as base64; variant: base64 (default), base64-raw, base64-url, base64-raw-url.",
            example = "Base64Encode(attributes[\"payload\"], \"base64-url\")")
    public static final class Base64EncodeConverter extends ConverterNode {
        @Child private StringGetter target;
        @Child private StringGetter variant;

        public Base64EncodeConverter(@Param("target") StringGetter target,
                @Param(value = "variant", optional = true, defaultValue = "base64") StringGetter variant) {
            this.target = target;
            this.variant = variant;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            String s = target.get(frame);
            String v = variant == null ? "base64" : variant.get(frame);
            return encode(s, v, this);
        }

        @TruffleBoundary
        private static String encode(String s, String variant, Node node) {
            byte[] data = s.getBytes(StandardCharsets.UTF_8);
            return switch (variant) {
                case "base64" -> Base64.getEncoder().encodeToString(data);
                case "base64-raw" -> Base64.getEncoder().withoutPadding().encodeToString(data);
                case "base64-url" -> Base64.getUrlEncoder().encodeToString(data);
                case "base64-raw-url" -> Base64.getUrlEncoder().withoutPadding().encodeToString(data);
                default -> throw new OttlRuntimeException("Base64Encode: unsupported base64 variant: " + variant, node);
            };
        }
    }

    @OttlFunction(name = "Decode", kind = OttlFunction.Kind.CONVERTER,
            doc = "Decodes a string or bytes: base64, base64-raw, base64-url, base64-raw-url, or text in an IANA character set (e.g. utf-16, windows-1252).",
            example = "Decode(body, \"base64\")")
    public static final class DecodeConverter extends ConverterNode {
        @Child private Getter target;
        @Child private StringGetter encoding;
        /** A literal encoding, or null when it comes from an expression (then looked up on each call). */
        private final String literal;
        /** The literal's character set, looked up once: null for base64, or the lookup's error text (reported when run, as upstream). */
        private final Object charset;

        public DecodeConverter(@Param("target") Getter target, @Param("encoding") @Baseline(String.class) StringGetter encoding) {
            this.target = target;
            this.encoding = encoding;
            this.literal = Literals.string(encoding);
            this.charset = literal == null || isBase64(literal) ? null : lookupCharset(literal);
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            Object v = target.get(frame);
            if (literal != null) {
                return decode(v, literal, charset, this);
            }
            String e = encoding.get(frame);
            return decode(v, e, isBase64(e) ? null : lookupCharset(e), this);
        }

        @TruffleBoundary
        private static String decode(Object v, String encoding, Object charset, Node node) {
            byte[] bytes;
            if (v instanceof String s) {
                bytes = s.getBytes(StandardCharsets.UTF_8);
            } else if (v instanceof byte[] b) {
                bytes = b;
            } else {
                throw new OttlRuntimeException("Decode: unsupported type provided to Decode function: " + Values.typeName(v), node);
            }
            if (isBase64(encoding)) {
                // upstream trims surrounding white space before decoding
                return base64Decode(new String(bytes, StandardCharsets.UTF_8).strip(), encoding, node);
            }
            if (charset instanceof String error) {
                throw new OttlRuntimeException("Decode: " + error, node);
            }
            // invalid input decodes to U+FFFD, as the x/text decoders upstream uses
            return new String(bytes, (Charset) charset);
        }
    }

    private static boolean isBase64(String encoding) {
        return switch (encoding) {
            case "base64", "base64-raw", "base64-url", "base64-raw-url" -> true;
            default -> false;
        };
    }

    /**
     * A Charset, or the error text. Upstream's lookup: a few fixed names (utf-16 is little-endian and keeps a byte order mark as text;
     * ascii and us-ascii decode as UTF-8; nop passes the bytes through), then the IANA registry, where
     * only the character sets Go's x/text implements have a decoder (GB2312, for one, has none).
     */
    @TruffleBoundary
    static Object lookupCharset(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "utf-16", "utf16" -> {
                return StandardCharsets.UTF_16LE;
            }
            case "utf-8", "utf8", "utf-8-raw", "utf8-raw", "ascii", "us-ascii", "nop", "" -> {
                return StandardCharsets.UTF_8;
            }
            default -> {
                Charset c;
                try {
                    c = Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return "unsupported encoding '" + name + "'";
                }
                return X_TEXT_CHARSETS.contains(c.name()) ? c : "no charmap defined for encoding '" + name + "'";
            }
        }
    }

    /** The IANA character sets x/text decodes, by Java's canonical names. */
    private static final java.util.Set<String> X_TEXT_CHARSETS = java.util.Set.of(
            "US-ASCII", "UTF-8", "UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32", "UTF-32BE", "UTF-32LE",
            "ISO-8859-1", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5", "ISO-8859-6", "ISO-8859-7",
            "ISO-8859-8", "ISO-8859-9", "ISO-8859-13", "ISO-8859-15", "ISO-8859-16", "KOI8-R", "KOI8-U",
            "x-windows-874", "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
            "windows-1255", "windows-1256", "windows-1257", "windows-1258", "IBM037", "IBM437", "IBM850", "IBM852",
            "IBM855", "IBM00858", "IBM860", "IBM862", "IBM863", "IBM865", "IBM866", "IBM1047", "IBM01140",
            "Shift_JIS", "EUC-JP", "ISO-2022-JP", "EUC-KR", "GBK", "GB18030", "Big5");

    /**
     * Go's base64 decoders: the padded ones require the '=' padding, the raw ones reject it; line breaks
     * are skipped; anything else outside the alphabet is an error.
     */
    @TruffleBoundary
    static String base64Decode(String input, String variant, Node node) {
        String s = input.indexOf('\n') >= 0 || input.indexOf('\r') >= 0 ? input.replace("\n", "").replace("\r", "") : input;
        boolean raw = variant.endsWith("raw") || variant.endsWith("raw-url");
        boolean url = variant.endsWith("url");
        try {
            if (raw ? s.indexOf('=') >= 0 : s.length() % 4 != 0) {
                throw new IllegalArgumentException("illegal base64 data: " + (raw ? "unexpected padding" : "missing padding"));
            }
            byte[] out = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            String function = variant.equals("base64") && node instanceof Base64DecodeConverter ? "Base64Decode" : "Decode";
            throw new OttlRuntimeException(function + ": could not decode: " + e.getMessage(), node);
        }
    }
}

package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.DurationGetter;
import io.ottl4j.language.function.IntGetter;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.TimeGetter;
import io.ottl4j.language.function.Values;
import io.ottl4j.language.function.std.internal.GoDuration;
import io.ottl4j.language.function.std.internal.GoLayout;
import io.ottl4j.language.function.std.internal.GoZones;
import io.ottl4j.language.function.std.internal.Strptime;
import io.ottl4j.language.function.std.internal.TimeNames;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * Time and duration converters. Times are {@link ZonedDateTime}s (Go's {@code time.Time}: an instant plus
 * the location its fields are read in); durations are {@link Duration}s of int64 nanoseconds.
 *
 * <p>Where upstream uses Go's local time zone ({@code Time} without a zone in the value or a
 * {@code location}, {@code Unix}, {@code Now}), so do we: the JVM's default zone, i.e. the host's
 * ({@code TZ} / {@code -Duser.timezone}). Results of {@code Time} therefore depend on the host unless the
 * format has a zone or a location is given (spec §10 #11).
 */
public final class TimeConverters {
    private TimeConverters() {
    }

    private static ZoneId local() {
        return ZoneId.systemDefault();
    }

    // ------------------------------------------------------------------ parsing and formatting

    /** The Go layout of a strptime-like {@code format} argument, validated at compile time. */
    private static String goLayout(String format) {
        if (format.isEmpty()) {
            throw new OttlArgumentException("format", "format cannot be nil");
        }
        try {
            return Strptime.toGoLayout(format);
        } catch (Strptime.BadFormat e) {
            throw new OttlArgumentException("format", e.getMessage());
        }
    }

    @OttlFunction(name = "Time", kind = OttlFunction.Kind.CONVERTER,
            doc = "Parses a string into a time with strptime-like directives (%Y %m %d %H %M %S %L %f %z %Z %b %B %a %p ...); "
                    + "location (an IANA zone) applies when the value has no zone (default: the host's zone); locale "
                    + "names the language of month and weekday names.",
            example = "Time(attributes[\"ts\"], \"%Y-%m-%d %H:%M:%S\", \"America/New_York\")")
    public static final class TimeConverter extends ConverterNode {
        @Child private StringGetter time;
        private final String format;
        private final String layout;
        private final ZoneId location;
        private final TimeNames names;

        public TimeConverter(@Param("time") StringGetter time, @Param("format") String format,
                @Param(value = "location", optional = true, defaultValue = "the host's zone") String location,
                @Param(value = "locale", optional = true, defaultValue = "en") String locale) {
            this.time = time;
            this.format = format;
            this.layout = goLayout(format);
            this.location = defaultLocation(location, format);
            try {
                this.names = locale == null ? TimeNames.ENGLISH : TimeNames.of(locale);
            } catch (TimeNames.BadLocale e) {
                throw new OttlArgumentException("locale", e.getMessage());
            }
        }

        /** Upstream's GetLocation: the given zone, else UTC for formats ending in a literal Z, else local. */
        private static ZoneId defaultLocation(String location, String format) {
            if (location != null && !location.isEmpty()) {
                try {
                    return GoZones.load(location);
                } catch (GoZones.UnknownZone e) {
                    throw new OttlArgumentException("location", "failed to load location " + location + ": " + e.getMessage());
                }
            }
            if (format.endsWith("Z") && !format.endsWith("%Z")) {
                return java.time.ZoneOffset.UTC;
            }
            return local();
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return parse(time.get(frame), format, layout, location, names, this);
        }

        @TruffleBoundary
        private static ZonedDateTime parse(String value, String format, String layout, ZoneId loc, TimeNames names, Node at) {
            if (value.isEmpty()) {
                throw new OttlRuntimeException("Time: time cannot be nil", at);
            }
            ZonedDateTime t;
            try {
                t = parseCorrected(value, layout, loc, names);
            } catch (GoLayout.ParseError e) {
                throw new OttlRuntimeException("Time: " + e.render(format, Strptime.directiveFor(format, e.layoutElem)), at);
            } catch (GoZones.UnknownZone e) {
                throw new OttlRuntimeException("Time: failed to load location " + e.zone() + ": " + e.getMessage(), at);
            }
            return withYear(t);
        }

        /**
         * Go resolves a zone abbreviation only against the default location; upstream then retries with the
         * IANA zone of that name when the first parse fell back to a zero offset (so "HST" means -10:00).
         */
        private static ZonedDateTime parseCorrected(String value, String layout, ZoneId loc, TimeNames names)
                throws GoLayout.ParseError, GoZones.UnknownZone {
            GoLayout.Parsed first = GoLayout.parse(layout, value, loc, names);
            ZonedDateTime t = first.time();
            String zone = first.zone();
            String locZone = GoZones.abbreviation(t.withZoneSameInstant(loc));
            if (t.getOffset().getTotalSeconds() != 0 || zone.equals("UTC") || zone.equals(locZone)) {
                return t;
            }
            ZoneId named = GoZones.load(zone);
            try {
                return GoLayout.parse(layout, value, named, names).time();
            } catch (GoLayout.ParseError e) {
                return t;
            }
        }

        /** Upstream's SetTimestampYear: a value without a year (year 0) gets the current year, or the last one. */
        private static ZonedDateTime withYear(ZonedDateTime t) {
            if (t.getYear() > 0) {
                return t;
            }
            ZonedDateTime now = ZonedDateTime.now(local());
            ZonedDateTime d = ZonedDateTime.of(now.getYear(), t.getMonthValue(), 1, t.getHour(), t.getMinute(),
                    t.getSecond(), t.getNano(), t.getZone()).plusDays(t.getDayOfMonth() - 1L);
            if (d.toInstant().isAfter(now.plusDays(7).toInstant())) {
                d = d.minusYears(1);
            }
            return d;
        }
    }

    @OttlFunction(name = "FormatTime", kind = OttlFunction.Kind.CONVERTER,
            doc = "Formats a time with strptime-like directives (%Y %m %d %H %M %S %L %f %z %Z %b %B %a %A %p ...), "
                    + "in the time's own zone.",
            example = "FormatTime(time, \"%Y-%m-%dT%H:%M:%S\")")
    public static final class FormatTimeConverter extends ConverterNode {
        @Child private TimeGetter time;
        private final String layout;

        public FormatTimeConverter(@Param("time") TimeGetter time, @Param("format") String format) {
            this.time = time;
            this.layout = goLayout(format);
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return format(time.get(frame), layout);
        }

        @TruffleBoundary
        private static String format(ZonedDateTime t, String layout) {
            return GoLayout.format(t, layout);
        }
    }

    // ------------------------------------------------------------------ making times

    @OttlFunction(name = "Now", kind = OttlFunction.Kind.CONVERTER,
            doc = "The current time, in the host's zone.", example = "Now()")
    public static final class NowConverter extends ConverterNode {
        public NowConverter() {
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return now();
        }

        @TruffleBoundary
        private static ZonedDateTime now() {
            return ZonedDateTime.now(local());
        }
    }

    @OttlFunction(name = "Unix", kind = OttlFunction.Kind.CONVERTER,
            doc = "The time that many seconds (and nanoseconds) after 1970-01-01 UTC, in the host's zone.",
            example = "Unix(1672527600, 500000000)")
    public static final class UnixConverter extends ConverterNode {
        @Child private IntGetter seconds;
        @Child private IntGetter nanoseconds;

        public UnixConverter(@Param("seconds") IntGetter seconds,
                @Param(value = "nanoseconds", optional = true, defaultValue = "0") IntGetter nanoseconds) {
            this.seconds = seconds;
            this.nanoseconds = nanoseconds;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            long sec = seconds.get(frame);
            long nsec = nanoseconds == null ? 0 : nanoseconds.get(frame);
            return unix(sec, nsec, this);
        }

        @TruffleBoundary
        private static ZonedDateTime unix(long sec, long nsec, Node at) {
            try {
                return ZonedDateTime.ofInstant(Instant.ofEpochSecond(sec, nsec), local());
            } catch (DateTimeException | ArithmeticException e) {
                throw new OttlRuntimeException("Unix: " + sec + " seconds and " + nsec + " nanoseconds is out of the supported time range", at);
            }
        }
    }

    @OttlFunction(name = "TruncateTime", kind = OttlFunction.Kind.CONVERTER,
            doc = "Rounds a time down to a multiple of the duration since the zero time (Go's Time.Truncate); "
                    + "a duration <= 0 leaves it unchanged.",
            example = "TruncateTime(time, Duration(\"1s\"))")
    public static final class TruncateTimeConverter extends ConverterNode {
        @Child private TimeGetter time;
        @Child private DurationGetter duration;

        public TruncateTimeConverter(@Param("time") TimeGetter time, @Param("duration") DurationGetter duration) {
            this.time = time;
            this.duration = duration;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            ZonedDateTime t = time.get(frame);
            return truncate(t, Values.durationNanos(duration.get(frame)));
        }

        /** Go's zero time, January 1 of year 1, 00:00 UTC, in Unix seconds. */
        private static final long ZERO_TIME = -62135596800L;

        @TruffleBoundary
        private static ZonedDateTime truncate(ZonedDateTime t, long d) {
            if (d <= 0) {
                return t;
            }
            BigInteger since = BigInteger.valueOf(t.toEpochSecond()).subtract(BigInteger.valueOf(ZERO_TIME))
                    .multiply(BigInteger.valueOf(1_000_000_000L)).add(BigInteger.valueOf(t.getNano()));
            long r = since.mod(BigInteger.valueOf(d)).longValue();
            return t.minusNanos(r);
        }
    }

    // ------------------------------------------------------------------ reading times

    /** A converter reading one int64 from a time; each function gives only what it reads. */
    abstract static class TimeToInt extends ConverterNode {
        @Child private TimeGetter time;
        private final ToLongFunction<ZonedDateTime> read;

        TimeToInt(TimeGetter time, ToLongFunction<ZonedDateTime> read) {
            this.time = time;
            this.read = read;
        }

        @Override
        public final Object executeGeneric(VirtualFrame frame) {
            return readBoundary(time.get(frame));
        }

        @TruffleBoundary
        private Object readBoundary(ZonedDateTime t) {
            return read.applyAsLong(t);
        }
    }

    @OttlFunction(name = "UnixSeconds", kind = OttlFunction.Kind.CONVERTER,
            doc = "Seconds since 1970-01-01 UTC.", example = "UnixSeconds(time)")
    public static final class UnixSecondsConverter extends TimeToInt {
        public UnixSecondsConverter(@Param("time") TimeGetter time) {
            super(time, t -> t.toEpochSecond());
        }
    }

    @OttlFunction(name = "UnixMilli", kind = OttlFunction.Kind.CONVERTER,
            doc = "Milliseconds since 1970-01-01 UTC.", example = "UnixMilli(time)")
    public static final class UnixMilliConverter extends TimeToInt {
        public UnixMilliConverter(@Param("time") TimeGetter time) {
            super(time, t -> t.toEpochSecond() * 1_000L + t.getNano() / 1_000_000);
        }
    }

    @OttlFunction(name = "UnixMicro", kind = OttlFunction.Kind.CONVERTER,
            doc = "Microseconds since 1970-01-01 UTC.", example = "UnixMicro(time)")
    public static final class UnixMicroConverter extends TimeToInt {
        public UnixMicroConverter(@Param("time") TimeGetter time) {
            super(time, t -> t.toEpochSecond() * 1_000_000L + t.getNano() / 1_000);
        }
    }

    @OttlFunction(name = "UnixNano", kind = OttlFunction.Kind.CONVERTER,
            doc = "Nanoseconds since 1970-01-01 UTC (wrapping like Go's int64 outside 1678-2262).",
            example = "UnixNano(time)")
    public static final class UnixNanoConverter extends TimeToInt {
        public UnixNanoConverter(@Param("time") TimeGetter time) {
            super(time, t -> t.toEpochSecond() * 1_000_000_000L + t.getNano());
        }
    }

    @OttlFunction(name = "Year", kind = OttlFunction.Kind.CONVERTER,
            doc = "The year of a time, in the time's zone.", example = "Year(time)")
    public static final class YearConverter extends TimeToInt {
        public YearConverter(@Param("time") TimeGetter time) {
            super(time, t -> t.getYear());
        }
    }

    @OttlFunction(name = "Month", kind = OttlFunction.Kind.CONVERTER,
            doc = "The month of a time, 1 (January) to 12, in the time's zone.", example = "Month(time)")
    public static final class MonthConverter extends TimeToInt {
        public MonthConverter(@Param("time") TimeGetter time) {
            super(time, t -> t.getMonthValue());
        }
    }

    @OttlFunction(name = "Day", kind = OttlFunction.Kind.CONVERTER,
            doc = "The day of the month of a time, in the time's zone.", example = "Day(time)")
    public static final class DayConverter extends TimeToInt {
        public DayConverter(@Param("time") TimeGetter time) {
            super(time, t -> t.getDayOfMonth());
        }
    }

    @OttlFunction(name = "Hour", kind = OttlFunction.Kind.CONVERTER,
            doc = "The hour of a time, 0 to 23, in the time's zone.", example = "Hour(time)")
    public static final class HourConverter extends TimeToInt {
        public HourConverter(@Param("time") TimeGetter time) {
            super(time, t -> t.getHour());
        }
    }

    @OttlFunction(name = "Minute", kind = OttlFunction.Kind.CONVERTER,
            doc = "The minute of a time, 0 to 59.", example = "Minute(time)")
    public static final class MinuteConverter extends TimeToInt {
        public MinuteConverter(@Param("time") TimeGetter time) {
            super(time, t -> t.getMinute());
        }
    }

    @OttlFunction(name = "Second", kind = OttlFunction.Kind.CONVERTER,
            doc = "The second of a time, 0 to 59.", example = "Second(time)")
    public static final class SecondConverter extends TimeToInt {
        public SecondConverter(@Param("time") TimeGetter time) {
            super(time, t -> t.getSecond());
        }
    }

    @OttlFunction(name = "Nanosecond", kind = OttlFunction.Kind.CONVERTER,
            doc = "The nanosecond within the second of a time, 0 to 999999999.", example = "Nanosecond(time)")
    public static final class NanosecondConverter extends TimeToInt {
        public NanosecondConverter(@Param("time") TimeGetter time) {
            super(time, t -> t.getNano());
        }
    }

    @OttlFunction(name = "Weekday", kind = OttlFunction.Kind.CONVERTER,
            doc = "The day of the week of a time, 0 (Sunday) to 6 (Saturday), in the time's zone.",
            example = "Weekday(time)")
    public static final class WeekdayConverter extends TimeToInt {
        public WeekdayConverter(@Param("time") TimeGetter time) {
            super(time, t -> t.getDayOfWeek().getValue() % 7);
        }
    }

    // ------------------------------------------------------------------ durations

    @OttlFunction(name = "Duration", kind = OttlFunction.Kind.CONVERTER,
            doc = "Parses a Go duration string: a signed sequence of decimal numbers with units ns, us (or µs), ms, s, m, h.",
            example = "Duration(\"1h30m\")")
    public static final class DurationConverter extends ConverterNode {
        @Child private StringGetter duration;

        public DurationConverter(@Param("duration") StringGetter duration) {
            this.duration = duration;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return parse(duration.get(frame), this);
        }

        @TruffleBoundary
        private static Duration parse(String s, Node at) {
            try {
                return GoDuration.parse(s);
            } catch (GoDuration.BadDuration e) {
                throw new OttlRuntimeException("Duration: " + e.getMessage(), at);
            }
        }
    }

    /** A converter reading a number from a duration's int64 nanoseconds. */
    abstract static class DurationTo extends ConverterNode {
        @Child private DurationGetter duration;
        private final LongFunction<Object> read;

        DurationTo(DurationGetter duration, LongFunction<Object> read) {
            this.duration = duration;
            this.read = read;
        }

        @Override
        public final Object executeGeneric(VirtualFrame frame) {
            return readBoundary(duration.get(frame));
        }

        @TruffleBoundary
        private Object readBoundary(Duration d) {
            return read.apply(Values.durationNanos(d));
        }

        /** Go's Duration.Hours/Minutes/Seconds: whole units plus the fraction of the remainder. */
        static double fraction(long nanos, long unit) {
            return (double) (nanos / unit) + (double) (nanos % unit) / (double) unit;
        }
    }

    @OttlFunction(name = "Hours", kind = OttlFunction.Kind.CONVERTER,
            doc = "A duration in hours, as a double.", example = "Hours(Duration(\"90m\"))")
    public static final class HoursConverter extends DurationTo {
        public HoursConverter(@Param("duration") DurationGetter duration) {
            super(duration, nanos -> fraction(nanos, 3_600_000_000_000L));
        }
    }

    @OttlFunction(name = "Minutes", kind = OttlFunction.Kind.CONVERTER,
            doc = "A duration in minutes, as a double.", example = "Minutes(Duration(\"1h\"))")
    public static final class MinutesConverter extends DurationTo {
        public MinutesConverter(@Param("duration") DurationGetter duration) {
            super(duration, nanos -> fraction(nanos, 60_000_000_000L));
        }
    }

    @OttlFunction(name = "Seconds", kind = OttlFunction.Kind.CONVERTER,
            doc = "A duration in seconds, as a double.", example = "Seconds(Duration(\"1m\"))")
    public static final class SecondsConverter extends DurationTo {
        public SecondsConverter(@Param("duration") DurationGetter duration) {
            super(duration, nanos -> fraction(nanos, 1_000_000_000L));
        }
    }

    @OttlFunction(name = "Milliseconds", kind = OttlFunction.Kind.CONVERTER,
            doc = "A duration in whole milliseconds (truncated toward zero).", example = "Milliseconds(Duration(\"1s\"))")
    public static final class MillisecondsConverter extends DurationTo {
        public MillisecondsConverter(@Param("duration") DurationGetter duration) {
            super(duration, nanos -> nanos / 1_000_000L);
        }
    }

    @OttlFunction(name = "Microseconds", kind = OttlFunction.Kind.CONVERTER,
            doc = "A duration in whole microseconds (truncated toward zero).", example = "Microseconds(Duration(\"1ms\"))")
    public static final class MicrosecondsConverter extends DurationTo {
        public MicrosecondsConverter(@Param("duration") DurationGetter duration) {
            super(duration, nanos -> nanos / 1_000L);
        }
    }

    @OttlFunction(name = "Nanoseconds", kind = OttlFunction.Kind.CONVERTER,
            doc = "A duration in nanoseconds.", example = "Nanoseconds(Duration(\"1ms\"))")
    public static final class NanosecondsConverter extends DurationTo {
        public NanosecondsConverter(@Param("duration") DurationGetter duration) {
            super(duration, nanos -> nanos);
        }
    }
}

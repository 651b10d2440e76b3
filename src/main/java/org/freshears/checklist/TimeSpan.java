package org.freshears.checklist;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stretch of the song, in seconds from its start. Times are written as people read them off a
 * player: {@code "1:05"}, {@code "1:05.250"}, {@code "0:42"}, or plain seconds {@code "65.25"}.
 */
public record TimeSpan(double fromSeconds, double toSeconds) {
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d+):(\\d{1,2}(?:\\.\\d+)?)|(\\d+):(\\d{1,2}(?:\\.\\d+)?)");

    public TimeSpan {
        if (!(fromSeconds >= 0) || !Double.isFinite(fromSeconds)) {
            throw new IllegalArgumentException("a span must start at 0 s or later, got " + fromSeconds);
        }
        if (!(toSeconds > fromSeconds) || !Double.isFinite(toSeconds)) {
            throw new IllegalArgumentException("a span must end after it starts, got " + format(fromSeconds) + " to "
                    + format(toSeconds));
        }
    }

    /** A span from two times such as {@code "0:20"} and {@code "0:30.5"}. */
    public static TimeSpan of(String from, String to) {
        return new TimeSpan(parseSeconds(from), parseSeconds(to));
    }

    public double durationSeconds() {
        return toSeconds - fromSeconds;
    }

    public boolean contains(double seconds) {
        return seconds >= fromSeconds && seconds < toSeconds;
    }

    public boolean overlaps(TimeSpan other) {
        return fromSeconds < other.toSeconds && other.fromSeconds < toSeconds;
    }

    /** This span cut to [0, durationSeconds]; it must still hold some time. */
    public TimeSpan clampTo(double durationSeconds) {
        if (fromSeconds >= durationSeconds) {
            throw new IllegalArgumentException("span " + this + " starts after the end of the audio ("
                    + format(durationSeconds) + ")");
        }
        return new TimeSpan(fromSeconds, Math.min(toSeconds, durationSeconds));
    }

    /**
     * Reads {@code m:ss}, {@code m:ss.mmm}, {@code h:mm:ss(.mmm)} or plain seconds ({@code "42"}, {@code "42.5"}).
     */
    public static double parseSeconds(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = CLOCK.matcher(t);
        if (m.matches()) {
            if (m.group(4) != null) {
                return checkedSeconds(text, Long.parseLong(m.group(4)) * 60 + Double.parseDouble(m.group(5)),
                        m.group(5));
            }
            long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            return checkedSeconds(text, hours * 3600 + Long.parseLong(m.group(2)) * 60
                    + Double.parseDouble(m.group(3)), m.group(3));
        }
        try {
            double seconds = Double.parseDouble(t);
            if (seconds >= 0 && Double.isFinite(seconds) && !t.isEmpty() && Character.isDigit(t.charAt(0))) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw new IllegalArgumentException("not a time: '" + text + "' (write m:ss, m:ss.mmm or seconds, e.g. 1:05.5)");
    }

    private static double checkedSeconds(String text, double total, String secondsField) {
        if (Double.parseDouble(secondsField) >= 60) {
            throw new IllegalArgumentException("not a time: '" + text + "' (seconds must be below 60)");
        }
        return total;
    }

    /** {@code 65.25} as {@code "1:05.250"}. */
    public static String format(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%d:%02d.%03d", millis / 60_000, millis / 1000 % 60, millis % 1000);
    }

    @Override
    public String toString() {
        return format(fromSeconds) + "-" + format(toSeconds);
    }
}

package org.freshears.plot;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Seconds written as a player shows them, {@code m:ss} (or {@code m:ss.s} for ticks closer than a second),
 * so that chart times read like the times in the notebook's notes ({@code s.note("0:42", ...)}).
 */
final class ClockFormat extends NumberFormat {
    private final boolean tenths;

    ClockFormat(boolean tenths) {
        this.tenths = tenths;
    }

    static String format(double seconds, boolean tenths) {
        long scaled = Math.round(Math.abs(seconds) * (tenths ? 10 : 1));
        long whole = tenths ? scaled / 10 : scaled;
        String text = String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
        if (tenths) {
            text += "." + scaled % 10;
        }
        return seconds < 0 && scaled != 0 ? "-" + text : text;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(format(number, tenths));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return format((double) number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        // NumberFormat's contract: read what is there, or return null and mark where reading failed.
        int start = parsePosition.getIndex();
        int end = start;
        while (end < source.length() && (Character.isDigit(source.charAt(end)) || ":.".indexOf(source.charAt(end)) >= 0)) {
            end++;
        }
        try {
            double seconds = org.freshears.checklist.TimeSpan.parseSeconds(source.substring(start, end));
            parsePosition.setIndex(end);
            return seconds;
        } catch (IllegalArgumentException e) {
            parsePosition.setErrorIndex(start);
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClockFormat other && other.tenths == tenths;
    }

    @Override
    public int hashCode() {
        return tenths ? 1 : 0;
    }
}

package org.freshears.audio;

/** Frame positions as m:ss.mmm for messages a person reads. */
public final class Timecode {
    private Timecode() {
    }

    /** For example frame 1234 at 48 kHz is "0:00.026" (rounded to the millisecond). */
    static String of(long frame, int sampleRate) {
        long millis = (frame * 1000 + sampleRate / 2) / sampleRate;
        long minutes = millis / 60_000;
        long seconds = millis / 1000 % 60;
        return String.format(java.util.Locale.ROOT, "%d:%02d.%03d", minutes, seconds, millis % 1000);
    }

    /** For example 36.5 seconds is "0:36.500" (rounded to the millisecond). */
    public static String format(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(java.util.Locale.ROOT, "%d:%02d.%03d", millis / 60_000, millis / 1000 % 60, millis % 1000);
    }

    /** "NaN sample at frame 1234 (0:00.026), channel 2" — channels counted from 1 as people do. */
    static String badSample(String what, long frame, int channel, int sampleRate) {
        return what + " sample at frame " + frame + " (" + of(frame, sampleRate) + "), channel " + (channel + 1);
    }
}

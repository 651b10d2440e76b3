package org.freshears.checklist;

import java.util.Locale;

/**
 * A figure of an album as a whole, for an album check ({@code album.check("songs sit together",
 * loudnessSpreadLu(), atMost(1.5))}): read from every song's master together, never from one song.
 */
public enum AlbumMetric {
    /** BS.1770-4 gating over every song's 400 ms blocks together: the loudness of the album played through. */
    INTEGRATED_LUFS("album loudness", "LUFS"),
    /** The loudest song's integrated loudness minus the quietest's. */
    LOUDNESS_SPREAD_LU("loudness spread", "LU"),
    /** The highest true peak of any song's master. */
    TRUE_PEAK_DBTP("highest true peak", "dBTP");

    private final String label;
    private final String unit;

    AlbumMetric(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** The value with its unit, as evidence: {@code 1.23 LU}; "none" for NaN. */
    public String format(double value) {
        return Double.isNaN(value) ? "none" : String.format(Locale.ROOT, "%.2f %s", value, unit);
    }

    /**
     * The album figure a song metric names in an album check: {@code integratedLufs()} is the album's loudness,
     * {@code truePeakDbtp()} the highest song's peak; any other song metric is a song's own figure, refused here.
     */
    public static AlbumMetric of(Metric songMetric) {
        return switch (songMetric) {
            case INTEGRATED_LUFS -> INTEGRATED_LUFS;
            case TRUE_PEAK_DBTP -> TRUE_PEAK_DBTP;
            default -> throw new IllegalArgumentException("an album check reads integratedLufs() (the album's"
                    + " loudness), truePeakDbtp() (the highest song's) or loudnessSpreadLu(), not "
                    + songMetric.label() + ": check each song's own with song.check(...)");
        };
    }
}
